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

_FD32 = ("a float32 finite difference over eps=1e-4: last-ulp differences of the loss "
         "(another summation order) move it in the third digit")
_ARRAY = "needs JAX's Array methods (.at, .block_until_ready, .devices, .sharding)"
_RESID = "a different but valid residual set (this tape saves other values than JAX's)"
_LINES = "JAX's residual lines also name the source line (their numbers differ)"
KNOWN = {
    "automatic_differentiation": {9: _FD32},
    "higher_order": {13: _ARRAY},
    "jit_compilation": {1: "jit's passes fold log(2.0) (a constant) in the printed jaxpr",
                        2: "the same folded jaxpr, and the tracer prints as JaxprTracer",
                        4: _ARRAY, 5: _ARRAY, 12: _ARRAY},
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
                        15: _ARRAY, 24: _ARRAY, 25: _ARRAY, 26: _ARRAY},
}
_REF = "needs jax.new_ref / jax.freeze (JAX's mutable array refs): not built"
_MESH = "needs devices and meshes (jax_num_cpu_devices, make_mesh, set_mesh): one device here"
KNOWN.update({
    "jax101_arrays": {7: _ARRAY, 8: _ARRAY, 11: "out-of-bounds indexing of an eager result "
                      "raises (NumPy's) where JAX clamps", 12: _ARRAY, 15: _ARRAY},
    "jax101_pytrees": {9: "NumPy's unseeded global np.random draws (differ on every run)"},
    "jax101_random": {3: "keys are raw uint32[2] arrays (typeof prints ShapedArray(u32[2]), "
                      "JAX's typed key prints key<fry>[])"},
    "jax101_state": {6: _REF, 7: _REF, 9: _REF, 10: _REF, 11: _REF, 12: _REF},
    "jax101_transformations": {
        7: _FD32,
        17: "tracers print as Traced<i32[]>(BatchTracer), not VmapTracer(aval=..., batched=...)"},
    "jax201_callbacks": {1: _MESH, 20: _MESH, 21: _MESH},
    "jax201_debugging": {
        3: "lax.map's debug prints in program order; JAX's (unordered effects) print each "
           "step's y before its x", 7: _ARRAY,
        11: "the traceback's lines and JAX's 'de-optimized version' notice differ",
        12: "the same notice"},
    "jax201_jit": {1: _ARRAY, 2: _ARRAY, 10: _ARRAY, 20: _REF},
    "jax301_cookbook": {11: "functorch_lite has no linear_transpose"},
    "jax301_custom_jvp_vjp": {8: "grads are NaN-safe here (0 * inf = 0): 0.0 where JAX "
                              "prints nan"},
    "jax301_vjp_objects": {4: "the VJP object's newer API (fwd_and_bwd, args_res, "
                           "saveable_args) is not built", 5: "the same API", 7: "the same "
                           "API: vjp's function keeps every residual as a leaf",
                           9: "the same API"},
})
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
