"""`make bench` runs: the bench at a tiny size prints every figure it tracks.

Not a benchmark (no figure is asserted): the bench broke once without any test noticing
(the 404 template's hc_not_found was missing from its plain build), so this runs it for real.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LABELS = ["quiz layer cost", "site build,", "ratio", "inside the helpercourse plugin", "peak RSS, build of",
          "quiz compiler", "compiler,", "questions/s", "all cores", "one process", "peak RSS",
          "front end, JS + CSS gzipped"]


def test_the_bench_runs_at_a_tiny_size_and_prints_each_figure():
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "build.py"), "--tiny"], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    missing = [label for label in LABELS if label not in result.stdout]
    assert not missing, f"figures not printed: {missing}\n{result.stdout}"
    assert not list(ROOT.glob(".bench-mkdocs-*.yml")), "the bench left its configs behind"
