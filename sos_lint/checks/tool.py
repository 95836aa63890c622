"""The tool's own notices. Unused suppressions are found by the runner, which owns them."""

from __future__ import annotations

from collections.abc import Iterable

from sos_lint.engine.runner import CheckContext, Hit


def no_op(context: CheckContext) -> Iterable[Hit]:
    """SOS001 is reported by the runner after suppression; this registers its metadata."""
    return ()
