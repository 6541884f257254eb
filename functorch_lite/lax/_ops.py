"""lax's elementwise and structural operations under JAX's names, each one
primitive (or a short composition), so every transform applies.

As JAX's ``lax`` (and unlike ``functorch_lite.numpy``), binary operations do
not promote: two arrays must have the same dtype (TypeError otherwise); a
Python scalar operand is weak and takes the array's dtype."""
import numpy as np

from ..control._util import as_value
from ..core import dtypes
from ..core import tree_util as tu
from ..core.trace import get_aval
from .. import primitives as P
from ..primitives import math_more as mm
from ..primitives import numeric as nm
from ..primitives import special as sp

_PY = (bool, int, float, complex)


def _v(x):
    return x if type(x) in _PY else as_value(x)


def _dtype_of(v):
    return dtypes.canonicalize_dtype(np.asarray(v).dtype) if type(v) in _PY else \
        get_aval(v).dtype


def _kind(v):
    """bool, integer (signed or not), float or complex: what a weak scalar must match."""
    k = _dtype_of(v).kind
    return "i" if k == "u" else k


def _strict(fn, x, y):
    name = fn.__name__   # the public function (not a string: names are primitives' keys)
    x, y = _v(x), _v(y)
    kx, ky = _kind(x), _kind(y)
    if kx != ky:   # a Python scalar is weak within its kind only (lax.add(1, 1.0) fails)
        raise TypeError(f"lax.{name} requires arguments to have the same dtypes, got "
                        f"{_dtype_of(x)}, {_dtype_of(y)}; cast one with "
                        f"lax.convert_element_type (or use functorch_lite.numpy, which "
                        f"promotes)")
    if type(x) not in _PY and type(y) not in _PY:
        ax, ay = get_aval(x), get_aval(y)
        if ax.dtype != ay.dtype and not (ax.weak_type or ay.weak_type):
            raise TypeError(f"lax.{name} requires arguments to have the same dtypes, got "
                            f"{ax.dtype}, {ay.dtype}; cast one with lax.convert_element_type "
                            f"(or use functorch_lite.numpy, which promotes)")
        if ax.shape != ay.shape and ax.shape != () and ay.shape != ():
            raise TypeError(f"lax.{name} requires arguments to have the same shapes, got "
                            f"{ax.shape}, {ay.shape}; broadcast explicitly (lax."
                            f"broadcast_in_dim) or use functorch_lite.numpy")
    return x, y


def _binary(fn, name=None):
    name = name or fn.__name__

    def op(x, y):
        return fn(*_strict(op, x, y))
    op.__name__ = name
    op.__doc__ = (f"Elementwise ``{name}`` (JAX's ``lax.{name}``): same dtypes and shapes "
                  f"(a Python scalar is weak), no promotion.")
    return op


def _unary(fn, name=None):
    name = name or fn.__name__

    def op(x):
        return fn(as_value(x))
    op.__name__ = name
    op.__doc__ = f"Elementwise ``{name}`` (JAX's ``lax.{name}``)."
    return op


add = _binary(P.add)
sub = _binary(P.sub)
mul = _binary(P.mul)


def div(x, y):
    """Elementwise ``div`` (JAX's ``lax.div``): same dtypes and shapes, no promotion;
    integers divide rounding toward zero, as C and XLA do (NumPy floors)."""
    x, y = _strict(div, x, y)
    if get_aval(x).dtype.kind in "iu" and get_aval(y).dtype.kind in "iu":
        q = nm.idiv(x, y)
        # floor and truncation differ where the remainder is non-zero and the signs differ
        fix = nm.bitwise_and(P.ne(P.sub(x, P.mul(q, y)), 0), P.ne(P.lt(x, 0), P.lt(y, 0)))
        return P.select(fix, P.add(q, 1), q)
    return P.div(x, y)

pow = _binary(P.pow)  # noqa: A001
max = _binary(P.max)  # noqa: A001
min = _binary(P.min)  # noqa: A001
atan2 = _binary(P.atan2)
eq = _binary(P.eq)
ne = _binary(P.ne)
lt = _binary(P.lt)
le = _binary(P.le)
gt = _binary(P.gt)
ge = _binary(P.ge)


def rem(x, y):
    """Remainder with the dividend's sign (C's fmod; JAX's ``lax.rem``)."""
    x, y = _strict(rem, x, y)
    return P.sub(x, P.mul(y, _trunc(P.div(x, y))))




neg = _unary(P.neg)
exp = _unary(P.exp)
log = _unary(P.log)
sin = _unary(P.sin)
cos = _unary(P.cos)
tan = _unary(P.tan)
tanh = _unary(P.tanh)
sqrt = _unary(P.sqrt)
abs = _unary(P.abs)  # noqa: A001
sign = _unary(P.sign)
log1p = _unary(P.log1p)
expm1 = _unary(P.expm1)
asin = _unary(P.asin)
acos = _unary(P.acos)
atan = _unary(P.atan)
sinh = _unary(P.sinh)
cosh = _unary(P.cosh)
floor = _unary(P.floor)
ceil = _unary(P.ceil)
square = _unary(lambda x: P.integer_pow(x, 2), "square")
rsqrt = _unary(lambda x: P.reciprocal(P.sqrt(x)), "rsqrt")
reciprocal = _unary(P.reciprocal)
logistic = _unary(lambda x: P.reciprocal(P.add(1.0, P.exp(P.neg(x)))), "logistic")
erfc = _unary(sp.erfc)
exp2 = _unary(lambda x: P.exp(P.mul(x, float(np.log(2.0)))), "exp2")
is_finite = _unary(lambda x: P.lt(P.abs(x), float("inf")), "is_finite")


def _trunc(q):
    return P.select(P.lt(q, 0), P.ceil(q), P.floor(q))


def round(x, rounding_method=0):  # noqa: A001
    """JAX's ``lax.round``: method 0 (the default) rounds half away from zero,
    1 (``ROUND_TO_NEAREST_EVEN``) half to even (NumPy's rounding)."""
    x = as_value(x)
    if int(rounding_method) == 1:
        return mm.round_(x)
    return P.mul(P.sign(x), P.floor(P.add(P.abs(x), 0.5)))


def integer_pow(x, y):
    """``x ** y`` for a Python int ``y`` (JAX's ``lax.integer_pow``)."""
    return P.integer_pow(as_value(x), int(y))


def convert_element_type(operand, new_dtype):
    """Cast to ``new_dtype`` (JAX's ``lax.convert_element_type``; narrowed in the
    32-bit mode as JAX's)."""
    return P.convert_element_type(as_value(operand), dtypes.canonicalize_dtype(new_dtype))


def stop_gradient(x):
    """The identity whose derivative is zero, over every leaf of a pytree (JAX's
    ``lax.stop_gradient``)."""
    return tu.tree_map(lambda v: P.stop_gradient(as_value(v)), x)


def select(pred, on_true, on_false):
    """``on_true`` where ``pred`` else ``on_false`` (JAX's ``lax.select``): pred is
    boolean with the operands' shape (or a scalar); operands share dtype and shape."""
    p = as_value(pred)
    if get_aval(p).dtype != np.bool_:
        raise TypeError(f"lax.select: pred must be boolean, got {get_aval(p).dtype}")
    a, b = _strict(select, on_true, on_false)
    return P.select(p, a, b)


def select_n(which, *cases):
    """JAX's ``lax.select_n``: ``cases[which]`` elementwise (boolean ``which``
    picks between two cases: False -> cases[0])."""
    w = as_value(which)
    if len(cases) == 1:
        return cases[0]
    if get_aval(w).dtype == np.bool_:
        if len(cases) != 2:
            raise TypeError("lax.select_n: a boolean selector needs exactly two cases")
        return select(w, cases[1], cases[0])
    out = cases[-1]
    for i in range(len(cases) - 2, -1, -1):
        out = select(P.eq(w, np.array(i, get_aval(w).dtype)), cases[i], out)
    return out


def iota(dtype, size):
    """``arange(size)`` of ``dtype`` (JAX's ``lax.iota``)."""
    return np.arange(int(size), dtype=dtypes.canonicalize_dtype(dtype))


def broadcast_in_dim(operand, shape, broadcast_dimensions):
    """JAX's ``lax.broadcast_in_dim``."""
    return P.broadcast_in_dim(as_value(operand), tuple(shape), tuple(broadcast_dimensions))


def broadcast(operand, sizes):
    """Add leading axes of ``sizes`` (JAX's ``lax.broadcast``)."""
    x = as_value(operand)
    nd = get_aval(x).ndim
    sizes = tuple(sizes)
    return P.broadcast_in_dim(x, sizes + get_aval(x).shape,
                              tuple(range(len(sizes), len(sizes) + nd)))


def reshape(operand, new_sizes, dimensions=None):
    """JAX's ``lax.reshape`` (``dimensions``: transpose first)."""
    x = as_value(operand)
    if dimensions is not None:
        x = P.transpose(x, tuple(dimensions))
    return P.reshape(x, tuple(new_sizes))


def transpose(operand, permutation):
    """JAX's ``lax.transpose``."""
    return P.transpose(as_value(operand), tuple(permutation))


def concatenate(operands, dimension):
    """JAX's ``lax.concatenate`` (same dtypes required)."""
    xs = [as_value(o) for o in operands]
    if len({get_aval(x).dtype for x in xs}) > 1:
        raise TypeError(f"lax.concatenate requires arguments to have the same dtypes, got "
                        f"{[str(get_aval(x).dtype) for x in xs]}")
    return P.concatenate(xs, int(dimension))


def slice(operand, start_indices, limit_indices, strides=None):  # noqa: A001
    """JAX's ``lax.slice`` (static bounds)."""
    return P.slice_(as_value(operand), tuple(start_indices), tuple(limit_indices),
                    None if strides is None else tuple(strides))


def pad(operand, padding_value, padding_config):
    """JAX's ``lax.pad``: ``padding_config`` is (low, high, interior) per axis."""
    x = as_value(operand)
    return P.pad(x, np.array(padding_value, get_aval(x).dtype)[()],
                 tuple(tuple(int(v) for v in c) for c in padding_config))


def rev(operand, dimensions):
    """JAX's ``lax.rev``: reverse the given axes."""
    return P.rev(as_value(operand), tuple(dimensions))


def dot_general(lhs, rhs, dimension_numbers, precision=None, preferred_element_type=None):
    """JAX's ``lax.dot_general``: ``dimension_numbers = ((lhs_contract,
    rhs_contract), (lhs_batch, rhs_batch))``; output axes are batch, lhs free,
    rhs free.  ``precision`` has no effect here (CPU float math is exact to the
    dtype, as on JAX's CPU backend); ``preferred_element_type`` casts the result."""
    x, y = as_value(lhs), as_value(rhs)
    (lc, rc), (lb, rb) = dimension_numbers
    dn = ((tuple(lc), tuple(rc)), (tuple(lb), tuple(rb)))
    ax, ay = get_aval(x), get_aval(y)
    for a, b in zip(dn[0][0], dn[0][1]):
        if ax.shape[a] != ay.shape[b]:
            raise TypeError(f"lax.dot_general requires contracting dimensions to have the "
                            f"same shape, got {ax.shape} and {ay.shape} (axes {a} and {b})")
    out = P.dot_general(*P.promote(x, y), dn)
    if preferred_element_type is not None:
        out = P.convert_element_type(out, dtypes.canonicalize_dtype(preferred_element_type))
    return out


def dot(lhs, rhs, precision=None, preferred_element_type=None):
    """JAX's ``lax.dot``: vector/matrix products contracting lhs's last axis with
    rhs's first (shape mismatch: TypeError, as JAX's)."""
    x, y = as_value(lhs), as_value(rhs)
    nx, ny = get_aval(x).ndim, get_aval(y).ndim
    if not (1 <= nx <= 2 and 1 <= ny <= 2):
        raise TypeError(f"lax.dot takes 1-d or 2-d arrays, got shapes {get_aval(x).shape} "
                        f"and {get_aval(y).shape}; use lax.dot_general")
    return dot_general(x, y, (((nx - 1,), (0,)), ((), ())), precision, preferred_element_type)


def reduce_sum(operand, axes):
    """Sum over ``axes``."""
    return P.reduce_sum(as_value(operand), tuple(axes))


def reduce_max(operand, axes):
    """Max over ``axes``."""
    return P.reduce_max(as_value(operand), tuple(axes))


def cumsum(operand, axis=0, reverse=False):
    """JAX's ``lax.cumsum``."""
    return P.cumsum(as_value(operand), int(axis), bool(reverse))


def argmax(operand, axis, index_dtype):
    """JAX's ``lax.argmax``."""
    return P.argmax(as_value(operand), int(axis), dtypes.canonicalize_dtype(index_dtype))
