"""JAX's documentation pages, cell by cell, with only the imports changed
(examples/jax/*.py, exported by examples/jax/run_pages.py): every cell jax runs
must run here and print the same numbers (rtol 1e-3; expected/*.json holds
jax's printed output), except the cells listed in KNOWN with the reason.
Each page runs in its own process in JAX's 32-bit mode."""
import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EX = os.path.join(ROOT, "examples", "jax")
sys.path.insert(0, EX)
from run_pages import agree  # noqa: E402

_RANDOM = "random.normal draws differ from JAX's (not bit-exact; docs/random.md)"
_ARRAY = "needs JAX's Array methods (.at, .block_until_ready, .devices, .sharding)"
_RESID = "a different but valid residual set (this tape saves other values than JAX's)"
_LINES = "JAX's residual lines also name the source line (their numbers differ)"
KNOWN = {
    "automatic_differentiation": {6: _RANDOM, 7: _RANDOM, 8: _RANDOM, 9: _RANDOM},
    "higher_order": {13: _ARRAY, 15: _RANDOM, 16: _RANDOM, 17: _RANDOM},
    "jit_compilation": {1: "jit's passes fold log(2.0) (a constant) in the printed jaxpr",
                        2: "the same folded jaxpr, and the tracer prints as JaxprTracer",
                        4: _ARRAY, 5: _ARRAY, 12: _ARRAY},
    "key_concepts": {11: "functorch_lite.numpy has no convolve"},
    "gradient_checkpointing": {0: _RESID, 1: _RESID, 17: _RESID, 20: _RESID, 24: _RESID,
                               25: _RESID, 27: _RESID, 28: _RESID, 2: _LINES, 3: _LINES,
                               18: _LINES, 21: _LINES,
                               23: "imports jax._src (JAX's private modules)"},
    "custom_derivative_rules_for_python_code": {
        8: "grads are NaN-safe here (0 * inf = 0 in backward products): 0.0 where JAX "
           "prints nan", 16: "the same NaN-safe product",
        22: "needs matplotlib", 23: "needs matplotlib (plt)"},
    "common_gotchas_in_jax": {
        5: "an array made outside fori_loop, indexed by a traced integer: NumPy's "
           "own indexing runs (jnp.asarray(array)[i] works; docs/jax_semantics.md)", 9: "arrays are mutable NumPy arrays: b += 10 changes a",
        10: _ARRAY, 12: _ARRAY, 26: "out-of-bounds indexing raises (NumPy) where JAX clamps",
        27: _ARRAY, 28: _ARRAY},
    "thinking_in_jax": {1: "needs matplotlib", 8: _ARRAY, 10: _ARRAY, 11: _ARRAY,
                        15: _ARRAY, 24: _ARRAY, 25: _ARRAY, 26: _ARRAY,
                        28: "random.normal draws differ", 29: "random.normal draws differ"},
}
PAGES = sorted(f[:-3] for f in os.listdir(EX) if f.endswith(".py") and f != "run_pages.py"
               and ".part" not in f)   # <page>.partN.py continues <page>.py


def _run(page, tmp_path):
    out = tmp_path / f"{page}.json"
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
    subprocess.run([sys.executable, os.path.join(EX, "run_pages.py"),
                    os.path.join(EX, page + ".py"), "--json", str(out)],
                   check=True, env=env, cwd=str(tmp_path), capture_output=True, timeout=300)
    return list(json.load(open(out)).values())[0]


@pytest.mark.parametrize("page", PAGES)
def test_page_cells_run_and_agree_with_jax(page, tmp_path):
    got = _run(page, tmp_path)
    want = json.load(open(os.path.join(EX, "expected", page + ".json")))
    assert len(got) == len(want)
    known = KNOWN.get(page, {})
    bad = []
    for i, ((status, stdout), w) in enumerate(zip(got, want)):
        if i in known or not (w["status"].startswith("ok") or
                              w["status"] == "raised-as-page-says"):
            continue
        if not (status.startswith("ok") or status == "raised-as-page-says"):
            bad.append(f"cell {i}: {status}")
        elif not agree(w["stdout"], stdout):
            bad.append(f"cell {i}: prints {stdout[:200]!r}, jax {w['stdout'][:200]!r}")
    assert not bad, "\n".join(bad)
