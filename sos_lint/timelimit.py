"""A time limit on a block of work, so one record can never stall a batch scan.

The limit is a ``SIGALRM`` timer, which interrupts Python code at its next instruction: a rule
caught in a loop on an odd sentence is stopped, and the scan records an error for that record
and goes on. It works where signals do, in the main thread of a process on a Unix-like system
(the CLI, and each ``--jobs`` worker); elsewhere (Windows, a server's threads, a Dask worker's
tasks) the block simply runs without a limit, and ``time_limit`` says so by yielding False.
"""

from __future__ import annotations

import math
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# Seconds one record of a scan may take to check (a record takes milliseconds, a long Word
# document a few seconds); past it, the record is reported and the scan goes on.
DEFAULT_RECORD_TIMEOUT = 60.0
# The longest limit a timer is set for (a day); a longer or infinite one means no limit.
LONGEST_LIMIT = 86400.0


class TimeLimitExceeded(Exception):
    """The block ran past its time limit."""


def can_limit_time() -> bool:
    """Can this thread have a time limit (a Unix-like system's main thread)?"""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[bool]:
    """Raise ``TimeLimitExceeded`` inside the block once ``seconds`` have passed.

    Yields whether the limit is in force (False when ``seconds`` is 0 or less, not finite or
    over a day, or when the thread cannot have one). The handler raises only while the block
    runs, so an alarm that fires as the block ends is ignored, and the handler set before is
    always put back. A program that already has a real-time timer running keeps it, and the
    block runs without a limit.
    """
    if (
        not math.isfinite(seconds)
        or not 0 < seconds <= LONGEST_LIMIT
        or not can_limit_time()
        or signal.getitimer(signal.ITIMER_REAL)[0] > 0  # (a timer of the program's own: keep it)
    ):
        yield False
        return
    armed = [True]

    def _expired(signum: int, frame: Any) -> None:
        if armed[0]:
            raise TimeLimitExceeded

    previous_handler = signal.signal(signal.SIGALRM, _expired)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        yield True
    finally:
        armed[0] = False  # (first: an alarm from here on is harmless)
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous_handler)
