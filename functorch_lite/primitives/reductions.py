"""Reductions over static axes: reduce_sum, reduce_max (reduce_min is -max(-x))."""
import numpy as np

from ..core.ir import ShapedArray
from ..core.trace import get_aval
from . import _util as U
from ..core.primitive import defprim


def _check_axes(name, shape, axes):
    for a in axes:
        if not 0 <= a < len(shape):
            raise ValueError(f"{name}: axis {a} is out of range for shape {shape}")


def _reduce_abstract(name):
    def abstract(x, axes):
        _check_axes(name, x.shape, axes)
        return ShapedArray(tuple(d for i, d in enumerate(x.shape) if i not in axes),
                           x.dtype, x.weak_type)
    return abstract


def _kept_dims(ndim, axes):
    return tuple(i for i in range(ndim) if i not in axes)


def _batch_axes(axes, d):
    # the batch axis sits at d; the reduced axes refer to the unbatched value
    return tuple(a + (a >= d) for a in axes)


def _reduce_out_dim(d, axes):
    return d - sum(1 for a in axes if a < d)


# ---------------------------------------------------------------- reduce_sum

def _sum_impl(xp, x, axes):
    if x.dtype.kind in "biu":
        # NumPy widens small integers (uint8 -> uint64); the aval keeps x's dtype
        return xp.asarray(xp.sum(x, axis=axes, dtype=x.dtype))
    # a full reduction through x.sum() skips NumPy's slower tuple-axis path
    if len(axes) == x.ndim:
        return xp.asarray(x.sum())
    return xp.asarray(xp.sum(x, axis=axes))


def _sum_jvp(primals, tangents, axes):
    (x,), (t,) = primals, tangents
    return reduce_sum(x, axes), (None if t is None else reduce_sum(t, axes))


def _sum_vjp(ct, ins, out, needs, axes):
    shape = U.shape_of(ins[0])
    return (U.shp.broadcast_in_dim(ct, shape, _kept_dims(len(shape), axes)),)


def _sum_batch(vals, dims, axes):
    (x,), (d,) = vals, dims
    new_axes = _batch_axes(axes, d)
    return reduce_sum(x, new_axes), _reduce_out_dim(d, new_axes)


def _sum_bound(bounds, in_avals, out_avals, axes):
    if bounds[0] == float("inf"):
        return None
    return bounds[0] * max(1, in_avals[0].size // max(1, out_avals[0].size))


reduce_sum_p = defprim("reduce_sum", impl=_sum_impl, abstract=_reduce_abstract("reduce_sum"),
                       jvp=_sum_jvp, vjp=_sum_vjp, batch=_sum_batch, saves="shapes",
                       torch_name="SumBackward1", bound=_sum_bound, fuse_reduction="sum")

# ---------------------------------------------------------------- reduce_max

def _max_impl(xp, x, axes):
    if any(x.shape[a] == 0 for a in axes):
        raise ValueError(f"reduce_max: zero-size axis in shape {x.shape}; max of an "
                         f"empty array has no identity")
    return xp.asarray(xp.max(x, axis=axes))


def _max_weights(x, out, axes):
    # ties share the derivative equally (as JAX and torch.amax do)
    shape = get_aval(x).shape
    kept = _kept_dims(len(shape), axes)
    hit = U.ew.convert_element_type(U.ew.eq(x, U.shp.broadcast_in_dim(out, shape, kept)),
                                    get_aval(x).dtype)
    count = reduce_sum(hit, axes)
    return hit, count, kept


def _max_jvp(primals, tangents, axes):
    (x,), (t,) = primals, tangents
    out = reduce_max(x, axes)
    if t is None:
        return out, None
    hit, count, _ = _max_weights(x, out, axes)
    return out, U.ew.div(reduce_sum(U.ew.mul(t, hit), axes), count)


def _max_vjp(ct, ins, out, needs, axes):
    x = ins[0]
    hit, count, kept = _max_weights(x, out, axes)
    shape = get_aval(x).shape
    share = U.shp.broadcast_in_dim(U.ew.div(ct, count), shape, kept)
    return (U.ew.mul(share, hit),)


def _max_batch(vals, dims, axes):
    (x,), (d,) = vals, dims
    new_axes = _batch_axes(axes, d)
    return reduce_max(x, new_axes), _reduce_out_dim(d, new_axes)


reduce_max_p = defprim("reduce_max", impl=_max_impl, abstract=_reduce_abstract("reduce_max"),
                       jvp=_max_jvp, vjp=_max_vjp, batch=_max_batch, saves="ins+out",
                       layout_only=True, torch_name="AmaxBackward0")


def _norm_axes(axes, ndim):
    if axes is None:
        return tuple(range(ndim))
    if isinstance(axes, (int, np.integer)):
        axes = (axes,)
    return tuple(sorted(int(a) % ndim if ndim else int(a) for a in axes))


def reduce_sum(x, axes):
    return reduce_sum_p.bind(x, axes=tuple(axes))


def reduce_max(x, axes):
    return reduce_max_p.bind(x, axes=tuple(axes))
