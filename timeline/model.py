"""The data model: events with their citations, the seed catalogue and the vocabularies.

These pydantic models check the shape of each file on its own. Checks that need more than one
file (a vocabulary value, a seed that must exist, a quote that must be in its seed) live in
``timeline.checker``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from timeline.dates import PARTIAL_DATE_PATTERN, parse_partial_date

KEBAB_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SEED_FILE = r"^[^/\\]+\.txt$"
HEX_COLOUR = r"^#[0-9A-Fa-f]{6}$"
ISO_DAY = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _year_as_text(value: object) -> object:
    # YAML reads an unquoted `2024` as an integer; a year is a date of year precision.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _checked_partial_date(value: str) -> str:
    parse_partial_date(value)  # raises ValueError with a message that names the problem
    return value


PartialDateText = Annotated[
    str,
    BeforeValidator(_year_as_text),
    Field(
        pattern=PARTIAL_DATE_PATTERN,
        description="YYYY, YYYY-MM or YYYY-MM-DD: the form is the precision.",
    ),
]
Id = Annotated[str, Field(pattern=KEBAB_ID, description="kebab-case identifier")]
SeedFile = Annotated[str, Field(pattern=SEED_FILE, description="a file name in seeds/")]
OneLine = Annotated[str, Field(min_length=1, pattern=r"^[^\n]+$")]
Text = Annotated[str, Field(min_length=1)]
SHORT_NAME_CHARS = 40
ShortName = Annotated[
    str,
    Field(
        min_length=1,
        max_length=SHORT_NAME_CHARS,
        pattern=r"^[^\n]+$",
        description="The source as readers see it named: in source lines, hover text, lists.",
    ),
]

Qualifier = Literal[
    "exactly", "about", "some", "nearly", "more than", "at least", "up to", "as many as", "millions"
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Citation(Strict):
    """A passage of a seed file that supports the event."""

    file: SeedFile
    quote: Text = Field(
        description="Verbatim passage of the seed (whitespace, curly quotes and dashes are "
        "normalised when compared; nothing else)."
    )


class Figure(Strict):
    """A number a source states, with who claims it."""

    # Editors that read the JSON schema flag a negative count too (the checker's own rule).
    model_config = ConfigDict(
        json_schema_extra={
            "if": {"not": {"properties": {"signed": {"const": True}}, "required": ["signed"]}},
            "then": {"properties": {"value": {"minimum": 0}}},
        }
    )

    value: float = Field(
        strict=True,  # a number, not text that looks like one, and not true/false
        allow_inf_nan=False,
        description="The number as stated (3000, 1.2e6, 3.1): finite, 0 or more unless signed.",
    )
    signed: bool = Field(
        False,
        description="True when the number can be below zero (a change, a growth rate, a "
        "balance); a count of troops or shells cannot.",
    )
    unit: OneLine = Field(description="troops, shipping containers, percent, ...")
    counts: OneLine = Field(description="What the number counts.")
    claimant: OneLine = Field(description="Who makes the claim, as the source attributes it.")
    qualifier: Qualifier = Field("exactly", description="How the source hedges the number.")
    source: SeedFile = Field(description="The seed that states it; one of the event's citations.")
    note: Text | None = None

    @model_validator(mode="after")
    def _not_negative_unless_signed(self) -> Figure:
        if self.value < 0 and not self.signed:
            raise ValueError(f"value {self.value:g} is below 0")
        return self


class Event(Strict):
    """One happening, with the citations that support it."""

    id: Id = Field(description="Unique and stable: never renamed once published.")
    date: PartialDateText
    end: PartialDateText | None = Field(
        None, description="Last day/month/year of a span, in the same forms as date."
    )
    window: bool = Field(
        False,
        description="True when date..end is the window a single happening fell in, not a span.",
    )
    date_basis: Text | None = Field(
        None,
        description="How the date was worked out when the source does not write it out "
        "('last Thursday' in an article of ...).",
    )
    title: OneLine = Field(max_length=120)
    summary: Text
    category: Id
    actors: list[Id] = Field(min_length=1)
    status: Id
    location: Id | None = None
    other_locations: list[Id] = Field(default_factory=list)
    key: bool = Field(False, description="A key event: labelled on the timeline.")
    figures: list[Figure] = Field(default_factory=list)
    sources: list[Citation] = Field(min_length=1)

    @field_validator("date", "end")
    @classmethod
    def _date_is_real(cls, value: str | None) -> str | None:
        return value if value is None else _checked_partial_date(value)

    @model_validator(mode="after")
    def _end_not_before_date(self) -> Event:
        if self.end is not None:
            start, end = parse_partial_date(self.date), parse_partial_date(self.end)
            if end.last_day() < start.first_day():
                raise ValueError(f"end {self.end} is before date {self.date}")
        if self.window and self.end is None:
            raise ValueError("window: true needs an end (the latest the happening can be)")
        return self


class EventsFile(Strict):
    events: list[Event]


class Category(Strict):
    id: Id
    label: OneLine
    colour: Annotated[str, Field(pattern=HEX_COLOUR)]
    description: Text


class Actor(Strict):
    id: Id
    label: OneLine
    colour: Annotated[str, Field(pattern=HEX_COLOUR)]


class Status(Strict):
    id: Id
    label: OneLine
    description: Text


class Place(Strict):
    id: Id
    label: OneLine
    country: OneLine
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class Vocabularies(Strict):
    categories: list[Category] = Field(min_length=1)
    actors: list[Actor] = Field(min_length=1)
    statuses: list[Status] = Field(min_length=1)
    places: list[Place] = Field(min_length=1)


class PublishedRange(Strict):
    """A publication date inferred to lie between two days."""

    earliest: Annotated[str, Field(pattern=ISO_DAY)]
    latest: Annotated[str, Field(pattern=ISO_DAY)]


class Source(Strict):
    """One seed file in the catalogue."""

    file: SeedFile
    short_name: ShortName
    title: OneLine
    publisher: OneLine
    publisher_basis: Text = Field(description="How the text tells us who published it.")
    published: Annotated[str, Field(pattern=ISO_DAY)] | PublishedRange
    published_basis: Text = Field(description="How the publication date was worked out.")
    language: Literal["en"] = "en"
    notes: Text | None = Field(None, description="Quality remarks: repost, translation, ...")


class SourcesFile(Strict):
    sources: list[Source] = Field(min_length=1)


class Period(Strict):
    """The days a timeline is about: its chart opens on them."""

    start: Annotated[str, Field(pattern=ISO_DAY)]
    end: Annotated[str, Field(pattern=ISO_DAY)]

    @model_validator(mode="after")
    def _end_after_start(self) -> Period:
        if self.end <= self.start:
            raise ValueError(f"end {self.end} is not after start {self.start}")
        return self


class Settings(Strict):
    """What a dataset says about itself: the words the dashboard and every export use."""

    title: OneLine = Field(description="The dashboard's heading.")
    page_title: OneLine = Field(description="The browser tab's title.")
    subject: OneLine = Field(
        description="What the events are about; exported charts' default titles start with it."
    )
    # default= by name: type checkers see a Field's default only when it is named.
    subtitle: Text | None = Field(default=None, description="A sentence under the heading.")
    period: Period | None = Field(
        default=None,
        description="The days the timeline is about; without it, the events' own span.",
    )


DEFAULT_SETTINGS = Settings(title="Timeline", page_title="Timeline", subject="Timeline")
