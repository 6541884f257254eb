"""functorch_lite.scipy.optimize.minimize vs scipy.optimize.minimize on
Rosenbrock and a logistic regression (BFGS, L-BFGS-B with and without
bounds); the result object's fields; float32; errors."""
import numpy as np
import pytest

import functorch_lite.numpy as jnp
from functorch_lite.scipy.optimize import OptimizeResult, minimize

X0 = np.array([-1.2, 1.0, 0.5, -0.3, 1.1])


def rosen(x):
    return jnp.sum(100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2)


rng = np.random.default_rng(3)
XS = rng.normal(size=(80, 4))
YS = (XS @ np.array([1.5, -2.0, 0.5, 0.0]) + 0.3 * rng.normal(size=80) > 0).astype(float)


def logreg(w, X, y, lam):
    z = X @ w[:-1] + w[-1]
    sp = jnp.maximum(z, 0.0) + jnp.log1p(jnp.exp(-jnp.abs(z)))   # softplus, stable
    return jnp.mean(sp - y * z) + lam * jnp.sum(w[:-1] ** 2)


def _np_logreg(w, X, y, lam):
    z = X @ w[:-1] + w[-1]
    return np.mean(np.logaddexp(0.0, z) - y * z) + lam * np.sum(w[:-1] ** 2)


def _np_logreg_grad(w, X, y, lam):
    z = X @ w[:-1] + w[-1]
    r = (1 / (1 + np.exp(-z)) - y) / len(y)
    return np.concatenate([X.T @ r + 2 * lam * w[:-1], [r.sum()]])


@pytest.mark.parametrize("method", ["BFGS", "L-BFGS-B"])
def test_rosenbrock(method):
    r = minimize(rosen, X0, method=method)
    assert isinstance(r, OptimizeResult) and r.success and r.status == 0
    assert set(r) >= {"x", "fun", "jac", "hess_inv", "nit", "nfev", "njev", "status",
                      "success", "message"}
    np.testing.assert_allclose(np.asarray(r.x), np.ones(5), atol=1e-4)
    assert r.fun < 1e-9 and r.nfev == r.njev
    so = pytest.importorskip("scipy.optimize")
    s = so.minimize(so.rosen, X0, jac=so.rosen_der, method=method)
    np.testing.assert_allclose(np.asarray(r.x), s.x, atol=1e-4)
    assert r.message == s.message or method == "L-BFGS-B"
    assert abs(r.nit - s.nit) <= 0.25 * s.nit      # same algorithm (BFGS), close iteration counts


@pytest.mark.parametrize("method,bounds", [("BFGS", None), ("L-BFGS-B", None),
                                           ("L-BFGS-B", [(-1.0, 1.0)] * 4 + [(None, None)])])
def test_logistic_regression(method, bounds):
    w0 = np.zeros(5)
    r = minimize(logreg, w0, args=(XS, YS, 0.01), method=method, bounds=bounds)
    assert r.success
    # stored minimiser (SciPy 1.x, same problem): checked without SciPy too
    stored = {None: [1.7159248, -2.1808658, 0.5224033, -0.0474393, -0.1608019],
              "b": [1.0, -1.0, 0.3927312, 0.0009382, -0.194185]}
    np.testing.assert_allclose(np.asarray(r.x), stored[None if bounds is None else "b"],
                               atol=1e-4)
    so = pytest.importorskip("scipy.optimize")
    s = so.minimize(_np_logreg, w0, args=(XS, YS, 0.01), jac=_np_logreg_grad, method=method,
                    bounds=bounds)
    # within SciPy's own tolerance (gtol 1e-5 on the gradient); BFGS is the same algorithm
    np.testing.assert_allclose(np.asarray(r.x), s.x, atol=1e-12 if method == "BFGS" else 1e-4)
    assert r.fun == pytest.approx(s.fun, rel=1e-8)
    if method == "BFGS":
        np.testing.assert_allclose(np.asarray(r.hess_inv), s.hess_inv, rtol=0.2, atol=0.05)
    else:
        h = r.hess_inv.todense()
        assert h.shape == (5, 5)


def test_float32_callback_and_errors():
    seen = []
    r = minimize(rosen, X0[:3].astype(np.float32), method="BFGS", callback=seen.append,
                 options={"gtol": 1e-3})
    assert r.x.dtype == np.float32 and len(seen) == r.nit
    np.testing.assert_allclose(np.asarray(r.x), np.ones(3), atol=2e-2)
    with pytest.raises(ValueError, match="x0 must be 1-D"):
        minimize(rosen, np.ones((2, 2)))
    with pytest.raises(ValueError, match="method 'nelder-mead' is not implemented"):
        minimize(rosen, X0, method="nelder-mead")
    with pytest.raises(TypeError, match="jac must be None or True"):
        minimize(rosen, X0, jac=lambda x: x)
    with pytest.raises(ValueError, match="unsupported options"):
        minimize(rosen, X0, method="L-BFGS-B", options={"maxls": 3})
    r = minimize(rosen, X0, method="BFGS", options={"maxiter": 3})
    assert r.status == 1 and not r.success and r.nit == 3
