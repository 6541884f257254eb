"""The Bernoulli distribution with success probability ``p`` (scipy.stats.bernoulli's
logpmf, pmf, cdf and ppf); ``p`` is differentiable."""
import numpy as _np

from ... import numpy as fnp
from .. import special as sp
from ._util import floats, nan_unless

__all__ = ["logpmf", "pmf", "cdf", "ppf"]


def _valid_p(p):
    return fnp.logical_and(fnp.greater_equal(p, 0), fnp.less_equal(p, 1))


def logpmf(k, p, loc=0):
    """log p at k - loc = 1, log(1 - p) at 0, -inf elsewhere; NaN for p outside [0, 1]."""
    k, p, loc = floats("bernoulli.logpmf", k, p, loc)
    k = fnp.subtract(k, loc)
    ok = fnp.logical_or(fnp.equal(k, 0), fnp.equal(k, 1))
    val = fnp.add(sp.xlogy(k, p), sp.xlog1py(fnp.subtract(1.0, k), fnp.negative(p)))
    val = fnp.where(ok, val, fnp.full_like(val, -_np.inf))
    return nan_unless(_valid_p(p), val)


def pmf(k, p, loc=0):
    """probability exp(logpmf)."""
    return fnp.exp(logpmf(k, p, loc))


def cdf(k, p, loc=0):
    """P(K <= k): 0 below 0, 1 - p on [0, 1), 1 from 1."""
    k, p, loc = floats("bernoulli.cdf", k, p, loc)
    k = fnp.subtract(k, loc)
    val = fnp.where(fnp.less(k, 0), fnp.zeros_like(p),
                    fnp.where(fnp.less(k, 1), fnp.subtract(1.0, p), fnp.ones_like(p)))
    return nan_unless(_valid_p(p), val)


def ppf(q, p, loc=0):
    """The smallest k with cdf(k) >= q: 0 where q <= 1 - p, else 1 (-1 at q = 0,
    as scipy); NaN for q or p outside [0, 1].  Piecewise constant: zero derivative."""
    q, p, loc = floats("bernoulli.ppf", q, p, loc)
    val = fnp.where(fnp.less_equal(q, fnp.subtract(1.0, p)), fnp.zeros_like(q),
                    fnp.ones_like(q))
    val = fnp.where(fnp.equal(q, 0), fnp.full_like(q, -1.0), val)
    val = fnp.add(val, loc)
    ok = fnp.logical_and(_valid_p(p), fnp.logical_and(fnp.greater_equal(q, 0),
                                                      fnp.less_equal(q, 1)))
    return nan_unless(ok, val)
