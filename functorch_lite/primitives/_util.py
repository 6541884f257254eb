"""Helpers shared by the primitive families, written with primitives only.

Module-level imports are of sibling *modules* (not names) so the families may
refer to each other without import-order trouble.
"""
from typing import Any

import numpy as np

from ..core.trace import Tracer, _extra_array_types, check_read_back, concrete_value, get_aval
from . import elementwise as ew
from . import reductions as red
from . import shape as shp

PY_SCALARS = (bool, int, float, complex)


def aval(x):
    return get_aval(x)


def shape_of(x):
    """Shape without building an aval (hot in rules): arrays, tracers, scalars,
    and the avals a reverse tape keeps for a rule that reads only shapes."""
    return getattr(x, "shape", ())


def full(shape, value, dtype, like=None):
    """A constant array.  From a NumPy scalar, so inside a jit plan it is made on
    the plan's backend; eagerly it is made on ``like``'s backend when given."""
    s = np.array(value, dtype=dtype)[()]
    xp = _extra_array_types.get(type(concrete_value(like)))
    if xp is not None:                  # a device array: made there directly
        return xp.full(tuple(shape), s, dtype=s.dtype)
    return shp.broadcast_in_dim(s, tuple(shape), ())


def read_predicate(p, prim):
    """bool(p) for cond/while: a device predicate is read back to the host (a
    sync, which transfer_guard checks: control flow runs host-driven)."""
    check_read_back(p, f"{prim}: reading its predicate back from the device")
    return bool(p)


def backend_ref(*groups):
    """The first array among lists of values (its backend is the computation's),
    for ``full(..., like=)``; None when there are only scalars."""
    for g in groups:
        for x in g:
            if x is not None and not isinstance(x, (np.generic,) + PY_SCALARS) \
                    and hasattr(x, "shape"):
                return x
    return None


def real_dtype(dt):
    """The real dtype of a complex one (complex64 -> float32); others unchanged."""
    dt = np.dtype(dt)
    return np.dtype(np.float32 if dt == np.complex64 else np.float64) if dt.kind == "c" else dt


def convert_impl(xp, x, new_dtype):
    """convert_element_type's kernel: complex -> real keeps the real part (as JAX;
    NumPy's astype would do so with a ComplexWarning)."""
    x = xp.asarray(x)
    if x.dtype.kind == "c" and np.dtype(new_dtype).kind != "c":
        x = x.real
    return x.astype(new_dtype)


def zeros_like(x):
    return ew.full_like(x, 0)


def ones_like(x):
    return ew.full_like(x, 1)


def unbroadcast(ct, shape):
    """Sum ``ct`` down to ``shape`` (the reverse of numpy broadcasting)."""
    ct_shape = ct.shape
    shape = tuple(shape)
    if ct_shape == shape:
        return ct
    lead = len(ct_shape) - len(shape)
    axes = tuple(range(lead)) + tuple(
        lead + i for i, d in enumerate(shape) if d == 1 and ct_shape[lead + i] != 1)
    if axes:
        ct = red.reduce_sum(ct, axes)
    if ct.shape != shape:
        ct = shp.reshape(ct, shape)
    return ct


def moveaxis(x, src, dst):
    nd = get_aval(x).ndim
    src, dst = src % nd, dst % nd
    if src == dst:
        return x
    perm = [i for i in range(nd) if i != src]
    perm.insert(dst, src)
    return shp.transpose(x, tuple(perm))


def bdim_to_front(x, d, size):
    """Batched value with its batch axis at 0 (broadcast if unbatched, d=None)."""
    if d is None:
        a = get_aval(x)
        return shp.broadcast_in_dim(x, (size,) + a.shape, tuple(range(1, a.ndim + 1)))
    return moveaxis(x, d, 0)


def batch_size(vals, dims):
    for v, d in zip(vals, dims):
        if d is not None:
            return get_aval(v).shape[d]
    raise ValueError("no batched operand")


def broadcasting_batch(prim, vals, dims, **params):
    """Batching for numpy-broadcasting n-ary elementwise primitives: batch axis
    goes to the front, and batched operands get size-1 axes so that numpy's
    right-aligned broadcasting lines the rest up."""
    ranks = [get_aval(v).ndim - (d is not None) for v, d in zip(vals, dims)]
    n = max(ranks)
    new = []
    for v, d, r in zip(vals, dims, ranks):
        if d is None:
            new.append(v)
            continue
        v = moveaxis(v, d, 0)
        if r < n:
            s = get_aval(v).shape
            v = shp.reshape(v, (s[0],) + (1,) * (n - r) + s[1:])
        new.append(v)
    return prim.bind(*new, **params), 0


_result_cache: dict[Any, Any] = {}


def promote(*xs):
    """NumPy-2 promotion: Python scalars are weak.  Returns same-dtype values;
    Python scalars become NumPy scalars of the result dtype (printed as literals)."""
    if len(xs) == 2:  # the hot case, kept short: no aval objects built
        a, b = xs
        da, db = getattr(a, "dtype", None), getattr(b, "dtype", None)
        if da is not None and db is not None and da == db:
            return xs
        if db is None and da is not None and type(b) in PY_SCALARS:
            key = (da, type(b))
            dt = _result_cache.get(key)
            if dt is None:
                dt = _result_cache[key] = np.result_type(da, b)
            if dt == da:
                return a, dt.type(b)
        elif da is None and db is not None and type(a) in PY_SCALARS:
            key = (db, type(a))
            dt = _result_cache.get(key)
            if dt is None:
                dt = _result_cache[key] = np.result_type(a, db)
            if dt == db:
                return dt.type(a), b
    from ..core.dtypes import result_type
    avals = [x if type(x) in PY_SCALARS else get_aval(x) for x in xs]
    dt = result_type(*avals)
    strong = [a for a in avals if type(a) not in PY_SCALARS and not a.weak_type]
    if strong and dt != result_type(*strong):
        # JAX's rule: a Python scalar that lifts strong operands to its own kind
        # (0.1 * i_int) gives a weak result, so ``u_f32 + 0.1 * i`` stays float32.
        # Only tracers carry the flag (a concrete NumPy array cannot).
        return tuple(x if type(x) in PY_SCALARS and get_aval(x).dtype == dt else
                     dt.type(x) if type(x) in PY_SCALARS else
                     ew.convert_element_type(x, dt, isinstance(x, Tracer))
                     for x in xs)
    return tuple(dt.type(x) if type(x) in PY_SCALARS else
                 (x if get_aval(x).dtype == dt else ew.convert_element_type(x, dt))
                 for x in xs)
