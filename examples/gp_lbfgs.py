"""Gaussian-process regression with its hyperparameters (log lengthscale, log
signal variance, log noise variance) fitted by maximising the marginal
likelihood with scipy.optimize.minimize(method="L-BFGS-B"), the gradient from
value_and_grad (as autograd's gaussian_process example, with SciPy's
optimiser swapped for functorch_lite's).

    python examples/gp_lbfgs.py [n_points]
"""
import sys

import numpy as np

import functorch_lite.numpy as jnp
from functorch_lite.scipy.linalg import cho_solve, cholesky
from functorch_lite.scipy.optimize import minimize

N = int(sys.argv[1]) if len(sys.argv) > 1 else 60
rng = np.random.default_rng(1)
X = np.sort(rng.uniform(-3, 3, N))
Y = np.sin(2 * X) + 0.1 * rng.normal(size=N)


def kernel(a, b, log_ell, log_sf2):
    d = a[:, None] - b[None, :]
    return jnp.exp(log_sf2 - 0.5 * d * d / jnp.exp(2 * log_ell))


def neg_log_marginal(theta, x, y):
    log_ell, log_sf2, log_sn2 = theta[0], theta[1], theta[2]
    K = kernel(x, x, log_ell, log_sf2) + (jnp.exp(log_sn2) + 1e-8) * jnp.eye(x.shape[0])
    L = cholesky(K, lower=True)
    alpha = cho_solve((L, True), y)
    return 0.5 * jnp.dot(y, alpha) + jnp.sum(jnp.log(jnp.diagonal(L))) + \
        0.5 * x.shape[0] * np.log(2 * np.pi)


theta0 = np.array([0.0, 0.0, -1.0])
res = minimize(neg_log_marginal, theta0, args=(X, Y), method="L-BFGS-B",
               bounds=[(-3.0, 3.0), (-5.0, 5.0), (-10.0, 2.0)])
ell, sf2, sn2 = np.exp(np.asarray(res.x))
print(res.message)
print(f"nit {res.nit} nlml {float(neg_log_marginal(theta0, X, Y)):.4f} -> {res.fun:.4f}")
print(f"lengthscale {ell:.3f} signal var {sf2:.3f} noise var {sn2:.5f}")
# the posterior mean at a few test points
Xs = np.linspace(-2.5, 2.5, 5)
K = kernel(X, X, res.x[0], res.x[1]) + sn2 * jnp.eye(N)
mean = kernel(Xs, X, res.x[0], res.x[1]) @ jnp.linalg.solve(K, Y)
print("max |mean - sin(2x)|", float(jnp.max(jnp.abs(mean - np.sin(2 * Xs)))))
