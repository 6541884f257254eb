"""The Dirichlet distribution (scipy.stats.dirichlet's logpdf and pdf).

As scipy, ``x`` holds the K components along its FIRST axis (shape (K,) or
(K, ...)), ``alpha`` is a vector of K concentrations."""
import numpy as _np

from ... import numpy as fnp
from ..special import _floats, gammaln, xlogy

__all__ = ["logpdf", "pdf"]


def logpdf(x, alpha):
    """sum((alpha - 1) log x) + gammaln(sum alpha) - sum gammaln(alpha); -inf where
    x is not on the simplex (components in [0, 1] summing to 1 within 1e-6 for
    float32, 1e-12 for float64; scipy raises instead)."""
    x, alpha = _floats("dirichlet.logpdf", x, alpha)
    xs, ash = fnp.shape(x), fnp.shape(alpha)
    if len(ash) != 1:
        raise ValueError(f"dirichlet.logpdf: alpha must be a vector, got shape {ash}")
    if not xs or xs[0] != ash[0]:
        raise ValueError(f"dirichlet.logpdf: x must have the K = {ash[0]} components "
                         f"along its first axis (shape (K,) or (K, ...)), got shape {xs}")
    a = fnp.reshape(alpha, ash + (1,) * (len(xs) - 1))
    norm = fnp.subtract(gammaln(fnp.sum(alpha)), fnp.sum(gammaln(alpha)))
    val = fnp.add(fnp.sum(xlogy(fnp.broadcast_to(fnp.subtract(a, 1.0), xs), x), axis=0),
                  norm)
    tol = 1e-6 if fnp.result_type(x) == _np.float32 else 1e-12
    on = fnp.logical_and(fnp.all(fnp.greater_equal(x, 0), axis=0),
                         fnp.less_equal(fnp.abs(fnp.subtract(fnp.sum(x, axis=0), 1.0)), tol))
    return fnp.where(on, val, fnp.full_like(val, -_np.inf))


def pdf(x, alpha):
    """density exp(logpdf)."""
    return fnp.exp(logpdf(x, alpha))
