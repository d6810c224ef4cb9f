"""Jobs for the PDF workers in tests: found by name in a worker process, so module-level."""

import os
import time
from pathlib import Path


def broken(html: str) -> bytes:
    raise RuntimeError("SENTINEL Sam Example said something")


def slow(html: str) -> bytes:
    time.sleep(30)
    return b"%PDF- too late"


def spin(pid_file: str) -> bytes:
    """Say which process this is, then use the processor until stopped."""
    Path(pid_file).write_text(str(os.getpid()))
    while True:
        pass


def which_process(_html: str = "") -> tuple[int, int]:
    """This worker's process id and its niceness."""
    return os.getpid(), os.nice(0)


def a_while(seconds: float) -> tuple[float, float]:
    started = time.monotonic()
    time.sleep(seconds)
    return started, time.monotonic()
