"""Runs each lesson's NumPy twin and writes what they return to test/fixtures/lessons.json, which
the lessons' tests compare with (run by `npm run fixtures`)."""

import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "planar"))
sys.path.insert(0, str(HERE / "logistic-regression"))
sys.path.insert(0, str(HERE / "deep"))

import deep  # noqa: E402
import logistic_regression  # noqa: E402
import planar  # noqa: E402

if __name__ == "__main__":
    out = HERE.parent / "test" / "fixtures" / "lessons.json"
    twins = {"planar": planar.twin(), "logisticRegression": logistic_regression.twin(), "deep": deep.twin()}
    out.write_text(json.dumps(twins, separators=(",", ":")) + "\n")
    print(f"wrote {out.relative_to(HERE.parent)}", file=sys.stderr)
