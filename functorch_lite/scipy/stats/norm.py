"""The normal distribution N(loc, scale^2) (scipy.stats.norm's functions)."""
from ... import numpy as fnp
from .. import special as sp
from ._util import LOG_2PI, floats, nan_unless, standardize

__all__ = ["logpdf", "pdf", "cdf", "logcdf", "sf", "logsf", "ppf", "isf"]


def logpdf(x, loc=0, scale=1):
    """log density: -z^2/2 - log(scale) - log(2 pi)/2 with z = (x - loc) / scale
    (NaN where scale <= 0)."""
    z, scale = standardize("norm.logpdf", x, loc, scale)
    val = fnp.subtract(fnp.multiply(-0.5, fnp.multiply(z, z)),
                       fnp.add(fnp.log(scale), 0.5 * LOG_2PI))
    return nan_unless(fnp.greater(scale, 0), val)


def pdf(x, loc=0, scale=1):
    """density exp(logpdf)."""
    return fnp.exp(logpdf(x, loc, scale))


def cdf(x, loc=0, scale=1):
    """P(X <= x) = ndtr(z)."""
    z, scale = standardize("norm.cdf", x, loc, scale)
    return nan_unless(fnp.greater(scale, 0), sp.ndtr(z))


def logcdf(x, loc=0, scale=1):
    """log P(X <= x) = log_ndtr(z), accurate far into the left tail."""
    z, scale = standardize("norm.logcdf", x, loc, scale)
    return nan_unless(fnp.greater(scale, 0), sp.log_ndtr(z))


def sf(x, loc=0, scale=1):
    """P(X > x) = ndtr(-z)."""
    z, scale = standardize("norm.sf", x, loc, scale)
    return nan_unless(fnp.greater(scale, 0), sp.ndtr(fnp.negative(z)))


def logsf(x, loc=0, scale=1):
    """log P(X > x) = log_ndtr(-z)."""
    z, scale = standardize("norm.logsf", x, loc, scale)
    return nan_unless(fnp.greater(scale, 0), sp.log_ndtr(fnp.negative(z)))


def ppf(q, loc=0, scale=1):
    """The quantile function: loc + scale * ndtri(q)."""
    q, loc, scale = floats("norm.ppf", q, loc, scale)
    return nan_unless(fnp.greater(scale, 0), fnp.add(loc, fnp.multiply(scale, sp.ndtri(q))))


def isf(q, loc=0, scale=1):
    """The inverse survival function: loc - scale * ndtri(q) (accurate for small q)."""
    q, loc, scale = floats("norm.isf", q, loc, scale)
    return nan_unless(fnp.greater(scale, 0),
                      fnp.subtract(loc, fnp.multiply(scale, sp.ndtri(q))))
