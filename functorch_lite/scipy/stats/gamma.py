"""The gamma distribution with shape ``a`` (scipy.stats.gamma's logpdf, pdf,
cdf, logcdf, sf, logsf).  The cdf family is differentiable in x, loc and scale,
not in ``a`` (no kernel for the incomplete gamma function's a-derivative; JAX has one)."""
import numpy as _np

from ... import numpy as fnp
from .. import special as sp
from ._util import floats, nan_unless

__all__ = ["logpdf", "pdf", "cdf", "logcdf", "sf", "logsf"]


def logpdf(x, a, loc=0, scale=1):
    """(a-1) log y - y - gammaln(a) - log(scale), y = (x - loc) / scale; -inf for
    y < 0, NaN where a or scale <= 0."""
    x, a, loc, scale = floats("gamma.logpdf", x, a, loc, scale)
    y = fnp.divide(fnp.subtract(x, loc), scale)
    inside = fnp.greater_equal(y, 0)
    ys = fnp.where(inside, y, fnp.ones_like(y))
    val = fnp.subtract(sp.xlogy(fnp.subtract(a, 1.0), ys), ys)
    val = fnp.subtract(val, fnp.add(sp.gammaln(a), fnp.log(scale)))
    val = fnp.where(inside, val, fnp.full_like(val, -_np.inf))
    return nan_unless(fnp.logical_and(fnp.greater(a, 0), fnp.greater(scale, 0)), val)


def pdf(x, a, loc=0, scale=1):
    """density exp(logpdf)."""
    return fnp.exp(logpdf(x, a, loc, scale))


def _y(name, x, a, loc, scale):
    x, a, loc, scale = floats(name, x, a, loc, scale)
    y = fnp.divide(fnp.subtract(x, loc), scale)
    ys = fnp.where(fnp.greater(y, 0), y, fnp.zeros_like(y))
    return ys, a, fnp.logical_and(fnp.greater(a, 0), fnp.greater(scale, 0))


def cdf(x, a, loc=0, scale=1):
    """P(X <= x) = gammainc(a, y), 0 for y <= 0."""
    y, a, ok = _y("gamma.cdf", x, a, loc, scale)
    return nan_unless(ok, sp.gammainc(a, y))


def logcdf(x, a, loc=0, scale=1):
    """log cdf."""
    return fnp.log(cdf(x, a, loc, scale))


def sf(x, a, loc=0, scale=1):
    """P(X > x) = gammaincc(a, y) (accurate where the cdf is near 1)."""
    y, a, ok = _y("gamma.sf", x, a, loc, scale)
    return nan_unless(ok, sp.gammaincc(a, y))


def logsf(x, a, loc=0, scale=1):
    """log sf."""
    return fnp.log(sf(x, a, loc, scale))
