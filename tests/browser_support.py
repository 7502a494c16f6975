"""Debian's Chromium for the tests that need a real browser (Playwright cannot download its own
here), and the dashboard served for them. Without Chromium the browser tests skip, except under
CI, where `make test` installs it: there a missing browser fails the run rather than letting it
pass without the browser tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from views import first_paint

REPO_ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO_ROOT / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying hosts a closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# A session's first page builds the rest of itself once its chart is drawn (views/first_paint.py):
# true once it has (its signal is gone), or when the page never had one.
WHOLE_PAGE = f"() => !document.querySelector('.st-key-{first_paint.SIGNAL_KEY}')"
SCRIPT_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
MISSING = f"{CHROMIUM} is not installed (make test installs it: apt-get install chromium)"
IN_CI = os.environ.get("CI") == "true"

# For single tests: skipped without Chromium, but never under CI, where they then fail.
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists() and not IN_CI, reason=MISSING)


def wait_for_whole_page(page, timeout: float = 60_000) -> None:
    """Wait for the first script run to end, then for the page to be built whole."""
    page.wait_for_selector(SCRIPT_IDLE, timeout=timeout)
    page.wait_for_function(WHOLE_PAGE, timeout=timeout)


def require_chromium() -> None:
    """At module level: skip the module without Chromium, or fail it under CI."""
    if CHROMIUM.exists():
        return
    if IN_CI:
        pytest.fail(MISSING, pytrace=False)
    pytest.skip(MISSING, allow_module_level=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url: str, process: subprocess.Popen, timeout: float) -> bool:
    """Whether the Streamlit server at ``url`` answers its health check before ``timeout``
    seconds pass or its process ends."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.read() == b"ok":
                    return True
        except OSError:
            time.sleep(0.3)
    return False


class StreamlitProcess:
    """``streamlit run SCRIPT`` from ``root`` (another checkout, for before/after benchmark runs)
    on a free loopback port, its output in ``log_path``, its CPU time and memory read from /proc."""

    def __init__(
        self,
        script: Path,
        log_path: Path,
        root: Path = REPO_ROOT,
        env: dict[str, str] | None = None,
        timeout: float = 120,
    ) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.log = log_path.open("w")
        command = [
            sys.executable, "-m", "streamlit", "run", str(script),
            "--server.headless", "true", "--server.port", str(self.port),
            "--server.address", "127.0.0.1", "--server.fileWatcherType", "none",
            "--browser.gatherUsageStats", "false",
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command, cwd=root, env=env, stdout=self.log, stderr=subprocess.STDOUT
        )
        if healthy(self.url, self.process, timeout):
            return
        self.stop()
        raise RuntimeError(f"streamlit did not become healthy:\n{self.log_text()}")

    def log_text(self) -> str:
        self.log.flush()
        return self.log_path.read_text()

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def memory_mb(self, field: str = "VmHWM") -> float:
        """Peak (VmHWM) or current (VmRSS) resident memory."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
        return 0.0

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


class Server(StreamlitProcess):
    """The dashboard on ``data`` for the browser tests, its log in artifacts/streamlit-NAME.log."""

    def __init__(self, data: Path, name: str):
        ARTIFACTS.mkdir(exist_ok=True)
        env = {**os.environ, "TIMELINE_DATA": str(data)}
        log_path = ARTIFACTS / f"streamlit-{name}.log"
        super().__init__(REPO_ROOT / "dashboard.py", log_path, env=env, timeout=60)
