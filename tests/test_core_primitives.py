"""Behaviours of the first primitives beyond the table's checks (forward,
derivatives, vmap and jit of every primitive are table-driven: tests/_prim_table.py
and tests/test_primitive_registry.py): ties, NaN-safe where, stop_gradient."""
import numpy as np

import functorch_lite as fl
import functorch_lite.numpy as fnp

rng = np.random.default_rng(0)


def R(*shape):
    return rng.standard_normal(shape)


def test_binary_ties_split_gradient():
    g = fl.grad(lambda x, y: fnp.sum(fnp.maximum(x, y)), argnums=(0, 1))
    gx, gy = g(np.array([1.0, 2.0]), np.array([1.0, 0.0]))
    np.testing.assert_array_equal(gx, [0.5, 1.0])
    np.testing.assert_array_equal(gy, [0.5, 0.0])


def test_nan_safe_where():
    g = fl.grad(lambda x: fnp.where(x > 0, fnp.sqrt(x), 0.0))(-1.0)
    assert g == 0.0
    g = fl.grad(lambda x: fnp.where(x > 0, fnp.log(x), 0.0))(0.0)
    assert g == 0.0


def test_reduce_max_ties_share():
    g = fl.grad(lambda v: fnp.max(v))(np.array([1.0, 3.0, 3.0]))
    np.testing.assert_array_equal(g, [0.0, 0.5, 0.5])


def test_stop_gradient():
    f = lambda x: fnp.sum(x * fl.stop_gradient(x))  # noqa: E731
    x = R(3)
    np.testing.assert_allclose(fl.grad(f)(x), x)
    _, t = fl.jvp(f, (x,), (np.ones(3),))
    np.testing.assert_allclose(t, np.sum(x))
