"""The view of the data: a dataset seen through the filters, as a reader sees it.

``View`` is the one view model. The dashboard draws from it and every export is made from it:
the events kept, the chart's time axis and the events it draws, the labels, the title, the
credit line and the alt text. What an analyst sees and what a journalist publishes are the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property
from urllib.parse import urlencode

import numpy as np
import pandas as pd

from timeline.dataset import Dataset
from timeline.model import Vocabularies
from timeline.view import filters
from timeline.view.credit import (
    Credit,
    chart_description,
    cited_citations,
    cited_sources,
    data_version,
    default_title,
    filters_text,
)
from timeline.view.filters import FilterState
from timeline.view.labels import Labels

__all__ = ["FilterState", "Labels", "View"]

# The time axis pads the events' span by this much (a twentieth) and at least EDGE_DAYS.
PAD_SHARE = 0.05
EDGE_DAYS = 15
# The default axis holds this share of the events (by their middle): outliers years away
# (a war in 1950, a photo in 2017) are counted in words, not allowed to squash the story.
CENTRAL_SHARE = 0.9
# A month holding this many marks on an axis over this many days is offered as a zoom.
CROWDED = 8
CROWDED_AXIS_DAYS = 180


def centre_dates(events: pd.DataFrame) -> pd.Series:
    """Where each event's mark sits: the middle of the period its date covers."""
    return events["start"] + (events["end"] - events["start"]) / 2


@dataclass(frozen=True)
class View:
    """What the reader sees of ``dataset`` through the filters of ``state``."""

    dataset: Dataset
    state: FilterState = field(default_factory=FilterState)

    @cached_property
    def vocabularies(self) -> Vocabularies:
        if self.dataset.vocabularies is None:
            raise ValueError("a dataset without vocabularies has no view: show its problems")
        return self.dataset.vocabularies

    @cached_property
    def labels(self) -> Labels:
        cited = (f for files in self.dataset.events["source_files"] for f in files)
        return Labels.of(self.vocabularies, self.dataset.sources, cited)

    @cached_property
    def choices(self) -> filters.Choices:
        """The values each filter accepts: every id of the vocabularies, every source, event."""
        labels = self.labels
        return filters.Choices(
            sources=list(labels.source_order),
            actors=list(labels.of_kind("actor")),
            categories=list(labels.of_kind("category")),
            statuses=list(labels.of_kind("status")),
            events=set(self.dataset.events["id"]),
        )

    @cached_property
    def events(self) -> pd.DataFrame:
        """The events the filters keep: what the data exports hold and the views list."""
        return filters.apply(self.dataset.events, self.state)

    @cached_property
    def x_range(self) -> tuple[dt.date, dt.date]:
        """The chart's time axis: the filters' dates, else where the events kept are dense
        (``default_range``)."""
        start, end = self.default_range
        start, end = self.state.date_from or start, self.state.date_to or end
        return (start, end) if start < end else self.default_range

    @cached_property
    def default_range(self) -> tuple[dt.date, dt.date]:
        """Where the story is: the span holding the central share (``CENTRAL_SHARE``) of the
        events kept, by their middle, padded, and within the dataset's period when it has one;
        the whole span of the events with ``full_range``; the dataset's period (or this year)
        when no event is kept."""
        events = self.events
        if events.empty:
            period = self.dataset.settings.period
            if period is not None:
                return dt.date.fromisoformat(period.start), dt.date.fromisoformat(period.end)
            today = dt.date.today()
            return dt.date(today.year, 1, 1), dt.date(today.year + 1, 1, 1)
        if self.state.full_range:
            first, last = events["start"].min(), events["end"].max()
        else:
            middles = np.sort(centre_dates(events).to_numpy())
            left_out = int(len(middles) * (1 - CENTRAL_SHARE) / 2)
            first = pd.Timestamp(middles[left_out])
            last = pd.Timestamp(middles[len(middles) - 1 - left_out])
        pad = (last - first) * PAD_SHARE + pd.Timedelta(days=EDGE_DAYS)
        start, end = (first - pad).date(), (last + pad).date()
        period = self.dataset.settings.period
        if period is not None and not self.state.full_range:
            # The dataset's own period bounds the axis it opens on, when they meet.
            within = (
                max(start, dt.date.fromisoformat(period.start)),
                min(end, dt.date.fromisoformat(period.end)),
            )
            if within[0] < within[1]:
                return within
        return start, end

    @cached_property
    def drawn(self) -> pd.DataFrame:
        """The events the chart shows: those kept by the filters that reach into its time axis."""
        start, end = (pd.Timestamp(d) for d in self.x_range)
        if self.state.date_to:  # "to" includes its day; the default axis ends at midnight
            end += pd.Timedelta(days=1)
        events = self.events
        return events[(events["end"] > start) & (events["start"] < end)]

    @cached_property
    def outside(self) -> int:
        """How many events the filters keep that fall outside the time axis."""
        return len(self.events) - len(self.drawn)

    @cached_property
    def busiest_month(self) -> tuple[dt.date, dt.date, int] | None:
        """The month the most drawn marks fall in (first day, last day, events), when it is
        crowded (``CROWDED`` or more) on an axis much longer than a month; else None."""
        start, end = self.x_range
        if len(self.drawn) < CROWDED or (end - start).days < CROWDED_AXIS_DAYS:
            return None
        months = centre_dates(self.drawn).dt.to_period("M").value_counts()
        month, count = months.index[0], int(months.iloc[0])
        if count < CROWDED:
            return None
        return month.start_time.date(), month.end_time.date(), count

    def title(self, custom: str = "", events: pd.DataFrame | None = None) -> str:
        """``custom`` when given, else one made from the dataset's subject, the filters and the
        period of ``events`` (by default those the chart draws)."""
        if custom.strip():
            return custom.strip()
        if events is None:
            return self._default_title
        subject = self.dataset.settings.subject
        return default_title(events, self.state, self.labels, subject)

    @cached_property
    def _default_title(self) -> str:
        return self.title(events=self.drawn)

    def credit(self, events: pd.DataFrame, today: dt.date | None = None) -> Credit:
        """Where ``events`` come from: their sources, the filters, the data version, the day."""
        query = filters.to_query_params(replace(self.state, event=None))
        return Credit(
            sources=tuple(cited_sources(events, self.dataset.sources)),
            filters=filters_text(self.state, self.labels),
            version=data_version(self.dataset.paths),
            exported=today or dt.date.today(),
            query=urlencode(query, doseq=True),
            citations=tuple(cited_citations(events, self.dataset.sources)),
        )

    def alt_text(self, title: str) -> str:
        """What the chart shows, in words, for readers who cannot see it."""
        return f"{title}: {self._chart_description}"

    @cached_property
    def _chart_description(self) -> str:
        return chart_description(self.drawn, self.labels)  # a shared view describes it once

    def event(self, event_id: str | None) -> pd.Series | None:
        """The event with this id, shown or hidden by the filters; None when there is none."""
        rows = self.dataset.events[self.dataset.events["id"] == event_id]
        return rows.iloc[0] if len(rows) else None
