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


def test_an_endless_or_unreal_limit_is_no_limit() -> None:
    for seconds in (float("inf"), float("nan"), 1e20, -1.0):
        with time_limit(seconds) as enforced:
            pass
        assert not enforced


def test_a_programs_own_timer_is_left_alone() -> None:
    signal.setitimer(signal.ITIMER_REAL, 30)
    try:
        with time_limit(0.01) as enforced:
            time.sleep(0.05)
        assert not enforced
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 29
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def test_an_alarm_as_the_block_ends_leaves_nothing_behind() -> None:
    # Blocks that finish right at the limit, the way a scan uses it (the result set inside,
    # replaced if the limit is hit): each ends done or stopped, and the handler and timer are
    # always put back, however the alarm falls against the block's end.
    before = signal.getsignal(signal.SIGALRM)
    for _ in range(300):
        try:
            with time_limit(0.001):
                end = time.perf_counter() + 0.001
                while time.perf_counter() < end:
                    pass
                result = "done"
        except TimeLimitExceeded:
            result = "stopped"
        assert result in ("done", "stopped")
        assert signal.getsignal(signal.SIGALRM) is before
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
