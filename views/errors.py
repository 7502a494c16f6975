"""A part of the page that fails says so in one line with an error id; the traceback goes to
the server log only, under that id, never to the reader."""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Iterator

import streamlit as st
from streamlit.runtime.scriptrunner_utils.exceptions import ScriptControlException

LOG = logging.getLogger("timeline.dashboard")


@contextlib.contextmanager
def guarded(what: str) -> Iterator[None]:
    """Run a part of the page; an unexpected error becomes a short message with an id."""
    try:
        yield
    except ScriptControlException:
        raise  # st.stop() and st.rerun() are how Streamlit steers a run, not errors
    except Exception:
        error_id = uuid.uuid4().hex[:8]
        LOG.exception("error %s while drawing %s", error_id, what)
        st.error(
            f"Something went wrong while drawing {what}. The rest of the page works; the "
            f"operator can find what happened in the server log under error id {error_id}.",
            icon=":material/error:",
        )
