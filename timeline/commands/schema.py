"""``schema [--write | --check]``: the JSON Schemas generated from the models."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from timeline.json_schema import rendered_schemas, stale_schemas, write_schemas
from timeline.paths import DataPaths
from timeline.problems import format_text


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print, write or check the JSON Schemas in schema/",
        description=(
            "Generate the JSON Schemas of the events file, the seed catalogue and the "
            "vocabularies from the pydantic models, with the vocabulary ids as enums so that "
            "editors autocomplete them. Without options, print the events schema."
        ),
    )
    action = parser.add_mutually_exclusive_group()
    action.add_argument(
        "--write", action="store_true", help="write every schema file into the schema folder"
    )
    action.add_argument(
        "--check",
        action="store_true",
        help="exit 1 when a committed schema file differs from what the models generate",
    )
    parser.add_argument(
        "--vocabularies",
        metavar="PATH",
        default=DataPaths.of().vocabularies,
        help=f"the vocabulary file (default: {DataPaths.of().vocabularies})",
    )
    parser.add_argument(
        "--dir",
        metavar="DIR",
        default="schema",
        help="the schema folder (default: schema)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    rendered, problems = rendered_schemas(Path(args.vocabularies))
    if problems:
        print(format_text(problems), end="")
        return 1
    schema_dir = Path(args.dir)
    if args.write:
        for path in write_schemas(rendered, schema_dir):
            print(f"wrote {path.as_posix()}")
        return 0
    if args.check:
        stale = stale_schemas(rendered, schema_dir)
        for name in stale:
            print(
                f"{(schema_dir / name).as_posix()} is stale: "
                "run python -m timeline schema --write and commit it"
            )
        if not stale:
            print(f"{schema_dir.as_posix()}: {len(rendered)} schemas up to date")
        return 1 if stale else 0
    print(json.dumps(json.loads(rendered["events.schema.json"]), indent=2, ensure_ascii=False))
    return 0
