"""More shape functions: append insert delete array_split hsplit vsplit dsplit
dstack column_stack row_stack rot90 resize, and the Array API's concat,
permute_dims, matrix_transpose, unstack.

All are slices, concatenations, reshapes and gathers of the input (with static
positions), so they differentiate, batch and trace through those primitives.
"""
import numpy as _np

from .. import primitives as P
from ..core.trace import Tracer, get_aval
from ._base import _arr, _norm_axis
from ._shape import concatenate, flip, ravel, split, stack, swapaxes, transpose


def _static_ints(v, name, what):
    if isinstance(v, Tracer):
        v = v.concrete(f"{name}'s {what} (they set the output shape)")
    return _np.asarray(v)


def append(arr, values, axis=None):
    """``arr`` with ``values`` appended (flattened when axis is None)."""
    x, v = _arr(arr, "append"), _arr(values, "append")
    if axis is None:
        return concatenate([ravel(x), ravel(v)], 0)
    return concatenate([x, v], axis)


def delete(arr, obj, axis=None):
    """``arr`` without the entries ``obj`` (ints, a slice or a boolean mask) along
    ``axis`` (None: flattened).  Positions must be static."""
    x = _arr(arr, "delete")
    if axis is None:
        x, axis = ravel(x), 0
    ax = _norm_axis(axis, get_aval(x).ndim, "delete")
    n = get_aval(x).shape[ax]
    keep = _np.ones(n, bool)
    if isinstance(obj, slice):
        keep[obj] = False
    else:
        o = _static_ints(obj, "delete", "positions")
        if o.dtype == bool:
            if o.shape != (n,):
                raise ValueError(f"delete: a boolean mask needs shape ({n},), got {o.shape}")
            keep = ~o
        else:
            o = o.astype(_np.int64).ravel()
            if ((o < -n) | (o >= n)).any():
                raise IndexError(f"delete: index {o[(o < -n) | (o >= n)][0]} is out of "
                                 f"bounds for axis {ax} with size {n}")
            keep[o] = False
    from ._indexing import take
    return take(x, _np.nonzero(keep)[0].astype(_np.int64), axis=ax)


def insert(arr, obj, values, axis=None):
    """``values`` inserted before the positions ``obj`` along ``axis`` (None:
    flattened).  Positions must be static; values broadcast as NumPy's."""
    x = _arr(arr, "insert")
    if axis is None:
        x, axis = ravel(x), 0
    ax = _norm_axis(axis, get_aval(x).ndim, "insert")
    shape = get_aval(x).shape
    n = shape[ax]
    scalar_obj = isinstance(obj, (int, _np.integer))
    if isinstance(obj, slice):
        pos = _np.arange(*obj.indices(n))
    else:
        pos = _static_ints(obj, "insert", "positions").astype(_np.int64)
    pos = _np.where(pos < 0, pos + n, pos).ravel()
    if ((pos < 0) | (pos > n)).any():
        raise IndexError(f"insert: index out of bounds for axis {ax} with size {n}")
    v = P.convert_element_type(_arr(values, "insert"), get_aval(x).dtype)
    vs = get_aval(v).shape
    if len(vs) < len(shape):  # NumPy's ndmin: leading 1s
        v = P.reshape(v, (1,) * (len(shape) - len(vs)) + vs)
    if scalar_obj:
        # NumPy: a scalar position inserts a block; values' first axis goes to ax
        v = _moveaxis_first_to(v, ax)
        k = get_aval(v).shape[ax]
        pos = _np.full(k, pos[0])
    else:
        k = len(pos)
    v = P.broadcast_to(v, shape[:ax] + (k,) + shape[ax + 1:])
    # inserted values go before the original entry at their position: sort keys
    # 2p for values, 2i+1 for originals
    key = _np.concatenate([_np.arange(n) * 2 + 1, pos * 2])
    order = _np.argsort(key, kind="stable")
    from ._indexing import take
    return take(concatenate([x, v], ax), order.astype(_np.int64), axis=ax)


def _moveaxis_first_to(v, ax):
    nd = get_aval(v).ndim
    perm = list(range(1, nd))
    perm.insert(ax, 0)
    return P.transpose(v, tuple(perm))


def array_split(ary, indices_or_sections, axis=0):
    """Like split, but a section count need not divide the axis: the first
    ``n % sections`` parts get one extra entry (NumPy's array_split)."""
    x = _arr(ary, "array_split")
    ax = _norm_axis(axis, get_aval(x).ndim, "array_split")
    n = get_aval(x).shape[ax]
    if isinstance(indices_or_sections, (int, _np.integer)):
        k = int(indices_or_sections)
        if k <= 0:
            raise ValueError(f"array_split: number of sections must be larger than 0, got {k}")
        q, r = divmod(n, k)
        sizes = [q + 1] * r + [q] * (k - r)
        cuts = list(_np.cumsum(sizes)[:-1])
        return split(x, [int(c) for c in cuts], axis=ax)
    return split(x, indices_or_sections, axis=ax)


def _split_nd(name, ary, ios, axis, min_nd):
    x = _arr(ary, name)
    if get_aval(x).ndim < min_nd:
        raise ValueError(f"{name}: needs an array of at least {min_nd} dimensions, got shape "
                         f"{get_aval(x).shape}")
    return split(x, ios, axis=axis)


def hsplit(ary, indices_or_sections):
    """Split along axis 1 (axis 0 for 1-d arrays)."""
    x = _arr(ary, "hsplit")
    return _split_nd("hsplit", x, indices_or_sections, 1 if get_aval(x).ndim > 1 else 0, 1)


def vsplit(ary, indices_or_sections):
    """Split along axis 0 (at least 2-d)."""
    return _split_nd("vsplit", ary, indices_or_sections, 0, 2)


def dsplit(ary, indices_or_sections):
    """Split along axis 2 (at least 3-d)."""
    return _split_nd("dsplit", ary, indices_or_sections, 2, 3)


def dstack(tup):
    """Stack along a third axis (inputs made at least 3-d as atleast_3d)."""
    from ._grids import atleast_3d
    xs = [atleast_3d(a) for a in tup]
    return concatenate(xs, 2)


def column_stack(tup):
    """1-d inputs become columns, 2-d inputs are joined along axis 1."""
    xs = []
    for a in tup:
        x = _arr(a, "column_stack")
        if get_aval(x).ndim < 2:
            x = P.reshape(x, (get_aval(x).size, 1))
        xs.append(x)
    return concatenate(xs, 1)


def row_stack(tup):
    """``vstack`` (NumPy's old name)."""
    from ._shape import vstack
    return vstack(tup)


def rot90(m, k=1, axes=(0, 1)):
    """Rotate by 90 degrees k times in the plane of ``axes`` (first towards second)."""
    x = _arr(m, "rot90")
    nd = get_aval(x).ndim
    if len(axes) != 2:
        raise ValueError(f"rot90: axes must name two axes, got {axes}")
    a0, a1 = (_norm_axis(a, nd, "rot90") for a in axes)
    if a0 == a1:
        raise ValueError(f"rot90: axes must be different, got {axes}")
    k = int(k) % 4
    if k == 0:
        return x
    if k == 2:
        return flip(flip(x, a0), a1)
    if k == 1:
        return swapaxes(flip(x, a1), a0, a1)
    return flip(swapaxes(x, a0, a1), a1)


def resize(a, new_shape):
    """``a`` flattened, repeated cyclically to fill ``new_shape`` (NumPy's resize)."""
    x = ravel(_arr(a, "resize"))
    shape = (int(new_shape),) if isinstance(new_shape, (int, _np.integer)) else \
        tuple(int(s) for s in new_shape)
    if any(s < 0 for s in shape):
        raise ValueError(f"resize: all elements of new_shape must be non-negative, got {shape}")
    total = int(_np.prod(shape, dtype=_np.int64))
    n = get_aval(x).size
    if n == 0 or total == 0:
        return _np.zeros(shape, get_aval(x).dtype) if n == 0 else P.reshape(
            P.slice_(x, (0,), (0,)), shape)
    from ._indexing import take
    return P.reshape(take(x, _np.arange(total, dtype=_np.int64) % n), shape)


# ------------------------------------------------------------ Array API names

def concat(arrays, /, *, axis=0):
    """The Array API's concatenate (axis=None flattens every input first)."""
    if axis is None:
        return concatenate([ravel(_arr(a, "concat")) for a in arrays], 0)
    return concatenate(arrays, axis)


def permute_dims(x, /, axes):
    """The Array API's transpose with explicit axes."""
    return transpose(x, axes)


def matrix_transpose(x, /):
    """Swap the last two axes (the Array API's ``x.mT``)."""
    v = _arr(x, "matrix_transpose")
    if get_aval(v).ndim < 2:
        raise ValueError(f"matrix_transpose: needs at least 2 dimensions, got shape "
                         f"{get_aval(v).shape}")
    return swapaxes(v, -1, -2)


def unstack(x, /, *, axis=0):
    """The slices of ``x`` along ``axis`` as a tuple (the inverse of stack)."""
    v = _arr(x, "unstack")
    nd = get_aval(v).ndim
    if nd == 0:
        raise ValueError("unstack: needs at least one dimension, got a 0-d array")
    ax = _norm_axis(axis, nd, "unstack")
    s = get_aval(v).shape
    out = []
    for i in range(s[ax]):
        lo = tuple(i if j == ax else 0 for j in range(nd))
        hi = tuple(i + 1 if j == ax else d for j, d in enumerate(s))
        out.append(P.reshape(P.slice_(v, lo, hi), s[:ax] + s[ax + 1:]))
    return tuple(out)


__all__ = ["append", "delete", "insert", "array_split", "hsplit", "vsplit", "dsplit",
           "dstack", "column_stack", "row_stack", "rot90", "resize", "concat",
           "permute_dims", "matrix_transpose", "unstack", "stack"]
