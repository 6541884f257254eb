"""All first-order primitives, one module per family, each made by one
``core.primitive.defprim`` call (which registers it in ``core.primitive.REGISTRY``,
the one registry).  The wrapper functions (add, mul, reduce_sum, ...) bind them
after promotion."""
from . import elementwise, reductions, shape, contractions, linalg, _util  # noqa: F401
from .elementwise import (neg, exp, log, sin, cos, tanh, sqrt, abs, sign, add, sub, mul,
                          div, pow, max, min, eq, ne, lt, le, gt, ge,
                          reciprocal, stop_gradient, select, convert_element_type,
                          safe_mul, full_like)
from .ipow import integer_pow  # noqa: F401
from .reductions import reduce_sum, reduce_max
from .shape import (broadcast_in_dim, broadcast_to, reshape, transpose, slice_, pad,
                    concatenate)
from .contractions import dot_general
from . import math_more, indexing, cumulative, special, numeric  # noqa: F401
from .math_more import (log1p, expm1, tan, asin, acos, atan, sinh, cosh, floor, ceil,
                        round_, atan2)
from .indexing import rev, gather, scatter_add
from .cumulative import cumsum, argmax
from ._util import full, zeros_like, ones_like, unbroadcast, moveaxis, promote
from . import cplx  # noqa: F401,E402  (complex numbers: real, imag, conj, complex)
from . import fft  # noqa: F401,E402  (the discrete Fourier transform)
from . import linalg_eig  # noqa: F401,E402  (eig, qr(mode='complete'))
