"""Student's t distribution with ``df`` degrees of freedom (scipy.stats.t's
logpdf and pdf; its cdf needs the incomplete beta function, not provided, as in JAX)."""
import numpy as _np

from ... import numpy as fnp
from .. import special as sp
from ._util import floats, nan_unless

__all__ = ["logpdf", "pdf"]


def logpdf(x, df, loc=0, scale=1):
    """log density of (x - loc) / scale under t(df), minus log(scale); NaN where
    df <= 0 or scale <= 0."""
    x, df, loc, scale = floats("t.logpdf", x, df, loc, scale)
    z = fnp.divide(fnp.subtract(x, loc), scale)
    half = fnp.multiply(0.5, fnp.add(df, 1.0))
    norm = fnp.subtract(sp.gammaln(half), sp.gammaln(fnp.multiply(0.5, df)))
    norm = fnp.subtract(norm, fnp.multiply(0.5, fnp.log(fnp.multiply(df, _np.pi))))
    val = fnp.subtract(norm, fnp.add(fnp.log(scale),
                                     fnp.multiply(half, fnp.log1p(fnp.divide(
                                         fnp.multiply(z, z), df)))))
    return nan_unless(fnp.logical_and(fnp.greater(df, 0), fnp.greater(scale, 0)), val)


def pdf(x, df, loc=0, scale=1):
    """density exp(logpdf)."""
    return fnp.exp(logpdf(x, df, loc, scale))
