"""Complex numbers: real imag conj conjugate angle iscomplexobj iscomplex isreal isrealobj.

Values follow NumPy (real/imag/conj of a real array: itself / zeros / itself;
angle of a real array: 0 or pi).  Derivatives follow JAX's convention (see
primitives/cplx.py): ``grad`` of a real-valued f at complex z returns
df/dx - i df/dy, as JAX and HIPS autograd do; PyTorch returns its conjugate.
"""
import numpy as _np

from .. import primitives as P
from ..primitives import cplx as C
from ..core.trace import get_aval
from ._base import _arr


def real(val):
    """The real part of ``val`` (NumPy's ``real``); a real array is returned as is."""
    return C.real(_arr(val, "real"))


def imag(val):
    """The imaginary part of ``val`` (NumPy's ``imag``); zeros for a real array."""
    return C.imag(_arr(val, "imag"))


def conj(x):
    """The complex conjugate, elementwise (NumPy's ``conj``/``conjugate``); a real or
    integer array is returned unchanged."""
    return C.conj(_arr(x, "conj"))


conjugate = conj


def angle(z, deg=False):
    """The counterclockwise angle from the positive real axis, atan2(imag, real)
    (NumPy's ``angle``; ``deg=True`` gives degrees).  Real input: 0 or pi, as
    float (integers are converted to float64)."""
    z = _arr(z, "angle")
    dt = get_aval(z).dtype
    if dt.kind in "biu":
        z = P.convert_element_type(z, _np.float64)
    re = C.real(z)
    out = P.atan2(C.imag(z), re)
    return P.mul(out, 180.0 / _np.pi) if deg else out


def iscomplexobj(x):
    """True when ``x`` has a complex dtype (NumPy's ``iscomplexobj``)."""
    return get_aval(_arr(x, "iscomplexobj")).dtype.kind == "c"


def isrealobj(x):
    """True when ``x`` does not have a complex dtype (NumPy's ``isrealobj``)."""
    return not iscomplexobj(x)


def iscomplex(x):
    """Elementwise: a nonzero imaginary part (NumPy's ``iscomplex``; False for real dtypes)."""
    x = _arr(x, "iscomplex")
    if get_aval(x).dtype.kind == "c":
        return P.ne(C.imag(x), 0)
    return P.eq(P.zeros_like(P.convert_element_type(x, _np.bool_)), True)


def isreal(x):
    """Elementwise: a zero imaginary part (NumPy's ``isreal``; True for real dtypes)."""
    x = _arr(x, "isreal")
    if get_aval(x).dtype.kind == "c":
        return P.eq(C.imag(x), 0)
    return P.eq(P.zeros_like(P.convert_element_type(x, _np.bool_)), False)
