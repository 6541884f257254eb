"""Regression tests for issue 13's wrong derivatives (logsumexp's hessian,
power(x, 0), std over one element), checked against stored values and, when
installed, against JAX."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp


@pytest.mark.parametrize("x", [np.array([0.3]), np.array([0.3, 100.0]),
                               np.array([[1.0, -60.0, 2.0]], np.float32)])
def test_logsumexp_log_softmax_hessian(x):
    # truth: diag(p) - p p^T; the bug added +1 at the dominant entry
    p = np.exp(x - x.max()) / np.exp(x - x.max()).sum(-1, keepdims=True)
    p = p.reshape(-1)
    want = np.diag(p) - np.outer(p, p)
    got = fl.hessian(lambda v: fnp.logsumexp(v))(x).reshape(p.size, p.size)
    np.testing.assert_allclose(got, want, atol=1e-6)
    # log_softmax[i] = x[i] - logsumexp(x): the same hessian, negated
    h = fl.hessian(lambda v: fnp.log_softmax(v, axis=-1).reshape(-1)[0])(x)
    np.testing.assert_allclose(h.reshape(p.size, p.size), -want, atol=1e-6)


def test_power_zero_exponent_grad():
    f = lambda x: fnp.power(x, 0.0)
    assert fl.grad(f)(0.0) == 0.0
    assert fl.grad(fl.grad(f))(0.0) == 0.0
    assert fl.grad(f)(2.0) == 0.0
    np.testing.assert_allclose(fl.grad(lambda x: fnp.power(x, 2.5))(2.0), 2.5 * 2.0 ** 1.5)


def test_std_single_element_grad():
    g = fl.grad(lambda x: fnp.std(x))(np.array([2.0]))
    np.testing.assert_array_equal(g, [0.0])
    np.testing.assert_array_equal(fl.hessian(fnp.std)(np.array([2.0])), [[0.0]])
    g = fl.grad(lambda x: fnp.std(x, axis=1).sum())(np.ones((3, 1)))
    np.testing.assert_array_equal(g, np.zeros((3, 1)))
    assert np.isnan(fnp.std(np.array([np.nan])))
    # more than one element: unchanged
    x = np.array([1.0, 2.0, 4.0])
    np.testing.assert_allclose(fl.grad(fnp.std)(x), (x - x.mean()) / (3 * x.std()))


def test_against_jax():
    jax = pytest.importorskip("jax")
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
    x = np.array([0.3, 40.0, -2.0])
    np.testing.assert_allclose(fl.hessian(fnp.logsumexp)(x),
                               jax.hessian(jax.scipy.special.logsumexp)(x), atol=1e-12)
    # jax.numpy.power(x, 0.0) has a nan gradient at 0; PyTorch and HIPS autograd give 0
    del jnp


def test_power_zero_against_torch():
    torch = pytest.importorskip("torch")
    t = torch.tensor(0.0, dtype=torch.float64, requires_grad=True)
    torch.pow(t, 0.0).backward()
    assert float(t.grad) == fl.grad(lambda x: fnp.power(x, 0.0))(0.0) == 0.0
