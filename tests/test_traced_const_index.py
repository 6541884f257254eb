"""Issue 19: a constant array indexed by a traced integer inside jit, vmap,
grad, fori_loop and scan (JAX's ``jnp.arange(10)[i]``, ``c + arr[i]``).

Arrays made by functorch_lite.numpy inside a traced function are values of
the trace; a closed-over NumPy array is wrapped with ``fnp.asarray(arr)``
(NumPy's own ``ndarray.__getitem__`` cannot take a tracer, and the error says
so). Each case checks stored values, and jax's where it is installed."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.core.errors import TracerConversionError

A2 = np.arange(12.0).reshape(3, 4)
ARR = np.array([0.5, 1.0, 2.0, 4.0, 8.0])


def _idioms(np_mod, lax, jit, vmap, grad, asarray):
    """Each idiom written once over a namespace, so jax runs the same code."""
    return {
        "jit_arange": lambda: jit(lambda i: np_mod.arange(10)[i])(3),
        "jit_row_col": lambda: jit(lambda i: asarray(A2)[i, 2])(1),
        "jit_column": lambda: jit(lambda i: asarray(A2)[:, i])(1),
        "jit_index_array": lambda: jit(lambda idx: asarray(A2)[idx])(np.array([0, 2])),
        "jit_row_then_slice": lambda: jit(lambda i: asarray(A2)[i][1:3])(2),
        "vmap_arange": lambda: vmap(lambda i: np_mod.arange(10)[i] * 2)(np.array([1, 2, 7])),
        "vmap_column": lambda: vmap(lambda i: asarray(A2)[:, i])(np.array([0, 3])),
        "fori_asarray": lambda: lax.fori_loop(
            0, 5, lambda i, c: c + asarray(ARR)[i], 0.0),
        "fori_arange": lambda: lax.fori_loop(
            0, 4, lambda i, c: c * 2 + np_mod.arange(4.0)[i], 1.0),
        "scan_arange": lambda: lax.scan(
            lambda c, i: (c + np_mod.arange(10.0)[i] ** 2, c), 0.0, np.array([1, 3, 5]))[0],
        "grad_traced_index": lambda: grad(
            lambda x, i: jit(lambda x, i: (x[i] * np_mod.arange(4.0)[i]) ** 2)(x, i))(
                np.array([1.0, 2.0, 3.0, 4.0]), 2),
        "grad_in_fori": lambda: grad(lambda x: lax.fori_loop(
            0, 3, lambda i, c: c + x[i] * asarray(ARR)[i], 0.0))(np.ones(4)),
        "vmap_grad": lambda: vmap(grad(lambda x, i: x[i] * asarray(ARR)[i] ** 2),
                                  in_axes=(None, 0))(np.ones(5), np.array([0, 4])),
    }


EXPECTED = {
    "jit_arange": 3,
    "jit_row_col": 6.0,
    "jit_column": [1.0, 5.0, 9.0],
    "jit_index_array": [[0.0, 1.0, 2.0, 3.0], [8.0, 9.0, 10.0, 11.0]],
    "jit_row_then_slice": [9.0, 10.0],
    "vmap_arange": [2, 4, 14],
    "vmap_column": [[0.0, 4.0, 8.0], [3.0, 7.0, 11.0]],
    "fori_asarray": 15.5,
    "fori_arange": 27.0,
    "scan_arange": 35.0,
    "grad_traced_index": [0.0, 0.0, 24.0, 0.0],
    "grad_in_fori": [0.5, 1.0, 2.0, 0.0],
    "vmap_grad": [[0.25, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 64.0]],
}

OURS = _idioms(fnp, fl.lax, fl.jit, fl.vmap, fl.grad, fnp.asarray)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_idiom_stored(name):
    np.testing.assert_allclose(np.asarray(OURS[name]()), EXPECTED[name], rtol=1e-6)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_idiom_against_jax(name):
    jax = pytest.importorskip("jax")
    import jax.numpy as jnp
    theirs = _idioms(jnp, jax.lax, jax.jit, jax.vmap, jax.grad, jnp.asarray)[name]()
    np.testing.assert_allclose(np.asarray(OURS[name]()), np.asarray(theirs), rtol=1e-5)


def test_closed_over_numpy_array_error_names_the_fix():
    # NumPy's own __getitem__ runs here: it cannot take a tracer, and the message
    # says what to write instead
    with pytest.raises(TracerConversionError, match=r"asarray\(arr\)\[i\]"):
        fl.lax.fori_loop(0, 5, lambda i, c: c + ARR[i], 0.0)
    with pytest.raises(TracerConversionError, match="NumPy array indexed by a traced"):
        fl.jit(lambda i: ARR[i])(1)


def test_other_conversions_keep_the_plain_message():
    with pytest.raises(TracerConversionError) as e:
        fl.jit(lambda x: np.sin(np.asarray(x)))(1.0)
    assert "indexed by a traced" not in str(e.value)


def test_constants_stay_arrays_outside_jit_and_vmap():
    # no transform: creation gives an immutable Array; under grad/jvp alone
    # (concrete values) the transform's own plain ndarrays
    assert type(fnp.arange(3)) is fl.Array
    seen = []

    def f(x):
        c = fnp.arange(3.0)
        seen.append(type(c))
        return (x * c).sum()

    fl.grad(f)(np.ones(3))
    fl.jvp(f, (np.ones(3),), (np.ones(3),))
    assert seen == [np.ndarray, np.ndarray]


def test_constants_inside_jit_are_traced_once_as_constants():
    calls = []

    def f(i):
        c = fnp.arange(10.0)
        calls.append(isinstance(c, fl.core.trace.Tracer))
        return c[i] + c[i + 1]

    g = fl.jit(f)
    assert [float(g(k)) for k in (0, 3, 8)] == [1.0, 7.0, 17.0]
    assert calls == [True]  # traced once; the constant was a value of the trace
