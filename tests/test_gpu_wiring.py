"""The real-CuPy test cases, run once with the stand-in posing as the ``cupy``
module (in a subprocess): on a machine with a GPU those cases take this very
path (``backends.available()`` finds cupy, the ``[cupy]`` fixture cases run),
so the wiring cannot rot while CI has no GPU.  What it cannot check is CuPy
itself: that is ``benchmarks/gpu_check.sh``'s job on a GPU."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

_RUNNER = f"""
import sys
sys.path[:0] = [{HERE!r}, {ROOT!r}]
import _fakecupy
sys.modules["cupy"] = _fakecupy
sys.modules["cupyx"] = _fakecupy.cupyx
import pytest
sys.exit(pytest.main(["-q", "-p", "no:cacheprovider", "-k", "cupy", "-x",
                      "--rootdir", {ROOT!r}] + sys.argv[1:]))
"""


def test_the_cupy_cases_run_where_cupy_is_present():
    files = [os.path.join(HERE, f) for f in (
        "test_device_backend.py", "test_facade_device.py", "test_bench_device.py",
        "test_numpy_backend.py")]
    r = subprocess.run([sys.executable, "-c", _RUNNER, *files], capture_output=True,
                       text=True, timeout=600, cwd=ROOT)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    assert " passed" in r.stdout and " skipped" not in r.stdout.splitlines()[-1], \
        r.stdout[-500:]
