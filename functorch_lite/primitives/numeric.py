"""Numeric primitives NumPy's names need that no composition computes exactly:
``fmod`` on floats (C's remainder, exact: NumPy's ``remainder`` is built on it),
``copysign`` (the sign of zero), ``nextafter``, the inverse hyperbolics and ``cbrt``, the bitwise family (and, or,
invert, shifts), integer floor division and ``searchsorted``.

Derivatives: ``fmod(x, y)`` is ``x - trunc(x/y) * y``, so d/dx = 1 and
d/dy = -trunc(x/y); ``copysign(x, y)`` is ``|x| * sign(y)`` (d/dx = ±1, d/dy = 0);
``nextafter(x, y)`` moves x by one ulp (d/dx = 1, d/dy = 0).  The bitwise
operations and ``searchsorted`` have integer outputs: no tangents, like
``argmax``.
"""
import numpy as np

from ..core.ir import ShapedArray
from ..core.primitive import defprim, Primitive
from ..core.trace import get_aval
from . import _util as U
from . import elementwise as E
from . import indexing as I
from . import math_more as M
from . import reductions as R


def _float_binary_abstract(name):
    base = E._binary_abstract(name)

    def abstract(x, y):
        out = base(x, y)
        if out.dtype.kind != "f":
            raise TypeError(f"{name}: needs floating-point operands, got {out.dtype}")
        return out
    return abstract


def _trunc(q):
    # round toward zero, written with primitives (floor of |q|, sign put back)
    return E.mul(E.sign(q), M.floor(E.abs(q)))


def _unb(v, like):
    return U.unbroadcast(v, U.shape_of(like))


def _bcast(t, out):
    s = get_aval(out).shape
    return t if get_aval(t).shape == s else U.shp.broadcast_to(t, s)


# ---------------------------------------------------------------- fmod

def _fmod_quotient(x, y, out):
    # trunc(x / y) exactly: x - out is an exact multiple of y
    return E.stop_gradient(M.round_(E.div(E.sub(x, out), y), 0))


def _fmod_jvp(primals, tangents):
    (x, y), (tx, ty) = primals, tangents
    out = fmod(x, y)
    t = None if tx is None else _bcast(tx, out)
    if ty is not None:
        d = E.neg(E.mul(ty, _fmod_quotient(x, y, out)))
        t = d if t is None else E.add(t, d)
    return out, t


def _fmod_vjp(ct, ins, out, needs):
    x, y = ins
    cx = _unb(ct, x) if needs[0] else None
    cy = _unb(E.neg(E.mul(ct, _fmod_quotient(x, y, out))), y) if needs[1] else None
    return cx, cy


fmod_p: Primitive = defprim(
    "fmod", impl=lambda xp, x, y: xp.fmod(x, y), abstract=_float_binary_abstract("fmod"),
    jvp=_fmod_jvp, vjp=_fmod_vjp,
    batch=lambda vals, dims: U.broadcasting_batch(fmod_p, vals, dims),
    saves="ins+out", ufunc="fmod")


def fmod(x, y):
    """C's remainder of two floats, ``x - trunc(x/y) * y`` computed exactly (the
    dividend's sign); integers use ``prng.rem``."""
    return fmod_p.bind(*U.promote(x, y))


# ---------------------------------------------------------------- copysign

def _sign_factor(x, y):
    # d copysign(x, y) / dx = +1 where x and y have the same sign bit, else -1
    return E.stop_gradient(E.mul(copysign(1.0, x), copysign(1.0, y)))


def _copysign_jvp(primals, tangents):
    (x, y), (tx, _) = primals, tangents
    out = copysign(x, y)
    if tx is None:
        return out, None
    return out, _bcast(E.mul(tx, _sign_factor(x, y)), out)


def _copysign_vjp(ct, ins, out, needs):
    x, y = ins
    return (_unb(E.mul(ct, _sign_factor(x, y)), x) if needs[0] else None), None


copysign_p: Primitive = defprim(
    "copysign", impl=lambda xp, x, y: xp.copysign(x, y),
    abstract=_float_binary_abstract("copysign"), jvp=_copysign_jvp, vjp=_copysign_vjp,
    batch=lambda vals, dims: U.broadcasting_batch(copysign_p, vals, dims),
    saves="ins", ufunc="copysign")


def copysign(x, y):
    """``|x|`` with the sign bit of ``y`` (floats; -0.0 and NaN signs included)."""
    return copysign_p.bind(*U.promote(x, y))


# ---------------------------------------------------------------- nextafter

def _nextafter_jvp(primals, tangents):
    (x, y), (tx, _) = primals, tangents
    out = nextafter(x, y)
    return out, (None if tx is None else _bcast(tx, out))


nextafter_p: Primitive = defprim(
    "nextafter", impl=lambda xp, x, y: xp.nextafter(x, y),
    abstract=_float_binary_abstract("nextafter"), jvp=_nextafter_jvp,
    vjp=lambda ct, ins, out, needs: ((_unb(ct, ins[0]) if needs[0] else None), None),
    batch=lambda vals, dims: U.broadcasting_batch(nextafter_p, vals, dims),
    saves="shapes", ufunc="nextafter")


def nextafter(x, y):
    """The next float after ``x`` towards ``y``."""
    return nextafter_p.bind(*U.promote(x, y))


# ---------------------------------------------------------------- bitwise

def _int_binary_abstract(name):
    def abstract(x, y):
        if x.dtype != y.dtype or x.dtype.kind not in "biu":
            raise TypeError(f"{name}: needs two integer or boolean operands of one dtype, "
                            f"got {x.dtype} and {y.dtype}")
        try:
            shape = np.broadcast_shapes(x.shape, y.shape)
        except ValueError:
            raise ValueError(f"{name}: shapes {x.shape} and {y.shape} do not broadcast "
                             f"together") from None
        return ShapedArray(shape, x.dtype, x.weak_type and y.weak_type)
    return abstract


def _def_int_binary(name, kernel, commutative=False, bool_ok=True):
    base = _int_binary_abstract(name)

    def abstract(x, y):
        out = base(x, y)
        if not bool_ok and out.dtype.kind == "b":
            raise TypeError(f"{name}: needs integer operands, got bool")
        return out

    p = defprim(
        name, impl=lambda xp, x, y: getattr(xp, kernel)(x, y), abstract=abstract,
        jvp=lambda primals, tangents: (p.bind(*primals), None),
        vjp=lambda ct, ins, out, needs: (None, None),
        batch=lambda vals, dims: U.broadcasting_batch(p, vals, dims),
        # no ufunc trait: jit's plan probes ufuncs with float buffers (integer-only here)
        saves="nothing", commutative=commutative)
    return p


and_p = _def_int_binary("and", "bitwise_and", commutative=True)
or_p = _def_int_binary("or", "bitwise_or", commutative=True)
shift_left_p = _def_int_binary("shift_left", "left_shift", bool_ok=False)
shift_right_p = _def_int_binary("shift_right", "right_shift", bool_ok=False)
# integer floor division, exact at any magnitude (a float path rounds above 2**53)
idiv_p = _def_int_binary("idiv", "floor_divide", bool_ok=False)


def _invert_abstract(x):
    if x.dtype.kind not in "biu":
        raise TypeError(f"bitwise_invert: needs an integer or boolean operand, got {x.dtype}")
    return ShapedArray(x.shape, x.dtype, x.weak_type)


invert_p: Primitive = defprim(
    "not", impl=lambda xp, x: xp.invert(x), abstract=_invert_abstract,
    jvp=lambda primals, tangents: (invert_p.bind(*primals), None),
    vjp=lambda ct, ins, out, needs: (None,),
    batch=lambda vals, dims: (invert_p.bind(vals[0]), dims[0]),
    saves="nothing")


def bitwise_and(x, y): return and_p.bind(*U.promote(x, y))
def bitwise_or(x, y): return or_p.bind(*U.promote(x, y))
def shift_left(x, y): return shift_left_p.bind(*U.promote(x, y))
def shift_right(x, y): return shift_right_p.bind(*U.promote(x, y))
def bitwise_invert(x): return invert_p.bind(x)
def idiv(x, y): return idiv_p.bind(*U.promote(x, y))


# ---------------------------------------------------------------- searchsorted

def _searchsorted_abstract(a, v, side):
    if a.ndim != 1:
        raise ValueError(f"searchsorted: the sorted array must be 1-d, got shape {a.shape}")
    if side not in ("left", "right"):
        raise ValueError(f"searchsorted: side must be 'left' or 'right', got {side!r}")
    return ShapedArray(v.shape, np.dtype(np.int64), False)


def _searchsorted_batch(vals, dims, side):
    (a, v), (da, dv) = vals, dims
    if da is None:
        # one sorted array: every batch element is just more query values
        return searchsorted(a, v, side), dv
    # a batch of sorted arrays: count a[b, :] < v (left) / <= v (right) per query
    n = U.batch_size(vals, dims)
    a = U.moveaxis(a, da, 0)
    v = U.bdim_to_front(v, dv, n)
    vs = get_aval(v).shape
    a = U.shp.reshape(a, (n,) + (1,) * (len(vs) - 1) + (get_aval(a).shape[1],))
    v = U.shp.reshape(v, vs + (1,))
    hit = E.lt(a, v) if side == "left" else E.le(a, v)
    cnt = R.reduce_sum(E.convert_element_type(hit, np.int64), (len(vs),))
    return cnt, 0


searchsorted_p = defprim(
    "searchsorted",
    impl=lambda xp, a, v, side: xp.searchsorted(a, v, side=side).astype(np.int64, copy=False),
    abstract=_searchsorted_abstract,
    jvp=lambda primals, tangents, side: (searchsorted(primals[0], primals[1], side), None),
    vjp=lambda ct, ins, out, needs, side: (None, None),
    batch=_searchsorted_batch, saves="nothing", no_fold=True)


def searchsorted(a, v, side="left"):
    """Insertion points of ``v`` into the sorted 1-d ``a`` (int64, v's shape)."""
    return searchsorted_p.bind(*U.promote(a, v), side=side)


# ------------------------------------------- sorting, written with primitives
# Sorted values are a gather of the input at argsort's indices, so gather's
# rules give sort and top_k their derivatives (and batching) with no new rule.

def argsort_along(x, axis, descending=False):
    """Stable argsort along ``axis``; descending keeps ties in their original order
    (the ascending stable order of the reversed array, reversed back)."""
    from .prng import argsort
    if not descending:
        return argsort(x, axis)
    n = get_aval(x).shape[axis]
    i = argsort(I.rev(x, (axis,)), axis)
    return E.sub(np.int64(n - 1), I.rev(i, (axis,)))


def take_along(x, idx, axis):
    """``x`` gathered along ``axis`` at ``idx`` (same rank, idx's shape along axis)."""
    x = U.moveaxis(x, axis, -1)
    idx = U.moveaxis(idx, axis, -1)
    xs, js = get_aval(x).shape, get_aval(idx).shape
    m = int(np.prod(xs[:-1], dtype=np.int64))
    flat_x = U.shp.reshape(x, (m * xs[-1],))
    rows = U.shp.reshape(idx, (m, js[-1]))
    flat_i = I._flat_batch_index(rows, xs[-1], m)
    out = U.shp.reshape(I.gather(flat_x, flat_i), js)
    return U.moveaxis(out, -1, axis)


def top_k(operand, k):
    """The ``k`` largest entries along the last axis and their indices (int64),
    largest first, ties in index order: JAX's ``lax.top_k``."""
    a = get_aval(operand)
    if a.ndim == 0:
        raise ValueError("top_k: the operand must have at least one axis, got a 0-d array")
    k = int(k)
    if not 0 <= k <= a.shape[-1]:
        raise ValueError(f"top_k: k={k} is out of range for a last axis of size "
                         f"{a.shape[-1]} (shape {a.shape})")
    ax = a.ndim - 1
    idx = argsort_along(operand, ax, descending=True)
    idx = U.shp.slice_(idx, (0,) * a.ndim, a.shape[:-1] + (k,))
    return take_along(operand, idx, ax), idx


# ------------------------------------------- inverse hyperbolics and cbrt
# NumPy's kernels (accurate near 0 and for large |x|, where log/sqrt formulas
# lose digits or overflow); derivatives 1/sqrt(x^2+1), 1/sqrt(x^2-1), 1/(1-x^2)
# and 1/(3 cbrt(x)^2), infinite at the domain edges, so applied with safe_mul.
# (No c_expr: jit's fusion keeps them as separate NumPy kernels.)

asinh_p = E._def_unary("asinh", "arcsinh",
                       lambda x, o: E.div(1.0, E.sqrt(E.add(E.mul(x, x), 1.0))))
acosh_p = E._def_unary("acosh", "arccosh",
                       lambda x, o: E.div(1.0, E.sqrt(E.sub(E.mul(x, x), 1.0))))
atanh_p = E._def_unary("atanh", "arctanh", lambda x, o: E.div(1.0, E.sub(1.0, E.mul(x, x))))
cbrt_p = E._def_unary("cbrt", "cbrt", lambda x, o: E.div(1.0 / 3.0, E.mul(o, o)), saves="out")


def asinh(x): return asinh_p.bind(x)
def acosh(x): return acosh_p.bind(x)
def atanh(x): return atanh_p.bind(x)
def cbrt(x): return cbrt_p.bind(x)


__all__ = ["fmod", "copysign", "nextafter", "bitwise_and", "bitwise_or", "shift_left",
           "shift_right", "bitwise_invert", "idiv", "searchsorted",
           "argsort_along", "take_along", "top_k", "asinh", "acosh", "atanh", "cbrt"]
