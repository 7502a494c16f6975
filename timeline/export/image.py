"""Figures to files: PNG, SVG and PDF through kaleido and the system Chromium, and a
self-contained interactive HTML page.

Kaleido 1.x drives a Chrome it finds through ``BROWSER_PATH`` (or ``PATH``); it is never asked to
download one. MathJax is off (kaleido would fetch it from a CDN) and plotly.js comes from the
installed plotly package, so rendering needs no network.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import html
import os
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Self

import plotly.graph_objects as go
import plotly.io as pio

if TYPE_CHECKING:
    import kaleido

SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
INSTALL_COMMAND = "apt-get install chromium"
IMAGE_FORMATS = ("png", "svg", "pdf")
# Seconds after which Chromium is taken to be stuck (it starts in a few, draws in less).
START_TIMEOUT = 60
RENDER_TIMEOUT = 120
# Kaleido reloads its page after every image, which throws away plotly.js as compiled and
# makes each image wait for the reload; here the page is reloaded in the background, after a
# PDF (which leaves its picture in the page) and after this many other images (to bound what
# plotly.js may keep), while the image already goes back.
RELOAD_EVERY = 25

Progress = Callable[[str], None]
Chart = Callable[[], "go.Figure | dict"]  # makes a chart when called: in the warming thread


class BrowserMissing(Exception):
    """No Chromium to draw static images with: says how to install one and what to use meanwhile."""

    def __init__(self, looked_at: str) -> None:
        super().__init__(
            f"PNG, SVG and PDF exports need Chromium, and none was found ({looked_at}). Install "
            f"it with `{INSTALL_COMMAND}` (as root), or set BROWSER_PATH to a Chrome or "
            "Chromium. Meanwhile the HTML, CSV, JSON and TimelineJS exports work, and the "
            "camera button in the dashboard chart's toolbar downloads a PNG with the same file "
            "name and size."
        )


class RenderError(Exception):
    """Chromium started but could not draw the figure."""


@dataclass(frozen=True)
class Size:
    """Layout size in CSS pixels, and the factor the pixels of a raster image are multiplied by."""

    width: int
    height: int
    scale: float = 1.0

    @property
    def pixels(self) -> tuple[int, int]:
        return round(self.width * self.scale), round(self.height * self.scale)


def find_browser() -> Path | None:
    """``BROWSER_PATH`` if set, else Debian's Chromium, else a Chrome on ``PATH``."""
    if os.environ.get("BROWSER_PATH"):
        path = Path(os.environ["BROWSER_PATH"])
        return path if path.is_file() and os.access(path, os.X_OK) else None
    if SYSTEM_CHROMIUM.is_file():
        return SYSTEM_CHROMIUM
    found = next((shutil.which(name) for name in BROWSER_NAMES if shutil.which(name)), None)
    return Path(found) if found else None


def use_browser() -> Path:
    """Point kaleido at the browser (through ``BROWSER_PATH``); BrowserMissing when there is none."""
    browser = find_browser()
    if browser is None:
        looked_at = os.environ.get("BROWSER_PATH") or f"{SYSTEM_CHROMIUM} and PATH"
        raise BrowserMissing(f"looked at {looked_at}")
    os.environ["BROWSER_PATH"] = str(browser)
    return browser


def _kaleido_keeping_its_page() -> type[kaleido.Kaleido]:
    """kaleido.Kaleido, its page reloaded after a PDF or every ``RELOAD_EVERY`` images, in the
    background (kaleido 1.5's tab queue: a tab is taken for an image and put back after)."""
    import kaleido  # slow to import: only when an image is asked for

    class KeptPage(kaleido.Kaleido):
        def __init__(self, **kwargs: object) -> None:
            super().__init__(**kwargs)
            self.renders = 0
            self.last_format: str | None = None
            self.reloads: set[asyncio.Task] = set()  # kept until done: the loop holds tasks weakly

        async def _render_task(self, fig_arg, **kwargs):
            # Renders take turns (ImageRenderer's lock), so the format is this render's when
            # kaleido puts the tab back.
            self.renders += 1
            self.last_format = (fig_arg.get("opts") or {}).get("format")
            return await super()._render_task(fig_arg, **kwargs)

        async def _return_kaleido_tab(self, tab) -> None:
            if self.last_format != "pdf" and self.renders % RELOAD_EVERY:
                await self.tabs_ready.put(tab)
                return
            reload = asyncio.get_running_loop().create_task(super()._return_kaleido_tab(tab))
            self.reloads.add(reload)
            reload.add_done_callback(self.reloads.discard)

        async def close(self) -> None:
            await asyncio.gather(*self.reloads, return_exceptions=True)
            await super().close()

    return KeptPage


class ImageRenderer:
    """One Chromium kept open for many images: ``with ImageRenderer() as r: r.render(...)``.

    Kaleido is asynchronous: its browser lives on an event loop in a thread of its own, and
    ``render`` waits for each image. The first ``render`` starts the browser; ``close`` (or the
    end of the ``with``) stops it. Renders take turns, so one renderer may serve many threads.
    """

    def __init__(self, progress: Progress | None = None) -> None:
        self.progress = progress or (lambda message: None)
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: kaleido.Kaleido | None = None
        self._opening: concurrent.futures.Future[kaleido.Kaleido] | None = None
        self._warmed = False

    @property
    def started(self) -> bool:
        """The browser is open, or opening."""
        return self._kaleido is not None or self._opening is not None

    def warm(self, chart: Chart | None = None, size: Size = Size(100, 100)) -> None:
        """Start the browser and draw ``chart()`` (by default a blank chart) as a PNG that is
        thrown away, so that plotly.js is loaded and compiled and the first real image takes a
        render's time, not a start's (and, when ``chart`` makes the chart that will be asked
        for, its layout is made and kept too). Meant for a background thread: renders asked
        for meanwhile wait for it. Errors are left to the real render."""
        with contextlib.suppress(BrowserMissing, RenderError):
            with self._lock:
                if not self.started:
                    self._start()  # Chromium opens while the chart is made
            self.render(chart() if chart else go.Figure(), "png", size)

    def warm_in_background(
        self, chart: Chart | None = None, size: Size = Size(100, 100)
    ) -> threading.Thread | None:
        """``warm`` in a thread of its own, once: not when the browser is started, or was
        warmed before (a missing or broken browser is not tried again on every page)."""
        with self._lock:
            if self.started or self._warmed:
                return None
            self._warmed = True
            warming = threading.Thread(
                target=self.warm, args=(chart, size), name="warm", daemon=True
            )
            warming.start()
            return warming

    def _wait(self, coroutine, timeout: float):
        assert self._loop is not None  # _start made it; the browser lives on it
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    def _start(self) -> None:
        """Open the browser, without waiting for it (``_opened`` waits)."""
        kaleido_class = _kaleido_keeping_its_page()
        browser = use_browser()
        self.progress(f"Starting {browser}…")
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="kaleido", daemon=True)
        self._thread.start()

        async def open_browser():
            browser = kaleido_class(mathjax=False, timeout=RENDER_TIMEOUT)
            await browser.open()
            return browser

        self._opening = asyncio.run_coroutine_threadsafe(open_browser(), self._loop)

    def _opened(self) -> kaleido.Kaleido:
        """The browser, started if need be, once it is open."""
        if self._kaleido is None:
            if self._opening is None:
                self._start()
            assert self._opening is not None  # _start began opening it or raised
            try:
                self._kaleido = self._opening.result(START_TIMEOUT)
            except Exception as error:
                self._stop_loop()
                raise RenderError(f"Chromium ({find_browser()}) did not start: {error}") from error
            finally:
                self._opening = None
        return self._kaleido

    def render(self, fig: go.Figure | dict, fmt: str, size: Size) -> bytes:
        """The figure (or its plotly JSON) as ``fmt`` (png, svg or pdf) at ``size``."""
        if fmt not in IMAGE_FORMATS:
            raise ValueError(f"not an image format: {fmt!r} (use one of {IMAGE_FORMATS})")
        opts = {"format": fmt, "width": size.width, "height": size.height, "scale": size.scale}
        with self._lock:
            browser = self._opened()
            try:
                return self._wait(browser.calc_fig(fig, opts=opts), RENDER_TIMEOUT + 10)
            except Exception as error:
                self._close()
                raise RenderError(f"Chromium could not draw the chart: {error}") from error

    def _stop_loop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            if self._thread is not None:  # started with the loop
                self._thread.join(timeout=10)
            self._loop.close()
        self._loop = self._thread = self._kaleido = self._opening = None

    def _close(self) -> None:
        if self._opening is not None:
            with contextlib.suppress(Exception):  # opened (then closed below) or failed
                self._kaleido = self._opening.result(START_TIMEOUT)
        if self._kaleido is not None:
            with contextlib.suppress(Exception):  # the browser is gone either way
                self._wait(self._kaleido.close(), 30)
        self._stop_loop()

    def close(self) -> None:
        with self._lock:
            self._close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


PAGE_STYLE = {
    "light": "background: #FFFFFF; color: #222222;",
    "dark": "background: #111111; color: #EEEEEE;",
}


PLOTLY_JS_CHOICES = ("inline", "file")


def plotly_js_file() -> tuple[str, bytes]:
    """The name and content of the plotly.js file an HTML export made with
    ``plotly_js="file"`` loads from beside itself (the installed plotly's own copy)."""
    from plotly.offline import get_plotlyjs, get_plotlyjs_version

    return f"plotly-{get_plotlyjs_version()}.min.js", get_plotlyjs().encode("utf-8")


def html_page(
    fig: go.Figure | dict,
    *,
    title: str,
    alt: str,
    credit: str,
    theme: str,
    config: dict,
    meta: str = "",
    plotly_js: str = "inline",
) -> str:
    """A page that works offline: plotly.js inlined (or, with ``plotly_js="file"``, loaded
    from the file ``plotly_js_file`` names, written beside the page), the chart in a
    ``<figure>`` whose label and caption are the alt text, followed by the credit. Every text
    from the data is escaped; ``meta`` is ready-made ``<meta>`` tags."""
    if plotly_js not in PLOTLY_JS_CHOICES:
        raise ValueError(f"plotly_js is one of {PLOTLY_JS_CHOICES}, not {plotly_js!r}")
    include: bool | str = True if plotly_js == "inline" else plotly_js_file()[0]
    chart = pio.to_html(
        fig, config=config, include_plotlyjs=include, full_html=False, validate=False
    )
    style = PAGE_STYLE.get(theme, PAGE_STYLE["light"])
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{meta}"
        f"<title>{html.escape(title)}</title>\n"
        f"<style>body {{ {style} font-family: sans-serif; margin: 1rem; }} "
        "figure { margin: 0; } figcaption { max-width: 60rem; margin-top: 0.8rem; "
        "font-size: 0.95rem; line-height: 1.45; }</style>\n"
        "</head>\n<body>\n"
        f'<figure role="group" aria-label="{html.escape(alt, quote=True)}">\n'
        f"{chart}\n"
        f"<figcaption><p>{html.escape(alt)}</p><p>{html.escape(credit)}</p></figcaption>\n"
        "</figure>\n</body>\n</html>\n"
    )
