"""The Poisson distribution with mean ``mu`` (scipy.stats.poisson's logpmf,
pmf and cdf).  ``k`` is
data: its derivative is not defined; ``mu`` is differentiable."""
import numpy as _np

from ... import numpy as fnp
from .. import special as sp
from ._util import floats, nan_unless

__all__ = ["logpmf", "pmf", "cdf"]


def logpmf(k, mu, loc=0):
    """k log(mu) - mu - gammaln(k + 1) at k = k - loc; -inf where k is not a
    non-negative integer, NaN where mu < 0."""
    k, mu, loc = floats("poisson.logpmf", k, mu, loc)
    k = fnp.subtract(k, loc)
    ok = fnp.logical_and(fnp.greater_equal(k, 0), fnp.equal(fnp.floor(k), k))
    ks = fnp.where(ok, k, fnp.zeros_like(k))
    val = fnp.subtract(fnp.subtract(sp.xlogy(ks, mu), mu), sp.gammaln(fnp.add(ks, 1.0)))
    val = fnp.where(ok, val, fnp.full_like(val, -_np.inf))
    return nan_unless(fnp.greater_equal(mu, 0), val)


def pmf(k, mu, loc=0):
    """probability exp(logpmf)."""
    return fnp.exp(logpmf(k, mu, loc))


def cdf(k, mu, loc=0):
    """P(K <= k) = gammaincc(floor(k - loc) + 1, mu), 0 for k - loc < 0."""
    k, mu, loc = floats("poisson.cdf", k, mu, loc)
    k = fnp.floor(fnp.subtract(k, loc))
    neg = fnp.less(k, 0)
    ks = fnp.where(neg, fnp.zeros_like(k), k)
    val = fnp.where(neg, fnp.zeros_like(mu), sp.gammaincc(fnp.add(ks, 1.0), mu))
    return nan_unless(fnp.greater_equal(mu, 0), val)
