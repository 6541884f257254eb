"""lax's elementwise operations where their semantics differ from NumPy's."""
import numpy as np
import pytest

import functorch_lite as fl
from functorch_lite import lax


def test_div_of_integers_rounds_toward_zero_as_jax():
    # stored from jax.lax.div (0.10.2); NumPy's // would give [3, -4, -4, 3, 2, 0]
    a = np.array([7, -7, 7, -7, 6, 0], np.int32)
    b = np.array([2, 2, -2, -2, 3, 5], np.int32)
    want = np.array([3, -3, -3, 3, 2, 0], np.int32)
    for f in (lax.div, fl.jit(lax.div), fl.vmap(lax.div)):
        r = np.asarray(f(a, b))
        assert r.dtype == np.int32 and np.array_equal(r, want)
    assert lax.div(np.uint8(7), np.uint8(2)) == 3
    jl = pytest.importorskip("jax.lax")
    assert np.array_equal(np.asarray(jl.div(a, b)), want)
