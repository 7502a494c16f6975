"""How the charts look, in one place: colours, the mark of each claim status, and the
geometry helpers every chart shares.

Okabe-Ito colours are told apart by readers with any common form of colour blindness; status
is shown by the mark's shape and fill, never by colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from timeline.view import centre_dates as centre

__all__ = ["centre"]

OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")
FALLBACK_COLOUR = "#999999"


@dataclass(frozen=True)
class StatusMark:
    """How a claim status shows: the marker of a point and the fill of a span."""

    symbol: str
    hollow: bool
    pattern: str
    looks: str


STATUS_MARKS = {
    "confirmed": StatusMark("circle", False, "", "filled"),
    "reported": StatusMark("circle-open", True, "", "hollow"),
    "claimed": StatusMark("diamond-open", True, "", "hollow diamond"),
    "denied": StatusMark("x", False, "x", "crossed"),
    "expected": StatusMark("circle-open-dot", True, ".", "open, dotted"),
}
UNKNOWN_STATUS_MARK = StatusMark("square-open", True, "", "open square")


def segments(starts: pd.Series, ends: pd.Series, y0: pd.Series, y1: pd.Series | None = None):
    """x and y of many line segments in one trace, separated by gaps."""
    count = len(starts)
    x = np.empty(count * 3, dtype=object)
    y = np.empty(count * 3, dtype=object)
    x[0::3], x[1::3], x[2::3] = starts.to_numpy(), ends.to_numpy(), None
    y[0::3], y[1::3], y[2::3] = y0.to_numpy(), (y0 if y1 is None else y1).to_numpy(), None
    return x, y
