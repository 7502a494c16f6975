"""Many readers at once: time to first chart, errors, and the server's CPU and memory.

    python benchmarks/bench_concurrency.py [--readers 1,5,20] [--browsers 1,5] [--rounds 3]

Starts ``streamlit run dashboard.py`` on a free loopback port (the real data), warms it with
one reader (the dataset is loaded once per version of its files; that first load is printed
as "cold"), then for each number of readers opens that many sessions at the same moment:

- ``websocket``: each reader is a client of Streamlit's own protocol: it connects to
  ``/_stcore/stream``, asks for a run of the page (a ``BackMsg`` with ``rerun_script``, as the
  browser does on load) and reads ``ForwardMsg`` protobufs until the timeline's Plotly chart
  arrives. This measures the server alone: the script run, the figure and its transfer.
- ``browser``: each reader is a Playwright context in Debian's Chromium, timed from
  ``goto`` until the chart is drawn in the page. On this 2-core machine the browsers compete
  with the server for the cores (each one parses a ~4.7 MB plotly.js bundle), so these
  figures say more about the machine than about the server.

A reader fails ("errors") when the page shows an exception or a "Something went wrong"
message, or no chart arrives within --timeout seconds. For each round: median and maximum
time to first chart, errors, the server's CPU seconds used during the round (user + system,
from /proc) and its peak resident memory (VmHWM). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from served import CHROMIUM, CHROMIUM_ARGS, REPO_ROOT, Server  # benchmarks/ is on sys.path

CHART = '[data-testid="stPlotlyChart"]'
EXCEPTION = '[data-testid="stException"]'
FAILED_PART = "Something went wrong"


async def websocket_reader(port: int, timeout: float) -> tuple[float | None, str | None]:
    """(seconds to the first chart, None) or (None, what went wrong) for one session."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    started = time.perf_counter()
    try:
        async with asyncio.timeout(timeout):
            async with websockets.connect(
                f"ws://127.0.0.1:{port}/_stcore/stream",
                subprotocols=["streamlit"],
                max_size=None,
                origin=f"http://127.0.0.1:{port}",
            ) as socket_:
                request = BackMsg()
                request.rerun_script.query_string = ""
                request.rerun_script.page_script_hash = ""
                await socket_.send(request.SerializeToString())
                async for data in socket_:
                    message = ForwardMsg()
                    message.ParseFromString(data)
                    if message.WhichOneof("type") == "script_finished":
                        return None, "the run finished without a chart"
                    if message.WhichOneof("type") != "delta":
                        continue
                    delta = message.delta
                    if delta.WhichOneof("type") != "new_element":
                        continue
                    element = delta.new_element
                    kind = element.WhichOneof("type")
                    if kind == "exception":
                        return None, f"exception: {element.exception.message[:80]}"
                    if kind == "alert" and FAILED_PART in element.alert.body:
                        return None, element.alert.body[:80]
                    if kind == "plotly_chart":
                        return time.perf_counter() - started, None
    except TimeoutError:
        return None, f"no chart within {timeout:g} s"
    except OSError as error:
        return None, f"connection: {error}"
    return None, "the connection closed without a chart"


def websocket_round(port: int, readers: int, timeout: float) -> list:
    async def together() -> list:
        return await asyncio.gather(*(websocket_reader(port, timeout) for _ in range(readers)))

    return asyncio.run(together())


def browser_round(url: str, readers: int, timeout: float) -> list:
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pages = [browser.new_context().new_page() for _ in range(readers)]
        started = time.perf_counter()
        for page in pages:  # every navigation starts before any chart is waited for
            page.goto(url, wait_until="commit")
        for page in pages:
            try:
                page.wait_for_selector(CHART, timeout=timeout * 1000)
                elapsed = time.perf_counter() - started
                failed = page.locator(EXCEPTION).count() or page.get_by_text(FAILED_PART).count()
                results.append((None, "error shown") if failed else (elapsed, None))
            except Exception as error:  # noqa: BLE001 (a reader that fails is counted)
                results.append((None, type(error).__name__))
        browser.close()
    return results


def report(kind: str, readers: int, results: list, cpu: float, memory: float) -> None:
    times = [seconds for seconds, _ in results if seconds is not None]
    errors = [error for _, error in results if error is not None]
    median = f"{statistics.median(times):6.2f}" if times else "     -"
    worst = f"{max(times):6.2f}" if times else "     -"
    print(
        f"{kind:<9} {readers:>7}  {median} s  {worst} s  {len(errors):>6}  {cpu:7.1f} s  "
        f"{memory:7.0f} MB" + (f"  ({errors[0]})" if errors else ""),
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readers", default="1,5,20", help="websocket readers per round")
    parser.add_argument("--browsers", default="1,5", help="browser readers per round ('' for none)")
    parser.add_argument("--rounds", type=int, default=1, help="rounds per number of readers")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument(
        "--root", type=Path, default=REPO_ROOT, help="the checkout to serve (to compare two)"
    )
    args = parser.parse_args()
    log = Path(tempfile.gettempdir()) / "bench_concurrency_streamlit.log"
    server = Server(args.root / "dashboard.py", log, args.root)
    try:
        before = server.cpu_seconds()
        ((cold, error),) = websocket_round(server.port, 1, args.timeout)
        print(f"cold: first reader {cold or 0:.2f} s to chart ({error or 'no error'}), "
              f"server {server.cpu_seconds() - before:.1f} CPU s, "
              f"{server.memory_mb('VmRSS'):.0f} MB resident")  # fmt: skip
        print("client    readers  median    max      errors  server CPU  peak memory")
        rounds = [("websocket", int(n)) for n in args.readers.split(",") if n]
        rounds += [("browser", int(n)) for n in args.browsers.split(",") if n]
        for kind, readers in rounds:
            for _ in range(args.rounds):
                before = server.cpu_seconds()
                if kind == "websocket":
                    results = websocket_round(server.port, readers, args.timeout)
                else:
                    results = browser_round(server.url, readers, args.timeout)
                report(kind, readers, results, server.cpu_seconds() - before, server.memory_mb())
                time.sleep(2)  # let the sessions of the round close
    finally:
        server.stop()


if __name__ == "__main__":
    main()
