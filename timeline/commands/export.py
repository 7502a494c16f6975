"""``export --format FORMAT --out FILE [options] [filters]``: the chart or the events, for publication."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

import timeline
from timeline.export import (
    CHART_FORMATS,
    EXTENSIONS,
    FORMATS,
    PRESETS,
    THEMES,
    BrowserMissing,
    ChartCache,
    ChartOptions,
    ImageRenderer,
    RenderError,
    export,
)
from timeline.export.image import IMAGE_FORMATS, PLOTLY_JS_CHOICES, plotly_js_file
from timeline.paths import DEFAULT_EVENTS
from timeline.problems import format_text
from timeline.text import did_you_mean
from timeline.view import View, filters

# Options that take one of a list of values, with the FilterState field they fill.
LIST_FILTERS = {
    "source": "sources",
    "actor": "actors",
    "category": "categories",
    "status": "statuses",
}


class UsageError(Exception):
    """A value on the command line that cannot be used; the message says which ones can."""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export the timeline chart (PNG, SVG, PDF, HTML) or the events (CSV, JSON, "
        "TimelineJS), filtered like the dashboard",
        description=(
            "Export the chart of the events (png, svg, pdf, or a self-contained interactive "
            "html page) or the events themselves (csv, json, or timelinejs: Knight Lab's "
            "TimelineJS JSON), filtered as the dashboard's URL filters them. Every chart "
            "carries a title, an optional subtitle and a footer naming the seeds cited by the "
            "events it shows, the filters, the data version and the export date. PNG, SVG "
            "and PDF need Chromium (apt-get install chromium). Give --out several times to "
            "write several files with one browser (the format then comes from each file's "
            "extension). Exit code 0 when written, 1 when the data has errors or a file cannot "
            "be written, 2 for an unknown option value."
        ),
    )
    output = parser.add_argument_group("output")
    output.add_argument(
        "--format",
        choices=FORMATS,
        help="the file format (default: from the extension of --out)",
    )
    output.add_argument(
        "--out", action="append", required=True, metavar="FILE", help="the file to write"
    )
    output.add_argument(
        "--preset",
        choices=list(PRESETS),
        default="social",
        help="chart size: "
        + ", ".join(
            f"{name} {s.width}x{s.height}" + (f" at scale {s.scale:g}" if s.scale != 1 else "")
            for name, s in PRESETS.items()
        )
        + " (default social)",
    )
    output.add_argument("--width", type=_positive_int, help="chart width in CSS pixels")
    output.add_argument("--height", type=_positive_int, help="chart height in CSS pixels")
    output.add_argument(
        "--scale",
        type=_scale,
        help="pixels per CSS pixel in a PNG (PNG size = width x height x scale)",
    )
    output.add_argument("--title", default="", help="chart title (default: made from the filters)")
    output.add_argument("--subtitle", default="", help="a line under the title")
    output.add_argument(
        "--theme", choices=list(THEMES), default="light", help="light (default) or dark"
    )
    output.add_argument(
        "--plotly-js",
        choices=PLOTLY_JS_CHOICES,
        default="inline",
        help="HTML only: inline (default) puts plotly.js in the page (about 4.8 MB, one file "
        "that works offline); file writes it once beside the page as plotly-VERSION.min.js, "
        "which every page exported to that folder shares (keep them together; still offline)",
    )
    output.add_argument(
        "--data",
        default=DEFAULT_EVENTS,
        metavar="PATH",
        help=f"the events file (default {DEFAULT_EVENTS})",
    )
    view = parser.add_argument_group("filters (as in the dashboard's URL)")
    for name in LIST_FILTERS:
        view.add_argument(
            f"--{name}",
            action="append",
            default=[],
            metavar="ID",
            help=f"keep events with this {name} (repeat for several: any of them)",
        )
    view.add_argument(
        "--from", dest="date_from", metavar="DATE", help="YYYY, YYYY-MM or YYYY-MM-DD"
    )
    view.add_argument("--to", dest="date_to", metavar="DATE", help="up to the end of this date")
    view.add_argument(
        "--q", default="", metavar="WORDS", help="every word in the title, summary or a quote"
    )
    view.add_argument("--min-sources", metavar="N", help="cited by at least N seeds")
    view.add_argument(
        "--corroboration",
        choices=filters.CORROBORATION,
        help="single: events cited by one seed only; corroborated: by two or more",
    )
    view.add_argument(
        "--range",
        dest="time_range",
        choices=filters.RANGES,
        help="all: the whole span of the events (default: where they are dense)",
    )
    view.add_argument("--lanes", choices=filters.LANES, help="chart lanes by (default category)")
    parser.set_defaults(run=run)


def _positive_int(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) <= 10000:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from 1 to 10000")
    return int(text)


def _scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0
    if not 0 < value <= 10:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number above 0 and at most 10")
    return value


def run(args: argparse.Namespace) -> int:
    dataset = timeline.load_dataset(args.data)
    errors = [p for p in dataset.problems if p.is_error]
    if errors or dataset.vocabularies is None:
        print(format_text(errors), end="")
        print(
            f"python -m timeline export: {args.data} has {len(errors)} error{'s' * (len(errors) != 1)}: nothing "
            "exported (python -m timeline check lists them)",
            file=sys.stderr,
        )
        return 1
    try:
        outputs = _outputs(args)
        state = _state(args, dataset)
    except UsageError as error:
        print(f"python -m timeline export: error: {error}", file=sys.stderr)
        return 2
    view = View(dataset, state)
    preset = PRESETS[args.preset]
    options = ChartOptions(
        size=replace(
            preset,
            width=args.width or preset.width,
            height=args.height or preset.height,
            scale=args.scale or preset.scale,
        ),
        title=args.title,
        subtitle=args.subtitle,
        theme=args.theme,
        plotly_js=args.plotly_js,
    )
    charts = ChartCache()  # every --out draws the same chart: laid out once
    with ImageRenderer(progress=_progress) as renderer:
        for path, fmt in outputs:
            status = _write(view, fmt, options, renderer, charts, path)
            if status:
                return status
    return 0


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _write(
    view: View,
    fmt: str,
    options: ChartOptions,
    renderer: ImageRenderer,
    charts: ChartCache,
    path: Path,
) -> int:
    started = time.monotonic()
    if fmt in IMAGE_FORMATS:
        size = options.size
        pixels = f", {size.pixels[0]}x{size.pixels[1]} pixels" if fmt == "png" else ""
        _progress(
            f"Rendering {path} ({fmt.upper()}, {size.width}x{size.height} at scale {size.scale:g}{pixels})…"
        )
    try:
        content = export(view, fmt, options, renderer=renderer, charts=charts)
    except BrowserMissing as error:
        print(f"python -m timeline export: {error}", file=sys.stderr)
        return 1
    except RenderError as error:
        print(f"python -m timeline export: {error}", file=sys.stderr)
        return 1
    written = [(path, content)]
    if fmt == "html" and options.plotly_js == "file":
        name, library = plotly_js_file()
        written.append((path.parent / name, library))
    for target, data in written:
        try:
            target.write_bytes(data)
        except OSError as error:
            print(
                f"python -m timeline export: cannot write {target}: {error.strerror}",
                file=sys.stderr,
            )
            return 1
    if len(written) > 1:
        print(f"{written[1][0]}: plotly.js for {path.name}, {len(written[1][1]):,} bytes")
    count = len(view.drawn) if fmt in CHART_FORMATS else len(view.events)
    seconds = time.monotonic() - started
    print(
        f"{path}: {fmt} of {count} event{'s' * (count != 1)}, {len(content):,} bytes ({seconds:.1f} s)"
    )
    return 0


def _format_of(path: Path) -> str | None:
    name = path.name.lower()
    for fmt, extension in EXTENSIONS.items():
        if name.endswith("." + extension):
            return fmt
    suffix = path.suffix.lower().lstrip(".")
    return {"htm": "html"}.get(suffix, suffix) if suffix in (*FORMATS, "htm") else None


def _outputs(args: argparse.Namespace) -> list[tuple[Path, str]]:
    if args.format and len(args.out) > 1:
        raise UsageError(
            "--format goes with one --out; with several, each file's extension says its format"
        )
    outputs = []
    for out in args.out:
        path = Path(out)
        fmt = args.format or _format_of(path)
        if fmt is None:
            raise UsageError(
                f"cannot tell the format of {out!r} from its extension: add --format "
                f"({', '.join(FORMATS)})"
            )
        outputs.append((path, fmt))
    return outputs


def _check_values(option: str, values: Sequence[str], valid: Sequence[str]) -> None:
    for value in values:
        if value not in valid:
            hint = did_you_mean(value, {v: v for v in valid})
            raise UsageError(
                f"unknown --{option} {value!r}{hint}; valid values: {', '.join(valid)}"
            )


def _state(args: argparse.Namespace, dataset: timeline.Dataset) -> filters.FilterState:
    """The filters as the URL would give them; a value the URL would ignore is an error here."""
    choices = View(dataset).choices
    valid = {option: getattr(choices, field) for option, field in LIST_FILTERS.items()}
    params: dict[str, str | Iterable[str]] = {}
    for option in LIST_FILTERS:
        values = getattr(args, option)
        _check_values(option, values, valid[option])
        if values:
            params[option] = values
    singles = {
        "from": args.date_from,
        "to": args.date_to,
        "q": args.q or None,
        "min_sources": args.min_sources,
        "corroboration": args.corroboration,
        "range": args.time_range,
        "lanes": args.lanes,
    }
    params.update({key: value for key, value in singles.items() if value is not None})
    state, notes = filters.from_query_params(params, choices)
    if notes:  # "Ignored from='2024-13': ..." as the URL has it: the option is --from
        notes = [
            "--" + note.removeprefix("Ignored ").replace("min_sources", "min-sources")
            for note in notes
        ]
        raise UsageError(" ".join(notes))
    return state
