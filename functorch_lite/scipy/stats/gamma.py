"""The gamma distribution with shape ``a`` (scipy.stats.gamma's logpdf and pdf;
the cdf needs the incomplete gamma function, not provided)."""
import numpy as _np

from ... import numpy as fnp
from .. import special as sp
from ._util import floats, nan_unless

__all__ = ["logpdf", "pdf"]


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
