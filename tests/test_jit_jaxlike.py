"""jit as JAX's: the cache keyed on the function, methods, trace/lower/compile."""
from functools import partial

import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as jnp


def test_inline_jit_caches_on_the_function():
    # JAX's Common Gotchas cell: the global is read at the first trace only
    g = 0.0

    def impure(x):
        return x + g
    assert float(fl.jit(impure)(4.0)) == 4.0
    g = 10.0
    assert float(fl.jit(impure)(5.0)) == 5.0     # JAX prints 5.0 (cached trace)
    assert float(fl.jit(impure)(np.array([4.0]))[0]) == 14.0   # new signature: retrace
    calls = []

    def f(x):
        calls.append(1)
        return x * 2
    for _ in range(3):
        fl.jit(f)(np.ones(2))
    assert len(calls) == 1
    fl.jit(f, static_argnums=())(np.ones(2))     # the same options: the same cache
    assert len(calls) == 1
    fl.jit(f, static_argnums=0)(2.0)     # other options: a cache of their own
    assert len(calls) == 2


def test_method_decorator_static_self():
    class Scaler:
        def __init__(self, m):
            self.m = m

        @partial(fl.jit, static_argnums=0)
        def calc(self, x):
            return x * self.m

        def __hash__(self):
            return hash(self.m)

        def __eq__(self, other):
            return isinstance(other, Scaler) and other.m == self.m
    assert float(Scaler(2.0).calc(3.0)) == 6.0
    assert float(Scaler(4.0).calc(3.0)) == 12.0
    assert Scaler.calc.__name__ == "calc"

    class Plain:
        @fl.jit
        def calc(self, x):
            return x
    with pytest.raises(TypeError, match="not an array"):
        Plain().calc(1.0)


def test_trace_lower_compile():
    def f(x, y):
        return jnp.sin(x) * y
    x = np.linspace(0, 1, 4)
    tr = fl.jit(f).trace(x, 2.0)
    assert "sin" in str(tr.jaxpr)
    assert tr.out_info.shape == (4,) and tr.out_info.dtype == np.float64
    low = fl.jit(f).lower(x, 2.0)
    assert "sin" in low.as_text()
    comp = low.compile()
    np.testing.assert_allclose(comp(x, 3.0), np.sin(x) * 3.0)
    with pytest.raises(TypeError, match="compiled for"):
        comp(np.ones(5), 3.0)
    sds = fl.ShapeDtypeStruct((3,), np.float32)
    c2 = fl.jit(f).lower(sds, 1.0).compile()
    assert c2(np.ones(3, np.float32), 2.0).dtype == np.float32
    # static arguments travel with it
    g = fl.jit(lambda x, n: x ** n, static_argnums=1)
    c3 = g.lower(x, 3).compile()
    np.testing.assert_allclose(c3(x, 3), x ** 3)
    with pytest.raises(TypeError):
        c3(x, 2)


def test_vjp_function_is_a_pytree():
    f = lambda x: jnp.sin(x) * x   # noqa: E731
    x = np.array([0.3, 1.2])
    y, f_vjp = fl.vjp(f, x)
    leaves, tree = fl.tree_util.tree_flatten(f_vjp)
    assert leaves and all(isinstance(v, np.ndarray) for v in leaves)
    again = fl.tree_util.tree_unflatten(tree, leaves)
    want = np.cos(x) * x + np.sin(x)
    np.testing.assert_allclose(again(np.ones(2))[0], want)
    np.testing.assert_allclose(f_vjp(np.ones(2))[0], want)
    # returned from jit (JAX's vjp returns a Partial over its residuals)
    got_fn = fl.jit(lambda x: fl.vjp(f, x)[1])(x)
    np.testing.assert_allclose(got_fn(np.ones(2))[0], want)
    out, g = fl.jit(lambda x: fl.vjp(f, x))(x)
    np.testing.assert_allclose(out, np.sin(x) * x)
    np.testing.assert_allclose(g(2 * np.ones(2))[0], 2 * want)


def test_jacobian_is_jacrev():
    x = np.array([0.5, 1.5])
    np.testing.assert_allclose(fl.jacobian(jnp.sin)(x), np.diag(np.cos(x)))
    np.testing.assert_allclose(fl.jacobian(lambda a, b: a * b, argnums=1)(x, x), np.diag(x))


def test_array_virtual_type_and_typeof():
    x = jnp.ones(3, dtype=np.float32)
    assert isinstance(x, fl.Array) and isinstance(np.float32(1), fl.Array)
    assert not isinstance(1.0, fl.Array) and not isinstance([1.0], fl.Array)
    seen = []
    fl.jit(lambda v: seen.append(isinstance(v, fl.Array)) or v)(x)
    assert seen == [True]                      # a tracer is an Array, as in JAX
    assert str(fl.typeof(x)) == "ShapedArray(f32[3])"
    assert fl.typeof(1.0).weak_type
    with pytest.raises(TypeError, match="not constructed directly"):
        fl.Array()
