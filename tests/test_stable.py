"""logsumexp, softmax, log_softmax, sigmoid, softplus: exact in float64 (1e-12
relative, against extended-precision references), finite gradients at +-1e4
and on all -inf rows, order-2 derivatives, float32."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.test_util import check_grads

LD = np.longdouble
rng = np.random.default_rng(3)
XS = np.array([-1e4, -800, -100, -40, -37, -36, -30, -20, -5, -1, -1e-10, 0, 1e-10, 1e-3,
               1, 5, 20, 30, 36, 40, 100, 800, 1e4])
ROWS = np.array([[0, -30, -40, -50, -60.], [0, 0, -1, -2, -3], [1e4, -1e4, 0, 5, 1e4 - 40],
                 [-37, -36, -800, -1, -1e-10], [-1e4, -1e4 + 1e-8, -1e4 - 50, -1e4, -1e4],
                 [5, -40, -39, -38, -36.]])
ROWS = np.concatenate([ROWS, rng.standard_normal((4, 5)) * 30])


def rel_err(got, want):
    """Relative error against a long double reference rounded to float64 (values
    that underflow float64 compare as 0)."""
    got, want = np.asarray(got, LD), np.asarray(np.asarray(want, LD).astype(np.float64), LD)
    scale = np.where(want == 0, 1, np.abs(want))
    return float(np.max(np.abs(got - want) / scale))


def ref_lse(x, axis, parts=False):
    """log(sum(exp(x))) in long double as m + log1p(r), with r = sum - 1 formed
    without rounding (so results near 0 are accurate as well)."""
    x = np.asarray(x, LD)
    m = np.max(x, axis=axis, keepdims=True)
    top = x == m
    r = np.sum(np.where(top, 0, np.exp(x - m)), axis=axis, keepdims=True) + \
        (np.sum(top, axis=axis, keepdims=True) - 1)
    return (m, np.log1p(r)) if parts else np.log1p(r) + m


def test_sigmoid_softplus_exact():
    x = XS.astype(LD)
    sig = 1 / (1 + np.exp(-x))
    assert rel_err(fnp.sigmoid(XS), sig) < 1e-12
    sp = np.where(x > 0, x + np.log1p(np.exp(-x)), np.log1p(np.exp(x)))
    assert rel_err(fnp.softplus(XS), sp) < 1e-12
    # derivatives, also exact: sigmoid' = s (1 - s) (as exp(-|x|)/(1+exp(-|x|))^2), softplus' = s
    e = np.exp(-np.abs(x))
    assert rel_err(fl.vmap(fl.grad(fnp.softplus))(XS), sig) < 1e-12
    assert rel_err(fl.vmap(fl.grad(fnp.sigmoid))(XS), e / (1 + e) ** 2) < 1e-12


@pytest.mark.parametrize("axis", [1, -1, (1,), None])
def test_logsumexp_softmax_exact(axis):
    want = ref_lse(ROWS, axis)
    got = fnp.logsumexp(ROWS, axis=axis, keepdims=True)
    assert got.shape == want.shape
    assert rel_err(got, want) < 1e-12
    assert rel_err(fnp.logsumexp(ROWS, axis=axis), np.squeeze(want, axis=axis) if axis
                   is not None else want.reshape(())) < 1e-12
    if axis is None:
        return
    m, log_s = ref_lse(ROWS, axis, parts=True)
    lsm = (np.asarray(ROWS, LD) - m) - log_s
    assert rel_err(fnp.log_softmax(ROWS, axis=axis), lsm) < 1e-12
    sm = np.exp(lsm)
    keep = sm > 1e-300           # the rest underflows in float64
    assert rel_err(np.asarray(fnp.softmax(ROWS, axis=axis))[keep], sm[keep]) < 1e-12
    g = fl.grad(lambda x: fnp.sum(fnp.logsumexp(x, axis=axis)))(ROWS)
    assert rel_err(g[keep], sm[keep]) < 1e-12


def test_matches_numpy_conventions_on_shapes():
    x = rng.standard_normal((2, 3, 4))
    for axis in [None, 0, 1, -1, (0, 2)]:
        for kd in (False, True):
            want = np.log(np.sum(np.exp(x), axis=axis, keepdims=kd))
            np.testing.assert_allclose(fnp.logsumexp(x, axis=axis, keepdims=kd), want,
                                       rtol=1e-13)
    sm = fnp.softmax(x, axis=(0, 2))
    np.testing.assert_allclose(np.sum(sm, axis=(0, 2)), np.ones(3))
    assert fnp.softmax(2.0) == 1.0 and fnp.log_softmax(2.0) == 0.0
    assert fnp.logsumexp(np.array(3.0)) == 3.0


INF = np.inf
EDGE = np.array([[-INF, -INF, -INF], [1e4, -1e4, 0], [-1e4, -1e4, -1e4], [-INF, 0, 1],
                 [0, 0, 0]])


@pytest.mark.parametrize("name", ["logsumexp", "softmax", "log_softmax"])
def test_edge_rows_values_and_finite_gradients(name):
    f = {"logsumexp": lambda x: fnp.logsumexp(x, axis=1),
         "softmax": lambda x: fnp.softmax(x, axis=1),
         "log_softmax": lambda x: fnp.log_softmax(x, axis=1)}[name]
    with np.errstate(all="ignore"):
        out = np.asarray(f(EDGE))
        # values as JAX/PyTorch: logsumexp -inf, softmax / log_softmax NaN on an all -inf row
        if name == "logsumexp":
            assert out[0] == -INF
            np.testing.assert_allclose(out[1:], [1e4, -1e4 + np.log(3), 1 + np.log1p(np.exp(-1)),
                                                 np.log(3)])
        else:
            assert np.all(np.isnan(out[0])) and np.all(np.isfinite(out[1:2]))
    ct = np.ones_like(out)
    (g,) = fl.vjp(f, EDGE)[1](ct)
    assert np.all(np.isfinite(g))
    np.testing.assert_array_equal(g[0], 0.0)
    t = fl.jvp(f, (EDGE,), (np.ones_like(EDGE),))[1]
    assert np.all(np.isfinite(np.asarray(t)[1:]))
    h = fl.hessian(lambda x: fnp.sum(f(x)[1:] ** 2))(EDGE[1:3])
    assert np.all(np.isfinite(h))


@pytest.mark.parametrize("f", [fnp.sigmoid, fnp.softplus])
def test_finite_gradients_at_large_inputs(f):
    x = np.array([-1e4, 1e4, -800.0, 800.0])
    g = fl.vmap(fl.grad(f))(x)
    h = fl.vmap(fl.grad(fl.grad(f)))(x)
    assert np.all(np.isfinite(g)) and np.all(np.isfinite(h))
    np.testing.assert_allclose(g, [0, 1, 0, 1] if f is fnp.softplus else [0, 0, 0, 0],
                               atol=1e-300)


FUNS = [("sigmoid", fnp.sigmoid), ("softplus", fnp.softplus),
        ("logsumexp", lambda x: fnp.logsumexp(x, axis=-1)),
        ("logsumexp_all", fnp.logsumexp), ("softmax", fnp.softmax),
        ("softmax0", lambda x: fnp.softmax(x, axis=0)), ("log_softmax", fnp.log_softmax)]


@pytest.mark.parametrize("name,f", FUNS, ids=[n for n, _ in FUNS])
@pytest.mark.parametrize("x", [rng.standard_normal((3, 4)) * 3, np.zeros((2, 3))],
                         ids=["random", "zeros_ties"])
def test_grads_order2(name, f, x):
    check_grads(f, (x,), order=2)


@pytest.mark.parametrize("name,f", FUNS, ids=[n for n, _ in FUNS])
def test_float32_and_batching(name, f):
    x = rng.standard_normal((3, 4)).astype(np.float32)
    assert f(x).dtype == np.float32
    g = fl.grad(lambda v: fnp.sum(f(v)))(x)
    assert g.dtype == np.float32
    assert "f64" not in str(fl.make_jaxpr(fl.grad(lambda v: fnp.sum(f(v))))(x))
    xb = rng.standard_normal((2, 3, 4))
    np.testing.assert_allclose(fl.vmap(f)(xb), np.stack([f(xb[i]) for i in range(2)]))


def test_int_input_and_bad_axis():
    assert fnp.sigmoid(np.array([0, 1])).dtype == np.float64
    np.testing.assert_allclose(fnp.logsumexp(np.array([0, 0])), np.log(2))
    with pytest.raises(ValueError, match="softmax: axis 2 is out of bounds"):
        fnp.softmax(np.ones((2, 2)), axis=2)


def test_inf_and_nan_inputs():
    with np.errstate(all="ignore"):
        assert fnp.logsumexp(np.array([np.inf, 0.0])) == np.inf
        assert np.isnan(fnp.logsumexp(np.array([np.nan, 0.0])))
        np.testing.assert_array_equal(fnp.softplus(np.array([np.inf, -np.inf])), [np.inf, 0])
        np.testing.assert_array_equal(fnp.sigmoid(np.array([np.inf, -np.inf])), [1, 0])
        np.testing.assert_array_equal(fnp.softmax(np.array([-np.inf, 0.0])), [0, 1])
