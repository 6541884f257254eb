"""The beta distribution Beta(a, b) on [loc, loc + scale] (scipy.stats.beta's
logpdf, pdf, cdf, logcdf, sf, logsf).  The cdf family is differentiable in x,
loc and scale, not in a or b (as JAX)."""
import numpy as _np

from ... import numpy as fnp
from .. import special as sp
from ._util import floats, nan_unless

__all__ = ["logpdf", "pdf", "cdf", "logcdf", "sf", "logsf"]


def logpdf(x, a, b, loc=0, scale=1):
    """(a-1) log y + (b-1) log(1-y) - betaln(a, b) - log(scale), y = (x-loc)/scale;
    -inf outside [0, 1], NaN where a, b or scale <= 0."""
    x, a, b, loc, scale = floats("beta.logpdf", x, a, b, loc, scale)
    y = fnp.divide(fnp.subtract(x, loc), scale)
    inside = fnp.logical_and(fnp.greater_equal(y, 0), fnp.less_equal(y, 1))
    ys = fnp.where(inside, y, fnp.full_like(y, 0.5))      # no log of a negative number
    val = fnp.add(sp.xlogy(fnp.subtract(a, 1.0), ys),
                  sp.xlog1py(fnp.subtract(b, 1.0), fnp.negative(ys)))
    val = fnp.subtract(val, fnp.add(sp.betaln(a, b), fnp.log(scale)))
    val = fnp.where(inside, val, fnp.full_like(val, -_np.inf))
    ok = fnp.logical_and(fnp.logical_and(fnp.greater(a, 0), fnp.greater(b, 0)),
                         fnp.greater(scale, 0))
    return nan_unless(ok, val)


def pdf(x, a, b, loc=0, scale=1):
    """density exp(logpdf)."""
    return fnp.exp(logpdf(x, a, b, loc, scale))


def _y(name, x, a, b, loc, scale):
    x, a, b, loc, scale = floats(name, x, a, b, loc, scale)
    y = fnp.divide(fnp.subtract(x, loc), scale)
    y = fnp.where(fnp.less(y, 0), fnp.zeros_like(y),
                  fnp.where(fnp.greater(y, 1), fnp.ones_like(y), y))
    ok = fnp.logical_and(fnp.logical_and(fnp.greater(a, 0), fnp.greater(b, 0)),
                         fnp.greater(scale, 0))
    return y, a, b, ok


def cdf(x, a, b, loc=0, scale=1):
    """P(X <= x) = betainc(a, b, y), y clipped to [0, 1]."""
    y, a, b, ok = _y("beta.cdf", x, a, b, loc, scale)
    return nan_unless(ok, sp.betainc(a, b, y))


def logcdf(x, a, b, loc=0, scale=1):
    """log cdf."""
    return fnp.log(cdf(x, a, b, loc, scale))


def sf(x, a, b, loc=0, scale=1):
    """P(X > x) = betainc(b, a, 1 - y) (accurate where the cdf is near 1)."""
    y, a, b, ok = _y("beta.sf", x, a, b, loc, scale)
    return nan_unless(ok, sp.betainc(b, a, fnp.subtract(1.0, y)))


def logsf(x, a, b, loc=0, scale=1):
    """log sf."""
    return fnp.log(sf(x, a, b, loc, scale))
