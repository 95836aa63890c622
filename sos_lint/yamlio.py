"""YAML reading for the rule data: libyaml's C loader when PyYAML has it (several times
faster on the ~60 rule files read at every start), else the pure-Python safe loader."""

from __future__ import annotations

from typing import Any

import yaml

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)
