"""pure_callback / io_callback (JAX's jax.pure_callback, jax.experimental.io_callback):
values eagerly and under jit, vmap's methods, jit's DCE of an unused pure
callback (and not of an io_callback), JAX's errors under grad, a shape/dtype
mismatch, and a custom_jvp around a callback (the documented way to
differentiate one)."""
import numpy as np
import pytest
import scipy.special

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite import lax
from functorch_lite.experimental import io_callback


def _sin(x):
    return fl.pure_callback(lambda v: np.sin(v).astype(v.dtype), fl.ShapeDtypeStruct.like(x),
                            x, vmap_method="sequential")


def test_pure_callback_values_jit_scan_vmap():
    x = np.arange(5.0)
    np.testing.assert_allclose(_sin(x), np.sin(x))
    np.testing.assert_allclose(fl.jit(_sin)(x), np.sin(x))
    ys = lax.scan(lambda c, v: (c, _sin(v)), None, x)[1]
    np.testing.assert_allclose(ys, np.sin(x))
    np.testing.assert_allclose(fl.vmap(_sin)(x.reshape(5, 1)), np.sin(x).reshape(5, 1))
    # pytrees in and out, keyword arguments passed through
    out = fl.pure_callback(lambda d, k: {"s": d["a"] + k, "t": d["b"] * 2},
                           {"s": fl.ShapeDtypeStruct((2,), np.float64),
                            "t": fl.ShapeDtypeStruct((), np.int64)},
                           {"a": np.ones(2), "b": np.int64(3)}, k=1.5)
    np.testing.assert_allclose(out["s"], [2.5, 2.5])
    assert int(out["t"]) == 6


@pytest.mark.parametrize("method", ["sequential", "expand_dims", "broadcast_all"])
def test_vmap_methods(method):
    seen = []

    def host(v, z):
        seen.append((v.shape, z.shape))
        return scipy.special.jv(v, z).astype(z.dtype)

    def jv(v, z):
        shape = np.broadcast_shapes(np.shape(v), np.shape(z))
        return fl.pure_callback(host, fl.ShapeDtypeStruct(shape, np.float64), v, z,
                                vmap_method=method)
    z = np.linspace(0.5, 3.0, 4)
    got = fl.vmap(jv, in_axes=(None, 0))(np.int64(1), z)
    np.testing.assert_allclose(got, scipy.special.jv(1, z), rtol=1e-12)
    want = {"sequential": [((), ())] * 4, "expand_dims": [((1,), (4,))],
            "broadcast_all": [((4,), (4,))]}[method]
    assert seen == want


def test_vmap_without_method_and_bad_method_raise():
    f = lambda x: fl.pure_callback(np.cos, fl.ShapeDtypeStruct.like(x), x)  # noqa: E731
    np.testing.assert_allclose(f(np.ones(2)), np.cos(np.ones(2)))
    with pytest.raises(NotImplementedError, match="vmap_method"):
        fl.vmap(f)(np.ones((3, 2)))
    with pytest.raises(ValueError, match="vmap_method"):
        fl.pure_callback(np.cos, np.ones(2), np.ones(2), vmap_method="vectorized")


def test_jit_drops_an_unused_pure_callback_but_keeps_io_callback():
    calls = []

    def host():
        calls.append(1)
        return np.int32(0)

    fl.jit(lambda: fl.pure_callback(host, np.int32(0)))()
    assert calls == [1]                        # used: runs at the call
    fl.jit(lambda x: (fl.pure_callback(host, np.int32(0)), x)[1])(1.0)
    assert calls == [1]                        # unused and pure: dropped
    g = fl.jit(lambda x: (io_callback(host, np.int32(0)), x)[1])
    g(1.0)
    g(2.0)
    assert calls == [1, 1, 1]                  # an effect: once per call, not at trace


def test_io_callback_vmap_ordered_and_grad():
    rng = np.random.default_rng(0)
    shapes = []

    def host(x):
        shapes.append(x.shape)
        return rng.uniform(size=x.shape).astype(x.dtype)
    f = fl.jit(lambda x: io_callback(host, x, x))
    assert f(np.zeros(5)).shape == (5,)
    assert fl.vmap(f)(np.zeros(5)).shape == (5,) and shapes[-5:] == [()] * 5
    with pytest.raises(ValueError, match="Cannot `vmap` ordered IO callback"):
        fl.vmap(lambda x: io_callback(host, x, x, ordered=True))(np.zeros(3))
    with pytest.raises(ValueError, match="IO callbacks do not support JVP"):
        fl.grad(lambda x: fnp.sum(io_callback(host, x, x)))(np.zeros(3))
    with pytest.raises(ValueError, match="Pure callbacks do not support"):
        fl.grad(lambda x: fnp.sum(_sin(x)))(np.ones(3))


def test_result_mismatch_and_custom_jvp():
    with pytest.raises(RuntimeError, match="incorrect output shape"):
        fl.pure_callback(lambda x: x[:1], fl.ShapeDtypeStruct((2,), np.float64), np.ones(2))
    with pytest.raises(RuntimeError, match="incorrect output dtype"):
        fl.pure_callback(lambda x: x.astype(np.float32), np.ones(2), np.ones(2))

    @fl.custom_jvp
    def sin(x):
        return _sin(x)

    @sin.defjvp
    def _(primals, tangents):
        (x,), (t,) = primals, tangents
        return sin(x), fnp.cos(x) * t
    np.testing.assert_allclose(fl.grad(lambda x: fnp.sum(sin(x)))(np.arange(3.0)),
                               np.cos(np.arange(3.0)))


def test_shape_dtype_struct_like_and_numpy_helpers():
    s = fl.ShapeDtypeStruct.like(np.zeros((2, 3), np.float32))
    assert s.shape == (2, 3) and s.dtype == np.float32
    assert fnp.issubdtype(np.int32, fnp.integer) and not fnp.issubdtype(np.int32, fnp.floating)
    assert fnp.broadcast_shapes((3, 1), (4,)) == (3, 4)
