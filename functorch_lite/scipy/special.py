"""functorch_lite.scipy.special: scipy.special's names for the special-function
primitives (as jax.scipy.special).

Unlike the ``lax`` names, these accept integer and bool inputs and promote them
to float64 first, as jax.scipy.special does with 64-bit floats on (scipy.special
agrees, except that its erfinv picks float32 for int8 and bool).  Floats keep
their dtype (float32 in, float32 out, as in JAX).
"""
import numpy as np

from ..core.trace import get_aval
from ..primitives import elementwise as E
from ..primitives import special as S

__all__ = ["erf", "erfinv", "gammaln", "digamma", "psi", "polygamma"]


def _float(x):
    if isinstance(x, float):
        return x
    dt = getattr(x, "dtype", None) or get_aval(x).dtype
    if dt.kind in "biu":
        return E.convert_element_type(x, np.float64)
    return x


def erf(x): return S.erf(_float(x))
def erfinv(x): return S.erf_inv(_float(x))
def gammaln(x): return S.lgamma(_float(x))
def digamma(x): return S.digamma(_float(x))


psi = digamma


def polygamma(n, x):
    """The n-th derivative of digamma; ``n`` is a static non-negative integer."""
    return S.polygamma(n, _float(x))
