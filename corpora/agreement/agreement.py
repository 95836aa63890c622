"""Agreement between the corpus labels and a second, blind annotation of the same statements.

    python corpora/agreement/agreement.py      (with sos-lint installed)

For each labelled file that the second annotation covers, prints per category how many
statements each annotator labelled and the agreement F1 (2 x both / (first + second)).
"""

from __future__ import annotations

import json
from pathlib import Path

from sos_lint.evaluate import EVAL_CATEGORIES as CATEGORIES  # the labelled categories

HERE = Path(__file__).resolve().parent


def load(path: Path) -> dict[str, set[str]]:
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line)
    return {row["id"]: set(row["categories"]) for row in rows}


def main() -> None:
    second = load(HERE / "second-annotation.jsonl")
    for path in sorted(HERE.parent.glob("statements-*.jsonl")):
        first = {k: v for k, v in load(path).items() if k in second}
        if not first:
            continue
        print(f"{path.name}: {len(first)} statements")
        print(f"  {'category':16} {'first':>5} {'second':>6} {'both':>5} {'agreement F1':>12}")
        for category in CATEGORIES:
            a = sum(category in labels for labels in first.values())
            b = sum(category in second[key] for key in first)
            both = sum(
                category in labels and category in second[key] for key, labels in first.items()
            )
            f1 = 2 * both / (a + b) if a + b else 1.0
            print(f"  {category:16} {a:5} {b:6} {both:5} {f1:12.2f}")
        clean = sum(not labels and not second[key] for key, labels in first.items())
        print(
            f"  clean in both: {clean} of {sum(not v for v in first.values())} clean in the first"
        )


if __name__ == "__main__":
    main()
