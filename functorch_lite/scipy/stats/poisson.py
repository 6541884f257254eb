"""The Poisson distribution with mean ``mu`` (scipy.stats.poisson's logpmf and
pmf; the cdf needs the incomplete gamma function, not provided).  ``k`` is
data: its derivative is not defined; ``mu`` is differentiable."""
import numpy as _np

from ... import numpy as fnp
from .. import special as sp
from ._util import floats, nan_unless

__all__ = ["logpmf", "pmf"]


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
