"""A Streamlit page served in a child process for the benchmarks, with its CPU time and memory
read from /proc, and the Chromium the browser tests use (tests/browser_support.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "tests"))

from browser_support import CHROMIUM, CHROMIUM_ARGS, free_port, healthy

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "REPO_ROOT", "Server"]


class Server:
    """``streamlit run SCRIPT`` from ``root`` (another checkout, for before/after runs)."""

    def __init__(
        self,
        script: Path,
        log: Path,
        root: Path = REPO_ROOT,
        env: dict[str, str] | None = None,
        timeout: float = 120,
    ) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [
            sys.executable, "-m", "streamlit", "run", str(script),
            "--server.headless", "true", "--server.port", str(self.port),
            "--server.address", "127.0.0.1", "--server.fileWatcherType", "none",
            "--browser.gatherUsageStats", "false",
        ]  # fmt: skip
        self.log = log.open("w")
        self.process = subprocess.Popen(
            command, cwd=root, env=env, stdout=self.log, stderr=subprocess.STDOUT
        )
        if healthy(self.url, self.process, timeout):
            return
        self.stop()
        raise RuntimeError(f"streamlit did not start; see {log}")

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
