"""Issue 13's functorch_lite.numpy names beyond tests/test_numpy_surface.py (which
runs forward vs NumPy, check_grads, float32 and vmap on tests/_numpy13_cases.py):
jit against eager on every case, a bad axis raising an error that names the
function, and the no-gradient rule for integer results."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.core import tree_util as tu

from _numpy13_cases import CASES13

JIT_CASES = [c for c in CASES13 if c.jaxpr and c.args]


def _leaves(x):
    if isinstance(x, tuple) and not hasattr(x, "_fields"):
        x = list(x)
    return [np.asarray(v) for v in tu.tree_leaves(x)]


@pytest.mark.parametrize("c", JIT_CASES, ids=repr)
def test_jit_matches_eager(c):
    want = _leaves(c.f(*c.args))
    got = _leaves(fl.jit(c.f)(*c.args))
    assert len(got) == len(want), c.name
    for g, w in zip(got, want):
        assert g.dtype == w.dtype and g.shape == w.shape, (c.name, g.dtype, w.dtype)
        np.testing.assert_allclose(g, w, rtol=1e-12, atol=1e-12, equal_nan=True,
                                   err_msg=c.name)


_X = np.arange(12.0).reshape(3, 4)
BAD_AXIS = {
    "sort": lambda: fnp.sort(_X, axis=2), "argsort": lambda: fnp.argsort(_X, axis=-3),
    "partition": lambda: fnp.partition(_X, 1, axis=5),
    "argpartition": lambda: fnp.argpartition(_X, 1, axis=5),
    "lexsort": lambda: fnp.lexsort([_X], axis=3),
    "quantile": lambda: fnp.quantile(_X, 0.5, axis=2),
    "median": lambda: fnp.median(_X, axis=(0, 7)),
    "percentile": lambda: fnp.percentile(_X, 50, axis=9),
    "nanmean": lambda: fnp.nanmean(_X, axis=2), "nanvar": lambda: fnp.nanvar(_X, axis=2),
    "nansum": lambda: fnp.nansum(_X, axis=2), "nanmax": lambda: fnp.nanmax(_X, axis=2),
    "nanmedian": lambda: fnp.nanmedian(_X, axis=2), "ptp": lambda: fnp.ptp(_X, axis=2),
    "average": lambda: fnp.average(_X, axis=2), "trapz": lambda: fnp.trapz(_X, axis=2), "diff": lambda: fnp.diff(_X, axis=2),
    "gradient": lambda: fnp.gradient(_X, axis=2), "trapezoid": lambda: fnp.trapezoid(_X, axis=2),
    "cumulative_sum": lambda: fnp.cumulative_sum(_X, axis=2),
    "delete": lambda: fnp.delete(_X, 0, axis=2), "insert": lambda: fnp.insert(_X, 0, 1.0, axis=2),
    "array_split": lambda: fnp.array_split(_X, 2, axis=2),
    "unstack": lambda: fnp.unstack(_X, axis=2), "rot90": lambda: fnp.rot90(_X, axes=(0, 2)),
    "count_nonzero": lambda: fnp.count_nonzero(_X, axis=2),
    "vecdot": lambda: fnp.vecdot(_X, _X, axis=2), "unique": lambda: fnp.unique(_X, axis=2),
}


@pytest.mark.parametrize("name", sorted(BAD_AXIS))
def test_bad_axis_names_the_function(name):
    with pytest.raises((ValueError, IndexError, TypeError)) as e:
        BAD_AXIS[name]()
    shown = {"trapz": "trapezoid"}.get(name, name)  # an alias names its function
    assert f"{shown}:" in str(e.value), str(e.value)
    assert "axis" in str(e.value)


def test_every_axis_taking_new_name_is_in_the_bad_axis_table():
    import inspect
    from _numpy13_cases import CASES13 as cases
    names = {c.name.split("[")[0].split("-")[0] for c in cases}
    takes_axis = sorted(n for n in names if callable(getattr(fnp, n, None)) and
                        "axis" in getattr(inspect.signature(getattr(fnp, n)), "parameters", {})
                        and n not in ("append", "concat", "take", "unique_size"))
    skip = {"nanprod", "nanstd", "nanmin", "nanargmax", "nanargmin", "nancumsum", "nancumprod",
            "nanquantile", "nanpercentile", "msort", "cumulative_sum", "logspace", "geomspace",
            "hsplit", "vsplit", "dsplit", "meshgrid", "unique_values", "matrix_transpose",
            "permute_dims"}
    missing = [n for n in takes_axis if n not in BAD_AXIS and n not in skip]
    assert not missing, missing


def test_integer_results_carry_no_gradient():
    x = np.array([0.3, -1.2, 2.5])
    for f in (lambda v: fnp.argsort(v), lambda v: fnp.searchsorted(np.array([0.0, 1.0]), v),
              lambda v: fnp.count_nonzero(v), lambda v: fnp.unique(v, return_inverse=True)[1]):
        _, t = fl.jvp(f, (x,), (np.ones_like(x),))
        assert not np.any(np.asarray(t))
    # and the sorted values do carry one: each cotangent goes back to its element
    np.testing.assert_array_equal(fl.grad(lambda v: fnp.sort(v)[0])(x), [0.0, 1.0, 0.0])
    vals, idx = fl.lax.top_k(x, 2)
    np.testing.assert_array_equal(vals, [2.5, 0.3])
    np.testing.assert_array_equal(fl.grad(lambda v: fl.lax.top_k(v, 2)[0].sum())(x),
                                  [1.0, 0.0, 1.0])
