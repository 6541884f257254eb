"""examples/func/: each program runs on functorch_lite with small arguments and
prints the numbers the same program printed on torch 2.13 (its ``--torch``
switch changes only the imports), to 1e-5; the stored reference is
tests/_func_examples_expected.py; FL_TORCH_EXAMPLES=1 reruns it live."""
import os
import re
import subprocess
import sys

import numpy as np
import pytest

from _func_examples_expected import EXPECTED, RUNS

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_NUM = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")


def _run(name, *extra):
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    r = subprocess.run([sys.executable, os.path.join(ROOT, "examples", "func", name),
                        *RUNS[name], *extra], capture_output=True, text=True, env=env,
                       timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    return r.stdout


def _compare(got, want):
    assert _NUM.sub("#", got) == _NUM.sub("#", want), (got, want)
    g = np.array([float(v) for v in _NUM.findall(got)])
    w = np.array([float(v) for v in _NUM.findall(want)])
    np.testing.assert_allclose(g, w, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("name", sorted(RUNS))
def test_example_prints_torch_numbers(name):
    _compare(_run(name), EXPECTED[name])


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("FL_TORCH_EXAMPLES"),
                    reason="reruns the torch reference (about 10 s each for torch's import): "
                           "set FL_TORCH_EXAMPLES=1")
@pytest.mark.parametrize("name", sorted(RUNS))
def test_example_matches_torch_live(name):
    pytest.importorskip("torch")
    _compare(_run(name), _run(name, "--torch"))
