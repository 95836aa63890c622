"""The time limit that stops one record from stalling a scan (``sos_lint.timelimit``)."""

from __future__ import annotations

import signal
import threading
import time

import pytest

from sos_lint.timelimit import TimeLimitExceeded, can_limit_time, time_limit

pytestmark = pytest.mark.skipif(not can_limit_time(), reason="needs SIGALRM (a Unix-like system)")


def test_a_loop_that_never_ends_is_stopped() -> None:
    started = time.monotonic()
    with pytest.raises(TimeLimitExceeded), time_limit(0.2) as enforced:
        assert enforced
        while True:
            pass
    assert time.monotonic() - started < 5


def test_work_inside_the_limit_is_untouched_and_the_handler_is_put_back() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with time_limit(5) as enforced:
        total = sum(range(1000))
    assert enforced and total == 499500
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_zero_means_no_limit() -> None:
    with time_limit(0) as enforced:
        time.sleep(0.01)
    assert not enforced


def test_off_the_main_thread_there_is_no_limit_and_no_error() -> None:
    seen: list[bool] = []

    def work() -> None:
        with time_limit(0.01) as enforced:
            time.sleep(0.05)
        seen.append(enforced)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [False]
