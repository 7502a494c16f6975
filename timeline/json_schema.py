"""JSON Schemas for editors, generated from the pydantic models.

``events.schema.json`` also lists the vocabulary ids (categories, actors, statuses, places) as
enums, so an editor with the YAML language server autocompletes them; it is regenerated with
``python -m timeline schema --write`` whenever the vocabularies change.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

from pydantic import BaseModel

from timeline.dates import PARTIAL_DATE_PATTERN
from timeline.loader import read_model_file
from timeline.model import EventsFile, Settings, SourcesFile, Vocabularies
from timeline.paths import SCHEMA_DIR
from timeline.problems import Problem

DRAFT = "https://json-schema.org/draft/2020-12/schema"

# schema file -> (model, title)
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "events.schema.json": (EventsFile, "Timeline events"),
    "sources.schema.json": (SourcesFile, "Seed catalogue"),
    "vocabularies.schema.json": (Vocabularies, "Vocabularies"),
    "timeline.schema.json": (Settings, "Dataset settings"),
}
# Event field -> vocabulary section whose ids it takes
_ENUM_FIELDS = {
    "category": "categories",
    "actors": "actors",
    "status": "statuses",
    "location": "places",
    "other_locations": "places",
}


def build_schemas(vocabularies: Vocabularies) -> dict[str, dict]:
    """Every schema as a dict, the events schema with the vocabulary enums in it."""
    schemas = {}
    for name, (model, title) in SCHEMAS.items():
        schema = {"$schema": DRAFT, "title": title, **model.model_json_schema()}
        schema["title"] = title
        schemas[name] = schema
    _inject_event_enums(schemas["events.schema.json"], vocabularies)
    return schemas


def _inject_event_enums(schema: dict, vocabularies: Vocabularies) -> None:
    properties = schema["$defs"]["Event"]["properties"]
    for name, section in _ENUM_FIELDS.items():
        ids = [entry.id for entry in getattr(vocabularies, section)]
        target = properties[name]
        if "items" in target:
            target = target["items"]
        elif "anyOf" in target:
            target = next(branch for branch in target["anyOf"] if branch.get("type") == "string")
        target["enum"] = ids
    # Dates: pydantic drops the pattern behind the year-as-number validator; editors need it,
    # and an unquoted year (date: 2023) is a number in YAML, which the loader accepts.
    date = {
        "type": ["string", "integer"],
        "pattern": PARTIAL_DATE_PATTERN,
        "description": properties["date"]["description"],
    }
    properties["date"] = {**copy.deepcopy(date), "title": "Date"}
    properties["end"]["anyOf"][0] = copy.deepcopy(date)


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def rendered_schemas(vocabulary_file: Path) -> tuple[dict[str, str], list[Problem]]:
    """The text of every schema file, or the problems of the vocabulary file."""
    vocab = read_model_file(vocabulary_file, Vocabularies)
    if vocab.model is None:
        return {}, vocab.problems
    return {name: render(schema) for name, schema in build_schemas(vocab.model).items()}, []


def stale_schemas(rendered: dict[str, str], schema_dir: Path = SCHEMA_DIR) -> list[str]:
    """The schema files that are missing or differ from what the models generate."""
    stale = []
    for name, text in rendered.items():
        path = schema_dir / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale


def write_schemas(rendered: dict[str, str], schema_dir: Path = SCHEMA_DIR) -> list[Path]:
    schema_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in rendered.items():
        path = schema_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
