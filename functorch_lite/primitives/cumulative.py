"""cumsum (along one axis, optionally reversed: the pair transpose each other)
and argmax (integer output, no derivative; argmin is argmax of -x)."""
import numpy as np

from ..core.ir import ShapedArray
from ..core.primitive import defprim


def _check_axis(name, x, axis):
    if not 0 <= axis < x.ndim:
        raise ValueError(f"{name}: axis {axis} is out of range for shape {x.shape}")


def _moved_axis(axis, d):
    # position in the batched value of the unbatched axis ``axis`` (batch axis at d)
    return axis + (axis >= d)


# ----------------------------------------------------------------- cumsum

def _cumsum_impl(xp, x, axis, reverse):
    if reverse:
        return xp.flip(xp.cumsum(xp.flip(x, axis), axis=axis, dtype=x.dtype), axis)
    return xp.cumsum(x, axis=axis, dtype=x.dtype)


def _cumsum_abstract(x, axis, reverse):
    _check_axis("cumsum", x, axis)
    return ShapedArray(x.shape, x.dtype, x.weak_type)


cumsum_p = defprim(
    "cumsum", impl=_cumsum_impl, abstract=_cumsum_abstract,
    jvp=lambda primals, tangents, axis, reverse: (
        cumsum(primals[0], axis, reverse),
        None if tangents[0] is None else cumsum(tangents[0], axis, reverse)),
    vjp=lambda ct, ins, out, needs, axis, reverse: (cumsum(ct, axis, not reverse),),
    batch=lambda vals, dims, axis, reverse: (
        cumsum(vals[0], _moved_axis(axis, dims[0]), reverse), dims[0]),
    saves="nothing")

# ----------------------------------------------------------------- argmax

def _argmax_impl(xp, x, axis, index_dtype):
    if x.shape[axis] == 0:
        raise ValueError(f"argmax: attempt to get argmax of an empty sequence "
                         f"(axis {axis} of shape {x.shape})")
    return xp.asarray(xp.argmax(x, axis=axis)).astype(index_dtype, copy=False)


def _argmax_abstract(x, axis, index_dtype):
    _check_axis("argmax", x, axis)
    if x.dtype.kind not in "biuf":
        raise TypeError(f"argmax: unsupported dtype {x.dtype} (shape {x.shape})")
    return ShapedArray(x.shape[:axis] + x.shape[axis + 1:], index_dtype, False)


def _argmax_batch(vals, dims, axis, index_dtype):
    (x,), (d,) = vals, dims
    a = _moved_axis(axis, d)
    return argmax(x, a, index_dtype), d - (a < d)


argmax_p = defprim(
    "argmax", impl=_argmax_impl, abstract=_argmax_abstract,
    jvp=lambda primals, tangents, axis, index_dtype: (argmax(primals[0], axis, index_dtype), None),
    vjp=lambda ct, ins, out, needs, axis, index_dtype: (None,),
    batch=_argmax_batch, saves="nothing")


def cumsum(x, axis, reverse=False):
    return cumsum_p.bind(x, axis=int(axis), reverse=bool(reverse))


def argmax(x, axis, index_dtype=np.int64):
    return argmax_p.bind(x, axis=int(axis), index_dtype=np.dtype(index_dtype))


__all__ = ["cumsum", "argmax"]
