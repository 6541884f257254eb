"""Bad input gives clear errors naming the function and the offending shape or
value; NaN-safe gradients through where(); abs has gradient 0 at 0."""
import warnings

import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp

A23, A3, A4 = np.ones((2, 3)), np.ones(3), np.ones(4)
OBJ = np.array([object(), object()])

ERRORS = [
    # (call, exception, regex the message must match)
    (lambda: fnp.add(A23, A4), ValueError, r"add: .*\(2, 3\) and \(4,\)"),
    (lambda: fnp.multiply(A23, np.ones((3, 2))), ValueError, r"multiply: .*\(2, 3\)"),
    (lambda: fnp.where(A23 > 0, A23, A4), ValueError, r"where: .*\(2, 3\).*\(4,\)"),
    (lambda: fnp.matmul(A23, A4), ValueError, r"matmul: .*\(2, 3\).*\(4,\)"),
    (lambda: fnp.dot(A23, A4), ValueError, r"dot: .*\(2, 3\).*\(4,\)"),
    (lambda: fnp.reshape(A23, (4, 2)), ValueError, r"reshape: .*size 6.*\(2, 3\)"),
    (lambda: fnp.reshape(A23, (-1, 4)), ValueError, r"reshape: .*\(2, 3\)"),
    (lambda: fnp.broadcast_to(A23, (3, 3)), ValueError, r"broadcast_to: .*\(2, 3\)"),
    (lambda: fnp.concatenate([A23, A4]), ValueError, r"concatenate: .*\(2, 3\), \(4,\)"),
    (lambda: fnp.stack([A23, A3]), ValueError, r"stack: .*same shape"),
    (lambda: fnp.split(A4, 3), ValueError, r"split: .*equal division"),
    (lambda: fnp.squeeze(A23, 0), ValueError, r"squeeze: .*axis 0 of shape \(2, 3\)"),
    (lambda: fnp.sum(A23, axis=2), ValueError, r"sum: axis 2 .* dimension 2"),
    (lambda: fnp.mean(A23, axis=-3), ValueError, r"mean: axis -3 .* dimension 2"),
    (lambda: fnp.max(A23, axis=(0, 0)), ValueError, r"max: repeated axis"),
    (lambda: fnp.argmax(A23, axis=5), ValueError, r"argmax: axis 5"),
    (lambda: fnp.argmin(A23, axis=5), ValueError, r"argmin: axis 5"),
    (lambda: fnp.cumsum(A23, axis=2), ValueError, r"cumsum: axis 2"),
    (lambda: fnp.transpose(A23, (0, 0)), ValueError, r"transpose: .*\(2, 3\)"),
    (lambda: fnp.swapaxes(A23, 0, 3), ValueError, r"swapaxes: axis 3"),
    (lambda: fnp.moveaxis(A23, 2, 0), ValueError, r"moveaxis: axis 2"),
    (lambda: fnp.expand_dims(A23, 4), ValueError, r"expand_dims: axis 4"),
    (lambda: fnp.flip(A23, 2), ValueError, r"flip: axis 2"),
    (lambda: fnp.roll(A23, 1, axis=2), ValueError, r"roll: axis 2"),
    (lambda: fnp.take(A23, 7), IndexError, r"take: index 7 .* size 6"),
    (lambda: fnp.take(A23, [0, -4], axis=1), IndexError, r"take: index -4 .*axis 1 .*size 3"),
    (lambda: fnp.take_along_axis(A23, np.zeros(2, int), 1), ValueError,
     r"take_along_axis: .*\(2,\).*\(2, 3\)"),
    (lambda: fnp.pad(A23, -1), ValueError, r"pad: .*negative"),
    (lambda: fnp.pad(A23, ((1, 1), (1, 1), (1, 1))), ValueError, r"pad: .*\(2, 3\)"),
    (lambda: fnp.repeat(A23, [1, 2], axis=1), ValueError, r"repeat: .*\(2,\).*\(2, 3\)"),
    (lambda: fnp.diag(np.ones((2, 2, 2))), ValueError, r"diag: .*\(2, 2, 2\)"),
    (lambda: fnp.tril(A3), ValueError, r"tril: .*\(3,\)"),
    (lambda: fnp.max(np.ones((0, 2)), axis=0), ValueError, r"max: zero-size .*\(0, 2\)"),
    (lambda: fnp.exp(np.array(["a", "b"])), TypeError, r"exp: unsupported dtype <U1"),
    (lambda: fnp.add(np.array([b"x"]), A3), TypeError, r"add: unsupported dtype \|S1"),
    (lambda: fnp.sum(OBJ), TypeError, r"sum: unsupported dtype object .*\(2,\)"),
    (lambda: fnp.sin(["a"]), TypeError, r"sin: unsupported dtype <U1"),
    (lambda: fnp.asarray(OBJ), TypeError, r"asarray: unsupported dtype object"),
    (lambda: fnp.sqrt("abc"), TypeError, r"sqrt: cannot use a str as an array"),
    (lambda: fnp.power(np.arange(3), -1), ValueError, r"power: .*negative integer powers"),
    (lambda: fnp.at(A23)[2, 0].set(1.0), IndexError, r"at\[...\]: .*index 2.*\(2, 3\)"),
    (lambda: fnp.at(A23)[:, 0].set(np.ones(3)), ValueError, r"at\[...\].set: .*\(3,\).*\(2,\)"),
]

TRACED_INDEX_ERRORS = [
    (lambda x: x[3], IndexError, r"index 3 is out of bounds for axis 0 with size 2"),
    (lambda x: x[:, [0, 5]], IndexError, r"index 5 is out of bounds for axis 1 with size 3"),
    (lambda x: x[0, 0, 0], IndexError, r"too many indices .*\(2, 3\)"),
    (lambda x: x[..., ...], IndexError, r"single ellipsis"),
    (lambda x: x[np.array([True, False, True])], IndexError,
     r"boolean index did not match .*axis 0.*size of axis is 2"),
    (lambda x: x[np.array([0.5])], IndexError, r"only integers.*float64"),
    (lambda x: x[[0, 1], [[0, 1, 2]]], IndexError, r"shape mismatch"),
]


@pytest.mark.parametrize("k", range(len(ERRORS)))
def test_bad_input_errors(k):
    call, exc, pattern = ERRORS[k]
    with pytest.raises(exc, match=pattern):
        call()


@pytest.mark.parametrize("k", range(len(TRACED_INDEX_ERRORS)))
def test_traced_indexing_errors(k):
    f, exc, pattern = TRACED_INDEX_ERRORS[k]
    with pytest.raises(exc, match=pattern):
        fl.make_jaxpr(f)(A23)


def test_errors_under_tracing_name_the_function():
    with pytest.raises(ValueError, match=r"add: .*\(2, 3\) and \(4,\)"):
        fl.grad(lambda x: fnp.sum(fnp.add(x, A4)))(A23)
    with pytest.raises(ValueError, match=r"sum: axis 3"):
        fl.make_jaxpr(lambda x: x.sum(axis=3))(A23)
    with pytest.raises(TypeError, match="immutable"):
        fl.make_jaxpr(lambda x: x.sum(out=x))(A23)


# ------------------------------------------------------------------ NaN safety

NAN_SAFE = [
    ("sqrt", lambda x: fnp.where(x > 0, fnp.sqrt(x), 0.0), -1.0),
    ("sqrt at 0", lambda x: fnp.where(x > 0, fnp.sqrt(x), 0.0), 0.0),
    ("log", lambda x: fnp.where(x > 0, fnp.log(x), 0.0), 0.0),
    ("log negative", lambda x: fnp.where(x > 0, fnp.log(x), 0.0), -2.0),
    ("division", lambda x: fnp.where(x != 0, 1.0 / x, 0.0), 0.0),
    ("division x/x", lambda x: fnp.where(x != 0, x / x, 1.0), 0.0),
    ("arcsin", lambda x: fnp.where(fnp.abs(x) < 1, fnp.arcsin(x), 0.0), 1.0),
    ("arcsin outside", lambda x: fnp.where(fnp.abs(x) < 1, fnp.arcsin(x), 0.0), 2.0),
    ("arccos", lambda x: fnp.where(fnp.abs(x) < 1, fnp.arccos(x), 0.0), -1.0),
    ("x ** 0.5", lambda x: fnp.where(x > 0, x ** 0.5, 0.0), -1.0),
    ("power(x, 0.5)", lambda x: fnp.where(x > 0, fnp.power(x, 0.5), 0.0), 0.0),
    ("x ** -1", lambda x: fnp.where(x != 0, x ** -1, 0.0), 0.0),
    ("log1p", lambda x: fnp.where(x > -1, fnp.log1p(x), 0.0), -1.0),
    ("arctan2", lambda x: fnp.where(x != 0, fnp.arctan2(x, x), 0.0), 0.0),
    ("sin(sqrt)", lambda x: fnp.where(x > 0, fnp.sin(fnp.sqrt(x)), 0.0), -1.0),
    ("x*sqrt", lambda x: fnp.where(x > 0, x * fnp.sqrt(x), 0.0), -1.0),
    ("exp(log)", lambda x: fnp.where(x > 0, fnp.exp(fnp.log(x)), 0.0), -1.0),
    ("sqrt**2", lambda x: fnp.where(x > 0, fnp.sqrt(x) ** 2, 0.0), -1.0),
]


@pytest.mark.parametrize("name,f,x", NAN_SAFE, ids=[n for n, _, _ in NAN_SAFE])
def test_where_gradients_are_nan_safe(name, f, x):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        assert fl.grad(f)(x) == 0.0
        # float32 and under vmap too (the selected lane keeps its gradient)
        assert fl.grad(f)(np.float32(x)) == 0.0
        g = fl.vmap(fl.grad(f))(np.array([x, 0.5]))
        assert g[0] == 0.0 and np.isfinite(g[1])


def test_where_second_order_direct_rules():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        for _, f, x in NAN_SAFE[:14]:
            assert fl.grad(fl.grad(f))(x) == 0.0


def test_abs_and_sign_gradient_at_zero():
    assert fl.grad(fnp.abs)(0.0) == 0.0
    assert fl.grad(lambda x: abs(x))(0.0) == 0.0
    np.testing.assert_array_equal(fl.grad(lambda x: fnp.sum(fnp.abs(x)))(np.zeros(3)), 0.0)
    assert fl.grad(fnp.sign)(0.0) == 0.0


def test_nan_still_propagates_where_it_should():
    # a genuinely NaN gradient (selected branch) is not hidden
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        g = fl.grad(lambda x: fnp.where(x < 0, fnp.sqrt(x), 0.0))(-1.0)
    assert np.isnan(g)
