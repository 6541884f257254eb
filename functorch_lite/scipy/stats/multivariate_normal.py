"""The multivariate normal distribution N(mean, cov) (scipy.stats.multivariate_normal's
logpdf and pdf), through the Cholesky factor of ``cov``.

``x`` has shape (..., n); ``mean`` (n,) or broadcasting against x; ``cov`` (n, n)
symmetric positive definite (a scalar or a vector is a multiple of the identity
or a diagonal, as scipy).  Unlike scipy there is no ``allow_singular``: a
singular ``cov`` gives NaN, and the result is differentiable in x, mean and cov."""

from ... import numpy as fnp
from ..special import _floats
from .. import linalg as sl
from ...primitives import linalg as PL
from ._util import LOG_2PI

__all__ = ["logpdf", "pdf"]


def logpdf(x, mean, cov, allow_singular=None):
    """-(n log 2 pi + log det cov + (x-mean)^T cov^-1 (x-mean)) / 2."""
    if allow_singular:
        raise NotImplementedError("multivariate_normal.logpdf: allow_singular=True is not "
                                  "supported (cov must be positive definite)")
    x, mean, cov = _floats("multivariate_normal.logpdf", x, mean, cov)
    n = fnp.shape(mean)[-1] if fnp.ndim(mean) else (fnp.shape(x)[-1] if fnp.ndim(x) else 1)
    if fnp.ndim(x) == 0:
        x = fnp.reshape(x, (1,))
    if fnp.ndim(cov) == 0:
        cov = fnp.multiply(cov, PL.eye_like(_ref(x, mean, cov), n, fnp.result_type(cov)))
    elif fnp.ndim(cov) == 1:
        cov = fnp.multiply(cov, PL.eye_like(cov, fnp.shape(cov)[0]))
    if fnp.ndim(cov) != 2 or fnp.shape(cov)[0] != fnp.shape(cov)[1]:
        raise ValueError(f"multivariate_normal.logpdf: cov must be (n, n), got shape "
                         f"{fnp.shape(cov)}")
    n = fnp.shape(cov)[0]
    if fnp.shape(x)[-1] != n:
        raise ValueError(f"multivariate_normal.logpdf: x's last axis ({fnp.shape(x)[-1]}) "
                         f"must match cov's size {n}")
    d = fnp.subtract(x, mean)
    bshape = fnp.shape(d)[:-1]
    L = fnp.linalg.cholesky(cov)
    cols = fnp.transpose(fnp.reshape(d, (-1, n)))                 # (n, N)
    z = sl.solve_triangular(L, cols, lower=True)
    maha = fnp.reshape(fnp.sum(fnp.multiply(z, z), axis=0), bshape)
    logdet = fnp.multiply(2.0, fnp.sum(fnp.log(fnp.diagonal(L))))
    return fnp.multiply(-0.5, fnp.add(maha, fnp.add(logdet, n * LOG_2PI)))


def _ref(*xs):
    """A value to build constants on (its backend): the first array argument."""
    return next((v for v in xs if fnp.ndim(v)), xs[0])


def pdf(x, mean, cov, allow_singular=None):
    """density exp(logpdf)."""
    return fnp.exp(logpdf(x, mean, cov, allow_singular))
