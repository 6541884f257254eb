"""The beta distribution Beta(a, b) on [loc, loc + scale] (scipy.stats.beta's
logpdf and pdf; the cdf needs the incomplete beta function, not provided)."""
import numpy as _np

from ... import numpy as fnp
from .. import special as sp
from ._util import floats, nan_unless

__all__ = ["logpdf", "pdf"]


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
