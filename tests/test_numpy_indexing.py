"""x[...] on traced values, .at updates, and ndarray methods/operators on tracers."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.errors import TracerConversionError
from functorch_lite.test_util import check_grads

rng = np.random.default_rng(3)
X = rng.standard_normal((3, 4, 5))


def traced_value(f, *args):
    """f evaluated on tracers (through jvp), so tracer methods/operators run."""
    return fl.jvp(f, tuple(args), tuple(np.zeros_like(a) for a in args))[0]


INDEXES = [
    np.s_[1], np.s_[-1, 2], np.s_[::-1], np.s_[1::2, ::-2], np.s_[..., 0], np.s_[None, 1, :, None],
    np.s_[:, [0, 3, 3]], np.s_[[2, 0], :, [1, 4]], np.s_[[[0], [2]], [1, 2]],
    np.s_[0, :, [1, 1]], np.s_[X[:, 0, 0] > 0], np.s_[:, X[0, :, 0] > -5, 1:3],
    np.s_[2:0:-1, [True, False, True, True]], np.s_[-3:, ..., ::3], np.s_[[-1, -3]],
    # an empty ... between advanced indices separates them (result axes go first)
    np.s_[:, [3, 0], ..., [[1], [4]]], np.s_[1, ..., [0, 2], :], np.s_[:, [1, 2], None, [0, 4]],
]


@pytest.mark.parametrize("k", range(len(INDEXES)))
def test_getitem_operator_on_tracers(k):
    idx = INDEXES[k]
    np.testing.assert_array_equal(traced_value(lambda x: x[idx], X), X[idx])
    check_grads(lambda x: x[idx], (X,), order=2)


def test_repeated_indices_accumulate():
    g = fl.grad(lambda x: fnp.sum(x[np.array([0, 0, 2, 0])]))(np.arange(4.0))
    np.testing.assert_array_equal(g, [3.0, 0.0, 1.0, 0.0])
    g = fl.grad(lambda x: fnp.sum(fnp.take(x, [[1, 1], [1, 3]]) * 2.0))(np.arange(4.0))
    np.testing.assert_array_equal(g, [0.0, 6.0, 0.0, 2.0])


def test_traced_integer_indices():
    x = np.arange(10.0) ** 2
    idx = np.array([[3, 1], [0, 9]])
    # a NumPy array cannot be indexed by a tracer (NumPy would convert it):
    # use fnp.take, fnp.at(x)[i].get(), or index a traced value
    f = lambda x, i: fnp.at(x)[i].get() * 2.0
    out = fl.vmap(f, in_axes=(None, 0))(x, idx)
    np.testing.assert_array_equal(out, np.stack([x[i] * 2 for i in idx]))
    jaxpr = fl.make_jaxpr(f)(x, idx)
    assert "gather" in str(jaxpr)
    # a traced scalar index under vmap, negative indices wrap
    out = fl.vmap(lambda i: fnp.take(x, i))(np.array([-1, 2]))
    np.testing.assert_array_equal(out, [81.0, 4.0])
    # take's modes with traced indices
    out = fl.vmap(lambda i: fnp.take(x, i, mode="wrap"))(np.array([12, -1]))
    np.testing.assert_array_equal(out, [x[2], x[9]])
    out = fl.vmap(lambda i: fnp.take(x, i, mode="clip"))(np.array([12, -1]))
    np.testing.assert_array_equal(out, [x[9], x[0]])
    # gradient w.r.t. x with a traced index
    g = fl.vmap(fl.grad(lambda x, i: fnp.sum(fnp.at(x)[i].get())), in_axes=(None, 0))(x, idx)
    assert g.shape == (2, 10) and g[0, 3] == 1.0 and g[1, 9] == 1.0


def test_boolean_mask_needs_concrete_values():
    x = np.array([1.0, -2.0, 3.0])
    # concrete under grad: fine
    g = fl.grad(lambda x: fnp.sum(x[x > 0] ** 2))(x)
    np.testing.assert_array_equal(g, [2.0, 0.0, 6.0])
    with pytest.raises(TracerConversionError, match="boolean-mask indexing.*fnp.where"):
        fl.make_jaxpr(lambda x: x[x > 0])(x)
    with pytest.raises(TracerConversionError):
        fl.vmap(lambda x: x[x > 0])(np.ones((2, 3)))


def test_at_updates_on_tracers_both_args():
    x = rng.standard_normal((3, 4))
    v = rng.standard_normal(3)
    for op in ["set", "add", "multiply", "min", "max"]:
        f = lambda x, v, op=op: getattr(x.at[:, 1], op)(v)  # tracer .at property
        check_grads(lambda x, v, op=op: getattr(fnp.at(x)[:, 1], op)(v), (x, v), order=2)
        y = traced_value(f, x, v)
        ref = x.copy()
        ref[:, 1] = {"set": v, "add": x[:, 1] + v, "multiply": x[:, 1] * v,
                     "min": np.minimum(x[:, 1], v), "max": np.maximum(x[:, 1], v)}[op]
        np.testing.assert_allclose(y, ref)
    # set: the last of repeated writes wins, and only it gets the gradient
    y = fnp.at(np.zeros(3))[[1, 1, 1]].set(np.array([5.0, 6.0, 7.0]))
    np.testing.assert_array_equal(y, [0.0, 7.0, 0.0])
    gv = fl.grad(lambda v: fnp.sum(fnp.at(np.zeros(3))[[1, 1, 1]].set(v) * 2.0))(np.ones(3))
    np.testing.assert_array_equal(gv, [0.0, 0.0, 2.0])
    # fnp.at on a plain array, get(), subtract/divide, and a traced index under vmap
    np.testing.assert_array_equal(fnp.at(np.arange(4.0))[1:3].get(), [1.0, 2.0])
    np.testing.assert_array_equal(fnp.at(np.ones(3))[0].subtract(2.0), [-1.0, 1.0, 1.0])
    out = fl.vmap(lambda i: fnp.at(np.zeros(4))[i].add(1.0))(np.array([0, 3]))
    np.testing.assert_array_equal(out, [[1, 0, 0, 0], [0, 0, 0, 1]])
    assert "scatter_add" in str(fl.make_jaxpr(lambda x, v: x.at[0].set(v))(x, 1.0))


def test_setitem_on_tracer_is_an_error():
    def f(x):
        x[0] = 1.0
        return x
    with pytest.raises(TypeError, match=r"\.at\[idx\]\.set"):
        fl.grad(lambda x: f(x).sum())(np.ones(3))


METHODS = [
    lambda x: x.T, lambda x: x.sum(axis=0), lambda x: x.reshape(-1, 2), lambda x: x.reshape(2, 6),
    lambda x: x @ x.T, lambda x: x ** 2, lambda x: -x, lambda x: x[1], lambda x: x.prod(),
    lambda x: x.argmax(), lambda x: x.argmin(axis=1), lambda x: x.var(axis=1), lambda x: x.std(),
    lambda x: x.mean(axis=(0, 1), keepdims=True), lambda x: x.max(axis=0), lambda x: x.min(),
    lambda x: x.cumsum(axis=1), lambda x: x.cumprod(), lambda x: x.ravel(), lambda x: x.flatten(),
    lambda x: x.transpose(1, 0), lambda x: x.transpose(), lambda x: x.swapaxes(0, 1),
    lambda x: x.astype(np.float32), lambda x: x.clip(-0.5, 0.5), lambda x: x.round(1),
    lambda x: x.take([0, 5]), lambda x: x.repeat(2, axis=0), lambda x: x.squeeze(),
    lambda x: x.dot(x.T), lambda x: (x > 0).all(axis=0), lambda x: (x > 0).any(),
    lambda x: abs(x), lambda x: 2.0 - x, lambda x: 1.0 / (x + 3.0), lambda x: x // 0.3,
    lambda x: x % 0.7, lambda x: 2.0 ** x, lambda x: (x > 0) & (x < 1), lambda x: ~(x > 0),
    lambda x: (x > 0) | (x < -1), lambda x: x.mT, lambda x: x.shape, lambda x: x.ndim,
    lambda x: x.size, lambda x: x.dtype, lambda x: len(x), lambda x: x[::-1, 1:] @ x[0, 1:],
]


@pytest.mark.parametrize("k", range(len(METHODS)))
def test_tracer_methods_match_ndarray(k):
    x = rng.standard_normal((3, 4))
    f = METHODS[k]
    want = f(x)
    if isinstance(want, (tuple, int, np.dtype)):
        seen = []
        fl.grad(lambda x: (seen.append(f(x)), x.sum())[1])(x)
        assert seen[0] == want
        return
    got = traced_value(lambda x: f(x), x)
    assert got.dtype == np.asarray(want).dtype
    np.testing.assert_allclose(got, want, rtol=1e-12)


def _random_index(rng, shape):
    def entry(d):
        k = rng.integers(0, 7)
        if k == 0:
            return int(rng.integers(-d, d))
        if k == 1:
            a, b = rng.integers(-d - 2, d + 2, 2)
            return slice(int(a) if rng.random() < .7 else None,
                         int(b) if rng.random() < .7 else None,
                         int(rng.choice([-3, -2, -1, 1, 2, 3])))
        if k == 2:
            return slice(None)
        if k == 3:
            return rng.integers(-d, d, size=tuple(rng.integers(1, 3, rng.integers(0, 3))))
        if k == 4:
            return rng.random(d) > 0.5
        if k == 5:
            return None
        return [int(i) for i in rng.integers(-d, d, 2)]
    idx, dim = [], 0
    while dim < len(shape) and rng.random() < 0.8:
        e = entry(shape[dim])
        idx.append(e)
        dim += e is not None
    if rng.random() < 0.3:
        idx.insert(int(rng.integers(0, len(idx) + 1)), Ellipsis)
    return tuple(idx)


def test_random_indices_match_numpy_values_and_gradients():
    """Random mixes of ints, slices (any step), None, ..., integer and boolean
    arrays: value and error agree with NumPy; the gradient counts how often
    each element was read."""
    from functorch_lite.numpy._indexing import getitem
    r = np.random.default_rng(11)
    for _ in range(400):
        shape = tuple(int(s) for s in r.integers(1, 5, r.integers(1, 4)))
        x = r.standard_normal(shape)
        idx = _random_index(r, shape)
        try:
            want = x[idx]
        except IndexError:
            with pytest.raises(IndexError):
                getitem(x, idx)
            continue
        got = getitem(x, idx)
        assert np.shape(got) == want.shape and np.array_equal(got, want), (shape, idx)
        w = r.standard_normal(want.shape)
        g = fl.grad(lambda x: fnp.sum(x[idx] * w))(x)
        ref = np.zeros(x.size)
        pos = np.arange(x.size).reshape(shape)[idx]
        np.add.at(ref, pos.ravel(), np.broadcast_to(w, pos.shape).ravel())
        np.testing.assert_allclose(g, ref.reshape(shape), err_msg=str((shape, idx)))
