"""The PRNG family: ``threefry2x32``, the counter-based hash behind JAX's default
PRNG, and the three integer operations ``functorch_lite.random`` needs to turn
its output into JAX's numbers that the library had no primitive for:
``xor`` (``bitwise_xor``: 32-bit random bits are ``hi ^ lo``), ``rem`` on integers
(randint's span reduction, exact for 64-bit values where a float path is not)
and ``argsort`` (stable; permutation sorts by random keys).

All four have integer outputs: their tangents and cotangents are ``None``, as
for ``argmax`` and the comparisons.  None is constant-folded (``no_fold``): a
folded hash would bake a whole random array into the plan.
"""
import numpy as np

from ..core.ir import ShapedArray
from ..core.primitive import defprim, Primitive
from . import _util as U

_U32 = np.dtype(np.uint32)


# ---------------------------------------------------------------- threefry2x32

def _rotl(xp, x, r):
    return (x << _U32.type(r)) | (x >> _U32.type(32 - r))


_ROTATIONS = ((13, 15, 26, 6), (17, 29, 16, 24))


def _threefry_impl(xp, k1, k2, x1, x2):
    for name, v in zip(("key1", "key2", "count1", "count2"), (k1, k2, x1, x2)):
        if getattr(v, "dtype", None) != _U32:
            raise TypeError(f"threefry2x32: argument {name} must be uint32, got "
                            f"{getattr(v, 'dtype', type(v).__name__)}")
    shape = np.broadcast_shapes(*(np.shape(a) for a in (k1, k2, x1, x2)))
    # 1-d arrays throughout: uint32 wrap-around is silent for arrays (scalars warn)
    n = int(np.prod(shape))
    k1, k2, a, b = (xp.broadcast_to(xp.asarray(v, dtype=_U32), shape).reshape(n)
                    for v in (k1, k2, x1, x2))
    ks = (k1, k2, k1 ^ k2 ^ _U32.type(0x1BD11BDA))
    a = a + ks[0]
    b = b + ks[1]
    for i in range(5):
        for r in _ROTATIONS[i % 2]:
            a = a + b
            b = _rotl(xp, b, r)
            b = a ^ b
        a = a + ks[(i + 1) % 3]
        b = b + ks[(i + 2) % 3] + _U32.type(i + 1)
    return [a.reshape(shape), b.reshape(shape)]


def _threefry_abstract(k1, k2, x1, x2):
    for name, v in zip(("key1", "key2", "count1", "count2"), (k1, k2, x1, x2)):
        if v.dtype != _U32:
            raise TypeError(f"threefry2x32: argument {name} must be uint32, got {v.dtype}")
    try:
        shape = np.broadcast_shapes(k1.shape, k2.shape, x1.shape, x2.shape)
    except ValueError:
        raise ValueError(f"threefry2x32: shapes {k1.shape}, {k2.shape}, {x1.shape}, "
                         f"{x2.shape} do not broadcast together") from None
    return [ShapedArray(shape, _U32, False)] * 2


def _front_broadcast(vals, dims):
    """Batch axes to the front, every operand at the same rank (numpy broadcasting)."""
    n = U.batch_size(vals, dims)
    ranks = [U.aval(v).ndim - (d is not None) for v, d in zip(vals, dims)]
    r = max(ranks)
    out = []
    for v, d, rk in zip(vals, dims, ranks):
        if d is None:
            v = U.shp.reshape(v, (1,) * (r - rk + 1) + tuple(U.aval(v).shape))
        else:
            v = U.moveaxis(v, d, 0)
            s = U.aval(v).shape
            v = U.shp.reshape(v, (s[0],) + (1,) * (r - rk) + s[1:])
        out.append(v)
    return out, n


def _threefry_batch(vals, dims):
    vals, _ = _front_broadcast(vals, dims)
    return threefry2x32_p.bind(*vals), [0, 0]


threefry2x32_p: Primitive = defprim(
    "threefry2x32", impl=_threefry_impl, abstract=_threefry_abstract,
    jvp=lambda primals, tangents: (threefry2x32_p.bind(*primals), [None, None]),
    vjp=lambda ct, ins, out, needs: (None, None, None, None),
    batch=_threefry_batch, saves="nothing", multiple_results=True, no_fold=True)


def threefry2x32(key1, key2, count1, count2):
    """The Threefry-2x32 hash (20 rounds) of the counter pairs ``(count1, count2)``
    under the key ``(key1, key2)``: two uint32 arrays of the broadcast shape."""
    return threefry2x32_p.bind(key1, key2, count1, count2)


# ---------------------------------------------------------------- bitwise_xor

def _int_binary_abstract(name):
    def abstract(x, y):
        if x.dtype != y.dtype or x.dtype.kind not in "iub":
            raise TypeError(f"{name}: needs two integer operands of one dtype, got "
                            f"{x.dtype} and {y.dtype}")
        try:
            shape = np.broadcast_shapes(x.shape, y.shape)
        except ValueError:
            raise ValueError(f"{name}: shapes {x.shape} and {y.shape} do not broadcast "
                             f"together") from None
        return ShapedArray(shape, x.dtype, x.weak_type and y.weak_type)
    return abstract


xor_p: Primitive = defprim(
    "xor", impl=lambda xp, x, y: xp.bitwise_xor(x, y),
    abstract=_int_binary_abstract("xor"),
    jvp=lambda primals, tangents: (xor_p.bind(*primals), None),
    vjp=lambda ct, ins, out, needs: (None, None),
    batch=lambda vals, dims: U.broadcasting_batch(xor_p, vals, dims),
    saves="nothing", commutative=True, no_fold=True)


def _rem_impl(xp, x, y):
    # C's remainder (the dividend's sign), as lax.rem; integers only
    return xp.fmod(x, y)


rem_p: Primitive = defprim(
    "rem", impl=_rem_impl, abstract=_int_binary_abstract("rem"),
    jvp=lambda primals, tangents: (rem_p.bind(*primals), None),
    vjp=lambda ct, ins, out, needs: (None, None),
    batch=lambda vals, dims: U.broadcasting_batch(rem_p, vals, dims),
    saves="nothing", no_fold=True)


def bitwise_xor(x, y):
    """Elementwise ``x ^ y`` of two integer arrays of one dtype."""
    return xor_p.bind(x, y)


def rem(x, y):
    """Elementwise integer remainder with the dividend's sign (C's ``%``, ``lax.rem``)."""
    return rem_p.bind(x, y)


# ---------------------------------------------------------------- argsort

def _argsort_impl(xp, x, axis):
    return xp.argsort(x, axis=axis, kind="stable").astype(np.int64, copy=False)


def _argsort_abstract(x, axis):
    if not 0 <= axis < x.ndim:
        raise ValueError(f"argsort: axis {axis} is out of range for shape {x.shape}")
    if x.dtype.kind not in "biuf":
        raise TypeError(f"argsort: unsupported dtype {x.dtype}")
    return ShapedArray(x.shape, np.dtype(np.int64), False)


def _argsort_batch(vals, dims, axis):
    (x,), (d,) = vals, dims
    x = U.moveaxis(x, d, 0)
    return argsort(x, axis + 1), 0


argsort_p = defprim(
    "argsort", impl=_argsort_impl, abstract=_argsort_abstract,
    jvp=lambda primals, tangents, axis: (argsort(primals[0], axis), None),
    vjp=lambda ct, ins, out, needs, axis: (None,),
    batch=_argsort_batch, saves="nothing", no_fold=True)


def argsort(x, axis):
    """Indices that sort ``x`` along ``axis``, stable (ties keep their order): int64."""
    return argsort_p.bind(x, axis=int(axis))


__all__ = ["threefry2x32", "bitwise_xor", "rem", "argsort"]
