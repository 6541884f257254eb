"""Helpers shared by the distributions: promotion and the standardised argument."""
import numpy as _np

from ... import numpy as fnp
from ..special import _floats_b

LOG_2PI = float(_np.log(2.0 * _np.pi))


def floats(name, *xs):
    """Every argument as floating point of one dtype (ints become float64; float32
    stays float32), broadcast together; Python scalars are filled in on the
    backend of the array arguments."""
    return _floats_b((name,) + xs)


def nan_unless(ok, val):
    """val where ok, NaN elsewhere (scipy's answer for invalid parameters)."""
    return fnp.where(ok, val, fnp.full_like(val, _np.nan))


def standardize(name, x, loc, scale):
    x, loc, scale = floats(name, x, loc, scale)
    return fnp.divide(fnp.subtract(x, loc), scale), scale
