"""pydantic validation errors as located problems, with messages that say how to fix them."""

from __future__ import annotations

import typing
from collections.abc import Mapping, Sequence

from pydantic import BaseModel, ValidationError

from timeline.checks.yaml_syntax import YamlDocument
from timeline.model import HEX_COLOUR, KEBAB_ID, SEED_FILE
from timeline.problems import Problem
from timeline.text import did_you_mean

_DATE_FIELDS = {"date", "end", "earliest", "latest", "published"}
_EXPECTED = {
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "float_type": "a number",
    "float_parsing": "a number",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
}
_PATTERN_HINTS = {
    KEBAB_ID: "must be kebab-case: lowercase letters and digits joined by single hyphens",
    SEED_FILE: "must be the name of a .txt file in seeds/, without a folder",
    HEX_COLOUR: "must be a colour written #RRGGBB",
    r"^[^\n]+$": "must be one line: remove the line breaks",
}


def problems_from_validation(
    error: ValidationError, doc: YamlDocument, model: type[BaseModel]
) -> list[Problem]:
    """One problem per pydantic error (the failed alternatives of a union merged into one)."""
    problems = []
    unions: dict[tuple, list[dict]] = {}
    for err in error.errors(include_url=False):
        loc, union_at = _real_loc(doc.data, err["loc"], err["type"])
        if union_at is None:
            problems.append(_problem(doc, model, loc, err))
        else:
            unions.setdefault(union_at, []).append({**err, "loc": loc})
    problems.extend(_union_problem(doc, at, errors) for at, errors in unions.items())
    return problems


def _problem(
    doc: YamlDocument, model: type[BaseModel], loc: tuple, err: Mapping[str, typing.Any]
) -> Problem:
    kind, value = err["type"], err["input"]
    name = _field_name(loc)
    if kind == "missing":
        return doc.problem(loc, "missing-field", f"missing required field '{loc[-1]}': add it")
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        suggestion = did_you_mean(str(loc[-1]), {name: name for name in allowed})
        message = f"unknown field '{loc[-1]}'{suggestion}"
        if not suggestion:
            message += f"; allowed fields: {', '.join(allowed)}"
        return doc.problem(loc, "unknown-field", message, key=True)
    if kind == "value_error" and loc and isinstance(loc[-1], int):
        return _model_rule_problem(doc, loc, str(err["ctx"]["error"]))
    if kind == "value_error" and name in _DATE_FIELDS:
        reason = str(err["ctx"]["error"])
        return doc.problem(loc, "impossible-date", f"impossible date: {reason}")
    if kind == "string_pattern_mismatch" and name in _DATE_FIELDS:
        return doc.problem(
            loc,
            "date-format",
            f"{name} {_show(value)} must be written YYYY, YYYY-MM or YYYY-MM-DD "
            '(in quotes, e.g. "2024-06-19")',
        )
    if kind in _EXPECTED:
        hint = _number_hint(kind, value)
        return doc.problem(
            loc,
            "wrong-type",
            f"{name} must be {_EXPECTED[kind]}, not {_describe(value)}{hint}",
        )
    return doc.problem(loc, "invalid-value", _invalid_value_message(name, kind, value, err))


def _number_hint(kind: str, value: object) -> str:
    """How to write a number given as text: without the quotes, without the commas."""
    if kind not in ("float_type", "float_parsing") or not isinstance(value, str):
        return ""
    digits = value.replace(",", "")
    try:
        float(digits)
    except ValueError:
        return ""
    return (
        f": write {digits} without the commas"
        if "," in value
        else f": write {digits} without quotes"
    )


def _model_rule_problem(doc: YamlDocument, loc: tuple, reason: str) -> Problem:
    # The Event model's own checks (model_validator) report at the event; point at the field.
    if reason.startswith("end "):
        return doc.problem((*loc, "end"), "end-before-date", f"{reason}: swap them or fix the end")
    if reason.startswith("value "):  # a figure's
        return doc.problem(
            (*loc, "value"),
            "invalid-value",
            f"{reason}: a count cannot be negative (a number that can, such as a change or a "
            "growth rate, says so with signed: true)",
        )
    if reason.startswith("window"):
        return doc.problem(
            (*loc, "window"), "window-without-end", f"{reason}: add an end or drop window"
        )
    return doc.problem(loc, "invalid-value", reason)


def _invalid_value_message(
    name: str, kind: str, value: object, err: Mapping[str, typing.Any]
) -> str:
    ctx: Mapping[str, typing.Any] = err.get("ctx") or {}
    if kind == "string_pattern_mismatch":
        hint = _PATTERN_HINTS.get(ctx.get("pattern", ""), f"must match {ctx.get('pattern')}")
        return f"{name} {_show(value)} {hint}"
    if kind == "string_too_short":
        return f"{name} is empty: write it or remove the field"
    if kind == "too_short":
        return f"{name} needs at least {ctx.get('min_length', 1)} item(s)"
    if kind == "string_too_long" and isinstance(value, str):
        return (
            f"{name} is {len(value)} characters long; shorten it to {ctx.get('max_length')} "
            "or fewer"
        )
    if kind == "finite_number":
        return f"{name} {value} is not a finite number: write the number the source states"
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        return f"{name} {value} is below {bound:g}: a count cannot be negative"
    if kind == "literal_error":
        choices = [c.strip(" '") for c in ctx.get("expected", "").replace(" or ", ", ").split(",")]
        suggestion = did_you_mean(str(value), {choice: choice for choice in choices})
        return f"{name} {_show(value)} is not one of {ctx.get('expected')}{suggestion}"
    message = err["msg"]
    return f"{name} {_show(value)}: {message[0].lower()}{message[1:]}"


def _union_problem(doc: YamlDocument, at: tuple, errors: list[dict]) -> Problem:
    # A union (published: a day or an {earliest, latest} range) fails once per alternative.
    # When the value had the shape of one alternative, only that one's errors matter.
    specific = [e for e in errors if e["type"] not in _EXPECTED or len(e["loc"]) > len(at)]
    if specific:
        err = specific[0]
        loc, kind, value = err["loc"], err["type"], err["input"]
        name = _field_name(loc)
        if kind == "missing":
            return doc.problem(loc, "missing-field", f"missing required field '{loc[-1]}': add it")
        if kind == "string_pattern_mismatch" and name in _DATE_FIELDS:
            return doc.problem(
                loc, "date-format", f"{name} {_show(value)} must be written YYYY-MM-DD"
            )
        if kind in _EXPECTED:
            return doc.problem(
                loc, "wrong-type", f"{name} must be {_EXPECTED[kind]}, not {_describe(value)}"
            )
        return doc.problem(loc, "invalid-value", _invalid_value_message(name, kind, value, err))
    expected = sorted({_EXPECTED[e["type"]] for e in errors})
    return doc.problem(
        at,
        "wrong-type",
        f"{_field_name(at)} must be {' or '.join(expected)}, not {_describe(errors[0]['input'])}",
    )


def _real_loc(data: object, loc: Sequence, kind: str) -> tuple[tuple, tuple | None]:
    """The loc without pydantic's union tags, and the loc of the union it passed, if any."""
    real: list = []
    union_at = None
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(data, dict) and (part in data or (last and kind == "missing")):
            data = data.get(part)
            real.append(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
            real.append(part)
        elif union_at is None:
            union_at = tuple(real)  # a tag such as 'constrained-str' or 'PublishedRange'
    return tuple(real), union_at


def _fields_at(model: type[BaseModel], loc: Sequence) -> list[str]:
    current: object = model
    for part in loc:
        if isinstance(part, int):
            continue
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part)
            if info is None:
                return []
            current = _inner_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner_model(annotation: object) -> type[BaseModel] | None:
    # list[Event] -> Event; Event | None -> Event; Annotated[...] -> what it annotates
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        inner = _inner_model(arg)
        if inner is not None:
            return inner
    return None


def _field_name(loc: Sequence) -> str:
    if not loc:
        return "the file"
    if isinstance(loc[-1], int):
        return f"{_field_name(loc[:-1])} item {loc[-1] + 1}"
    return str(loc[-1])


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a true/false value)"
    if isinstance(value, int | float):
        return f"the number {value}"
    return _show(value)


def _show(value: object) -> str:
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")
