"""Build hook: ship the top-level ``rules/`` folder inside the wheel as ``sos_lint/_rules``.

The rules live at the repository root (they are data, reviewed like code), but an
installed wheel has no repository root, so the build copies them into the package.
Editable installs read ``rules/`` in place (see ``sos_lint.engine.paths``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithRules(build_py):
    def run(self) -> None:
        super().run()
        source = Path(__file__).parent / "rules"
        target = Path(self.build_lib) / "sos_lint" / "_rules"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))


setup(cmdclass={"build_py": BuildWithRules})
