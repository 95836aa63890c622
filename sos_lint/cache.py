"""A small on-disk cache for data derived from the rule tables (never case text).

Expanding every term into its inflections needs lemminflect's tables, which take most of a
second to load; the expansions only change when the rule tables do, so they are kept in
``$SOS_LINT_CACHE_DIR`` (default: ``$XDG_CACHE_HOME/sos-lint`` or ``~/.cache/sos-lint``).
Any failure to read or write the cache is ignored: it only costs time.
"""

from __future__ import annotations

import atexit
import json
import os
import tempfile
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    override = os.environ.get("SOS_LINT_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sos-lint"


class JsonCache:
    """A dict persisted as one JSON file, written back once at exit if it changed."""

    def __init__(self, name: str) -> None:
        self.path = cache_dir() / f"{name}.json"
        self.data: dict[str, Any] = {}
        self.dirty = False
        self.loaded = False

    def _load(self) -> None:
        self.loaded = True
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                self.data = data
        except (OSError, ValueError):
            self.data = {}
        atexit.register(self.save)

    def get(self, key: str) -> Any:
        if not self.loaded:
            self._load()
        return self.data.get(key)

    def put(self, key: str, value: Any) -> None:
        if not self.loaded:
            self._load()
        self.data[key] = value
        self.dirty = True

    def save(self) -> None:
        if not self.dirty:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(self.data, handle)
            os.replace(tmp, self.path)
            self.dirty = False
        except OSError:
            pass
