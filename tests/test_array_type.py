"""fl.Array: the immutable array type of functional results (issue 19, item 1).

JAX is the oracle where installed; the expected values are also stored here so
the checks run without it."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite import lax

from _device import device  # noqa: F401  (fixture)


def test_augmented_assignment_rebinds_and_leaves_the_alias_unchanged():
    a = fnp.array([10, 20])
    b = a
    b += 10
    assert a.tolist() == [10, 20]          # JAX: a is unchanged (main: [20, 30])
    assert b.tolist() == [20, 30]
    assert isinstance(b, fl.Array) and b is not a
    for op in ("-=", "*=", "/=", "//=", "%=", "**=", "@=", "&=", "|=", "^=", "<<=", ">>="):
        x = fnp.array([4, 6]) if op not in ("/=", "@=") else fnp.array([4.0, 6.0])
        y = x
        exec(f"y {op} {'x' if op == '@=' else '2'}", {}, {"x": x, "y": y})
        assert x.tolist() == ([4, 6] if op not in ("/=", "@=") else [4.0, 6.0]), op


def test_item_assignment_raises_jax_type_error_naming_at():
    x = fnp.array([1, 2, 3])
    with pytest.raises(TypeError, match=r"immutable.*x = x\.at\[0\]\.set\(10\)"):
        x[0] = 10
    with pytest.raises(TypeError, match=r"x\.at\[:, 1\]\.set\(2\.5\)"):
        fnp.zeros((2, 2))[:, 1] = 2.5
    with pytest.raises(TypeError, match=r"x\.at\[idx\]\.set\(y\)"):
        x[fnp.array([0])] = fnp.array([5])
    assert x.tolist() == [1, 2, 3]


def test_in_place_numpy_paths_are_refused():
    x = fnp.arange(4.0)
    for f in (lambda: x.fill(0.0), lambda: x.put([0], [1.0]), lambda: x.resize(2),
              lambda: x.partition(1), lambda: x.byteswap(inplace=True),
              lambda: np.add(x, 1.0, out=x), lambda: x.setflags(write=True)):
        with pytest.raises(TypeError, match="immutable"):
            f()
    assert x.tolist() == [0.0, 1.0, 2.0, 3.0]
    assert x.sort().tolist() == [0.0, 1.0, 2.0, 3.0]   # JAX's functional sort


def test_function_with_plus_equals_same_eagerly_and_under_jit():
    def f(x):
        x += 1
        x *= 2
        return x

    x = fnp.zeros(3)
    eager = f(x)
    jitted = fl.jit(f)(x)
    assert x.tolist() == [0.0, 0.0, 0.0]      # main: the eager call changed x
    np.testing.assert_array_equal(eager, [2.0, 2.0, 2.0])
    np.testing.assert_array_equal(jitted, eager)
    assert type(eager) is type(jitted) is fl.Array


def test_results_of_every_public_path_are_arrays():
    x = fnp.linspace(0.0, 1.0, 4)
    assert type(x) is fl.Array
    outs = [fnp.sin(x), x + 1.0, 2.0 * x, x @ x, fnp.sum(x), x.sum(), x.reshape(2, 2),
            x[1:], fnp.zeros(3), fnp.arange(3), fl.grad(lambda v: fnp.sum(v ** 2))(x),
            fl.jit(fnp.cos)(x), fl.vmap(fnp.tanh)(x), fl.jvp(fnp.sin, (x,), (x,))[1],
            fl.vjp(fnp.sin, x)[1](x)[0], fl.value_and_grad(lambda v: v @ v)(x)[0],
            lax.fori_loop(0, 3, lambda i, c: c + 1.0, x),
            lax.cond(True, lambda v: v * 2.0, lambda v: v, x),
            fl.random.normal(fl.random.key(0), (2,)), fl.jacrev(fnp.sin)(x),
            fl.grad(fl.grad(lambda v: fnp.sin(v)))(1.0)]
    for i, o in enumerate(outs):
        assert type(o) is fl.Array, (i, type(o))


def test_isinstance_and_typeof():
    x = fnp.ones((2, 3), dtype=np.float32)
    assert isinstance(x, fl.Array)
    assert isinstance(np.ones(2), fl.Array) and isinstance(np.float64(1.0), fl.Array)
    assert not isinstance([1.0], fl.Array)
    seen = []
    fl.jit(lambda v: seen.append(isinstance(v, fl.Array)) or v)(x)
    fl.grad(lambda v: seen.append(isinstance(v, fl.Array)) or fnp.sum(v))(x)
    assert seen == [True, True]
    t = fl.typeof(x)
    assert (t.shape, t.dtype) == ((2, 3), np.float32)
    with pytest.raises(TypeError, match="not constructed directly"):
        fl.Array((2,))


def test_jax_methods():
    x = fnp.array([1.0, 2.0])
    assert x.block_until_ready() is x
    assert x.devices() == {fl.devices()[0]} and x.device == fl.devices()[0]
    assert x.__array_namespace__() is fnp
    assert fl.block_until_ready({"a": x})["a"] is x


def test_numpy_reads_it_without_a_copy():
    x = fnp.arange(5.0) * 2.0
    a = np.asarray(x)
    assert type(a) is np.ndarray and np.shares_memory(a, x)
    assert np.shares_memory(np.from_dlpack(x), x)
    assert np.shares_memory(x.__array__(), x)
    s = np.sin(x)                                   # as np.sin(jax_array): an ndarray
    assert type(s) is np.ndarray
    np.testing.assert_allclose(s, np.sin(np.arange(5.0) * 2.0))
    assert type(np.concatenate([x, x])) is np.ndarray
    assert np.mean(x) == 4.0 and float(np.linalg.norm(x)) == pytest.approx(np.sqrt(120.0))


@pytest.mark.parametrize("case", [
    # (index, method, args, kwargs, expected) - JAX's values (int64 here: NumPy's default)
    (5, "get", (), {"mode": "clip"}, 3),
    (5, "get", (), {"mode": "fill", "fill_value": -1}, -1),
    (5, "set", (9,), {"mode": "clip"}, [1, 2, 9]),
    (-5, "set", (9,), {"mode": "clip"}, [9, 2, 3]),
    (-5, "set", (9,), {"mode": "drop"}, [1, 2, 3]),
    (-1, "set", (9,), {"mode": "drop"}, [1, 2, 9]),
    (5, "add", (9,), {"mode": "fill"}, [1, 2, 3]),
    ([0, 5, -1], "add", (10,), {"mode": "drop"}, [11, 2, 13]),
    ([0, 0, 2], "add", (1,), {}, [3, 2, 4]),
    ([0, 2], "multiply", (3,), {"mode": "promise_in_bounds"}, [3, 2, 9]),
    (1, "min", (0,), {}, [1, 0, 3]),
    (1, "max", (7,), {"mode": "clip"}, [1, 7, 3]),
])
def test_at_modes_match_jax(case):
    idx, method, args, kwargs, expected = case
    x = fnp.array([1, 2, 3])
    out = getattr(x.at[idx], method)(*args, **kwargs)
    assert np.asarray(out).tolist() == expected
    jitted = fl.jit(lambda v, i: getattr(v.at[i], method)(*args, **kwargs))(
        x, fnp.asarray(idx))
    assert np.asarray(jitted).tolist() == expected
    jax = pytest.importorskip("jax")
    jx = jax.numpy.array([1, 2, 3])
    ref = getattr(jx.at[jax.numpy.asarray(idx)], method)(*args, **kwargs)
    assert np.asarray(ref).tolist() == expected


def test_at_fill_defaults_and_errors():
    f = fnp.array([1.0, 2.0])
    assert np.isnan(f.at[5].get(mode="fill"))
    assert int(fnp.array([1, 2], dtype=np.int32).at[5].get(mode="fill")) == -2 ** 31
    np.testing.assert_array_equal(fnp.arange(12.0).reshape(3, 4).at[:, [1, 9]].set(
        -1.0, mode="drop")[:, :3], [[0.0, -1.0, 2.0], [4.0, -1.0, 6.0], [8.0, -1.0, 10.0]])
    with pytest.raises(ValueError, match="mode='wrap' is not one of"):
        f.at[0].set(1.0, mode="wrap")
    with pytest.raises(ValueError, match="fill_value=0.0 needs mode='fill'"):
        f.at[0].get(fill_value=0.0)
    with pytest.raises(IndexError):
        f.at[5].set(1.0)                    # no mode: NumPy's bounds check (JAX drops)


def test_at_gradient_through_fill():
    y = fnp.arange(12.0).reshape(3, 4)
    g = fl.grad(lambda v: v.at[fnp.array([0, 7]), 1].get(mode="fill", fill_value=0.0).sum())(y)
    expected = np.zeros((3, 4))
    expected[0, 1] = 1.0
    np.testing.assert_array_equal(g, expected)


def test_array_indexed_by_a_traced_integer():
    arr = fnp.arange(10) * 3          # an Array made outside the transform
    assert int(fl.jit(lambda i: arr[i])(4)) == 12
    assert float(lax.fori_loop(0, 4, lambda i, c: c + arr[i], 0.0)) == 18.0


def test_facade_tensors_stay_mutable_and_own_their_memory():
    torch = fl
    a = fnp.array([1.0, 2.0])
    for make in (torch.tensor, torch.as_tensor, torch.from_numpy, torch.Tensor):
        t = make(a)
        t[0] = 5.0
        assert t.tolist()[0] == 5.0 and a.tolist() == [1.0, 2.0], make
        assert type(t._v) is np.ndarray
    t = torch.ones(2)
    u = t + a
    assert type(u._v) is np.ndarray
    u += 1.0                                   # PyTorch's in-place add on a Tensor
    assert u.tolist() == [3.0, 4.0]


def test_library_intermediates_are_plain():
    """Backward passes and jit plans compute on plain ndarrays: only what leaves
    to user code is wrapped."""
    from functorch_lite.core import trace
    seen = []
    real = trace.bind

    def spy(prim, *args, **params):
        out = real(prim, *args, **params)
        seen.append(type(out))
        return out
    x = fnp.linspace(0.1, 1.0, 5)
    fl.core.primitive.Primitive.bind = spy
    try:
        g = fl.grad(lambda v: fnp.sum(fnp.tanh(fnp.sin(v) * 2.0)))(x)
    finally:
        fl.core.primitive.Primitive.bind = real
    assert type(g) is fl.Array
    assert seen and fl.Array not in seen


def test_functions_returning_their_input_hand_out_the_array():
    """A no-op reshape/astype/transpose returns the input itself: it must be the
    immutable Array, never a mutable view of its memory."""
    import functorch_lite.flatten_util as fu
    x = fnp.linspace(0.1, 1.0, 3)
    outs = [fnp.ravel(x), fnp.reshape(x, (3,)), fnp.asarray(x), fnp.squeeze(x),
            fnp.astype(x, x.dtype, copy=False), fnp.transpose(x), fnp.broadcast_to(x, (3,)),
            fnp.real(x), fnp.atleast_1d(x), fnp.concatenate([x]), fnp.moveaxis(x, 0, 0),
            fu.ravel_pytree({"a": x})[0], fl.linearize(fnp.sin, x)[0],
            fl.linearize(fnp.sin, x)[1](x), fl.random.key(0), fl.random.PRNGKey(3)]
    for i, o in enumerate(outs):
        assert type(o) is fl.Array, (i, type(o))
        with pytest.raises(TypeError, match="immutable"):
            o[0] = 0
    assert x.tolist()[0] == pytest.approx(0.1)


def test_device_backend_results_are_not_wrapped(device):
    """Only NumPy's arrays become Arrays; a device backend's stay its own."""
    x = device.put(np.linspace(0.1, 1.0, 4))
    for y in (fnp.sin(x), x * 2.0, fl.grad(lambda v: fnp.sum(v ** 2))(x),
              fl.jit(fnp.cos)(x), fnp.zeros_like(x)):
        assert device.is_dev(y) and type(y) is not fl.Array
    np.testing.assert_allclose(device.host(fl.jit(fnp.cos)(x)), np.cos(np.linspace(0.1, 1.0, 4)))
