"""Student's t distribution with ``df`` degrees of freedom (scipy.stats.t's
logpdf, pdf, and cdf/sf, which JAX lacks: through the incomplete beta
function, differentiable in x, loc and scale but not in df)."""
import numpy as _np

from ... import numpy as fnp
from .. import special as sp
from ._util import floats, nan_unless

__all__ = ["logpdf", "pdf", "cdf", "sf"]


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


def _tail(name, x, df, loc, scale):
    """(z, half tail probability P(T > |z|), validity)."""
    x, df, loc, scale = floats(name, x, df, loc, scale)
    z = fnp.divide(fnp.subtract(x, loc), scale)
    w = fnp.divide(df, fnp.add(df, fnp.multiply(z, z)))
    half = fnp.multiply(0.5, sp.betainc(fnp.multiply(0.5, df), fnp.full_like(df, 0.5), w))
    return z, half, fnp.logical_and(fnp.greater(df, 0), fnp.greater(scale, 0))


def cdf(x, df, loc=0, scale=1):
    """P(T <= x): I_w(df/2, 1/2) / 2 below the centre, 1 minus that above, w = df/(df + z^2)."""
    z, half, ok = _tail("t.cdf", x, df, loc, scale)
    return nan_unless(ok, fnp.where(fnp.greater(z, 0), fnp.subtract(1.0, half), half))


def sf(x, df, loc=0, scale=1):
    """P(T > x) = cdf(-x) by symmetry (accurate in the right tail)."""
    z, half, ok = _tail("t.sf", x, df, loc, scale)
    return nan_unless(ok, fnp.where(fnp.greater(z, 0), half, fnp.subtract(1.0, half)))
