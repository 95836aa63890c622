"""A time limit on a block of work, so one record can never stall a batch scan.

The limit is a ``SIGALRM`` timer, which interrupts Python code at its next instruction: a rule
caught in a loop on an odd sentence is stopped, and the scan records an error for that record
and goes on. It works where signals do, in the main thread of a process on a Unix-like system
(the CLI, and each ``--jobs`` worker); elsewhere (Windows, a server's or a Dask worker's
threads) the block simply runs without a limit, and ``time_limit`` says so by yielding False.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

# Seconds one record of a scan may take to check (a record takes milliseconds, a long Word
# document a few seconds); past it, the record is reported and the scan goes on.
DEFAULT_RECORD_TIMEOUT = 60.0


class TimeLimitExceeded(Exception):
    """The block ran past its time limit."""


def can_limit_time() -> bool:
    """Can this thread have a time limit (a Unix-like system's main thread)?"""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[bool]:
    """Raise ``TimeLimitExceeded`` inside the block once ``seconds`` have passed.

    Yields whether the limit is in force (False when ``seconds`` is 0 or less, or the thread
    cannot have one). Any timer or handler set before is put back afterwards.
    """
    if seconds <= 0 or not can_limit_time():
        yield False
        return

    def _expired(signum: int, frame: Any) -> None:
        raise TimeLimitExceeded

    previous_handler = signal.signal(signal.SIGALRM, _expired)
    previous_timer = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_timer[0] > 0:
            signal.setitimer(signal.ITIMER_REAL, *previous_timer)
