"""Shape primitives: broadcast_in_dim, reshape, transpose, slice, pad, concatenate."""
import numpy as np

from ..core.ir import ShapedArray
from ..core.trace import get_aval
from . import _util as U
from ..core.primitive import defprim, Primitive

# ---------------------------------------------------------- broadcast_in_dim

_SCALARS = (np.generic, bool, int, float, complex)


def _bid_impl(xp, x, shape, broadcast_dimensions):
    if isinstance(x, _SCALARS):
        # a host scalar is filled in on x's future backend (a kernel argument,
        # never a host->device copy)
        return xp.full(shape, x, dtype=getattr(x, "dtype", None) or np.asarray(x).dtype)
    x = xp.asarray(x)
    expanded = [1] * len(shape)
    for i, d in enumerate(broadcast_dimensions):
        expanded[d] = x.shape[i]
    # a fresh, writable array: results must never alias a read-only broadcast view
    out = xp.empty(shape, dtype=x.dtype)
    out[...] = x.reshape(expanded)
    return out


def _bid_abstract(x, shape, broadcast_dimensions):
    if len(broadcast_dimensions) != x.ndim:
        raise ValueError(f"broadcast_in_dim: operand of shape {x.shape} needs {x.ndim} "
                         f"broadcast dimensions, got {broadcast_dimensions}")
    for i, d in enumerate(broadcast_dimensions):
        if not (0 <= d < len(shape)) or x.shape[i] not in (1, shape[d]):
            raise ValueError(f"broadcast_in_dim: cannot broadcast shape {x.shape} to "
                             f"{tuple(shape)} with dimensions {broadcast_dimensions}")
    return ShapedArray(shape, x.dtype, x.weak_type)


def _bid_jvp(primals, tangents, shape, broadcast_dimensions):
    (x,), (t,) = primals, tangents
    out = broadcast_in_dim(x, shape, broadcast_dimensions)
    return out, (None if t is None else broadcast_in_dim(t, shape, broadcast_dimensions))


def _bid_vjp(ct, ins, out, needs, shape, broadcast_dimensions):
    xshape = U.shape_of(ins[0])
    new = tuple(i for i in range(len(shape)) if i not in broadcast_dimensions)
    stretched = tuple(d for i, d in enumerate(broadcast_dimensions)
                      if xshape[i] == 1 and shape[d] != 1)
    axes = tuple(sorted(new + stretched))
    ct = U.red.reduce_sum(ct, axes) if axes else ct
    return (reshape(ct, xshape) if get_aval(ct).shape != xshape else ct,)


def _bid_batch(vals, dims, shape, broadcast_dimensions):
    (x,), (d,) = vals, dims
    x = U.moveaxis(x, d, 0)
    size = get_aval(x).shape[0]
    return broadcast_in_dim(x, (size,) + tuple(shape),
                            (0,) + tuple(b + 1 for b in broadcast_dimensions)), 0


broadcast_in_dim_p = defprim(
    "broadcast_in_dim", impl=_bid_impl, abstract=_bid_abstract, jvp=_bid_jvp, vjp=_bid_vjp,
    batch=_bid_batch, saves="shapes", layout_only=True, torch_name="ExpandBackward0")

# ------------------------------------------------------------------- reshape


def _reshape_abstract(x, new_sizes):
    if int(np.prod(new_sizes)) != x.size:
        raise ValueError(f"reshape: cannot reshape an array of shape {x.shape} "
                         f"({x.size} elements) into shape {tuple(new_sizes)}")
    return ShapedArray(new_sizes, x.dtype, x.weak_type)


def _reshape_batch(vals, dims, new_sizes):
    x = U.moveaxis(vals[0], dims[0], 0)
    return reshape(x, (get_aval(x).shape[0],) + tuple(new_sizes)), 0


reshape_p = defprim(
    "reshape", impl=lambda xp, x, new_sizes: xp.reshape(x, new_sizes),
    abstract=_reshape_abstract,
    jvp=lambda primals, tangents, new_sizes: (
        reshape(primals[0], new_sizes),
        None if tangents[0] is None else reshape(tangents[0], new_sizes)),
    vjp=lambda ct, ins, out, needs, new_sizes: (reshape(ct, U.shape_of(ins[0])),),
    batch=_reshape_batch, saves="shapes", layout_only=True, torch_name="ViewBackward0")

# ----------------------------------------------------------------- transpose


def _transpose_abstract(x, permutation):
    if sorted(permutation) != list(range(x.ndim)):
        raise ValueError(f"transpose: {permutation} is not a permutation of the axes "
                         f"of shape {x.shape}")
    return ShapedArray(tuple(x.shape[p] for p in permutation), x.dtype, x.weak_type)


def _transpose_batch(vals, dims, permutation):
    x = U.moveaxis(vals[0], dims[0], 0)
    return transpose(x, (0,) + tuple(p + 1 for p in permutation)), 0


transpose_p = defprim(
    "transpose", impl=lambda xp, x, permutation: xp.transpose(x, permutation),
    abstract=_transpose_abstract,
    jvp=lambda primals, tangents, permutation: (
        transpose(primals[0], permutation),
        None if tangents[0] is None else transpose(tangents[0], permutation)),
    vjp=lambda ct, ins, out, needs, permutation: (
        transpose(ct, tuple(np.argsort(permutation))),),
    batch=_transpose_batch, saves="nothing", layout_only=True, torch_name="PermuteBackward0")

# --------------------------------------------------------------------- slice

def _slice_impl(xp, x, start_indices, limit_indices, strides):
    return x[tuple(slice(s, l, st) for s, l, st in zip(start_indices, limit_indices, strides))]


def _slice_abstract(x, start_indices, limit_indices, strides):
    if not (len(start_indices) == len(limit_indices) == len(strides) == x.ndim):
        raise ValueError(f"slice: need {x.ndim} start/limit/stride entries for shape {x.shape}")
    shape = []
    for d, s, l, st in zip(x.shape, start_indices, limit_indices, strides):
        if not (0 <= s <= l <= d) or st < 1:
            raise IndexError(f"slice: [{s}:{l}:{st}] is out of range for an axis of size "
                             f"{d} (shape {x.shape})")
        shape.append(max(0, -(-(l - s) // st)))
    return ShapedArray(shape, x.dtype, x.weak_type)


def _slice_vjp(ct, ins, out, needs, start_indices, limit_indices, strides):
    xshape = U.shape_of(ins[0])
    oshape = U.shape_of(ct)             # the output's shape (the tape keeps no output)
    config = []
    for d, s, st, n in zip(xshape, start_indices, strides, oshape):
        last = s + (n - 1) * st + 1 if n else s
        config.append((s, d - last, st - 1 if n else 0))
    return (pad(ct, np.zeros((), dtype=get_aval(ct).dtype)[()], tuple(config)),)


def _slice_batch(vals, dims, start_indices, limit_indices, strides):
    x = U.moveaxis(vals[0], dims[0], 0)
    n = get_aval(x).shape[0]
    return slice_(x, (0,) + tuple(start_indices), (n,) + tuple(limit_indices),
                  (1,) + tuple(strides)), 0


slice_p: Primitive = defprim(
    "slice", impl=_slice_impl, abstract=_slice_abstract,
    jvp=lambda primals, tangents, **p: (
        slice_p.bind(primals[0], **p),
        None if tangents[0] is None else slice_p.bind(tangents[0], **p)),
    vjp=_slice_vjp, batch=_slice_batch, saves="shapes", layout_only=True,
    torch_name="SliceBackward0")

# ----------------------------------------------------------------------- pad

def _pad_impl(xp, x, value, padding_config):
    shape = tuple(lo + hi + d + max(d - 1, 0) * it
                  for d, (lo, hi, it) in zip(x.shape, padding_config))
    out = xp.empty(shape, dtype=x.dtype)
    out[...] = value       # (value may be a 0-d device array: a broadcast copy, no sync)
    out[tuple(slice(lo, lo + (d - 1) * (it + 1) + 1 if d else lo, it + 1)
              for d, (lo, hi, it) in zip(x.shape, padding_config))] = x
    return out


def _pad_abstract(x, value, padding_config):
    if len(padding_config) != x.ndim or any(min(c) < 0 for c in padding_config):
        raise ValueError(f"pad: padding_config {padding_config} does not fit shape {x.shape} "
                         f"(one non-negative (low, high, interior) per axis)")
    shape = tuple(lo + hi + d + max(d - 1, 0) * it
                  for d, (lo, hi, it) in zip(x.shape, padding_config))
    return ShapedArray(shape, x.dtype, x.weak_type)


def _pad_unpad(ct, xshape, padding_config):
    return slice_(ct, tuple(lo for lo, _, _ in padding_config),
                  tuple(lo + (d - 1) * (it + 1) + 1 if d else lo
                        for d, (lo, _, it) in zip(xshape, padding_config)),
                  tuple(it + 1 for _, _, it in padding_config))


def _pad_jvp(primals, tangents, padding_config):
    (x, v), (tx, tv) = primals, tangents
    out = pad(x, v, padding_config)
    if tx is None and tv is None:
        return out, None
    tx = U.zeros_like(x) if tx is None else tx
    # a scalar zero (not a host 0-d array) so the pad value follows x's backend
    tv = np.zeros((), dtype=get_aval(v).dtype)[()] if tv is None else tv
    return out, pad(tx, tv, padding_config)


def _pad_vjp(ct, ins, out, needs, padding_config):
    x, v = ins
    inner = _pad_unpad(ct, U.shape_of(x), padding_config)
    cv = None
    if needs[1]:
        cv = U.ew.sub(U.red.reduce_sum(ct, tuple(range(get_aval(ct).ndim))),
                      U.red.reduce_sum(inner, tuple(range(get_aval(inner).ndim))))
    return inner, cv


def _pad_batch(vals, dims, padding_config):
    x, v = vals
    dx, dv = dims
    cfg = ((0, 0, 0),) + tuple(padding_config)
    if dv is None:
        return pad(U.moveaxis(x, dx, 0), v, cfg), 0
    # batched value: pad with zeros, then select the value where padding went
    size = U.batch_size(vals, dims)
    x = U.bdim_to_front(x, dx, size)
    xa = get_aval(x)
    out = pad(x, np.zeros((), dtype=xa.dtype)[()], cfg)
    where = pad(U.full(xa.shape[1:], False, bool, like=x), True, padding_config)
    v = U.moveaxis(v, dv, 0)
    v = reshape(v, (size,) + (1,) * (xa.ndim - 1))
    return U.ew.select(where, v, out), 0


pad_p = defprim("pad", impl=_pad_impl, abstract=_pad_abstract, jvp=_pad_jvp, vjp=_pad_vjp,
                batch=_pad_batch, saves="shapes", layout_only=True,
                torch_name="ConstantPadNdBackward0")

# --------------------------------------------------------------- concatenate


def _concat_abstract(*xs, dimension):
    x0 = xs[0]
    for x in xs[1:]:
        if x.ndim != x0.ndim or x.dtype != x0.dtype or any(
                a != b for i, (a, b) in enumerate(zip(x.shape, x0.shape)) if i != dimension):
            raise ValueError(f"concatenate: shapes {[a.shape for a in xs]} / dtypes "
                             f"{[str(a.dtype) for a in xs]} do not match except on axis {dimension}")
    if not 0 <= dimension < x0.ndim:
        raise ValueError(f"concatenate: axis {dimension} out of range for shape {x0.shape}")
    shape = list(x0.shape)
    shape[dimension] = sum(x.shape[dimension] for x in xs)
    return ShapedArray(shape, x0.dtype, all(x.weak_type for x in xs))


def _concat_jvp(primals, tangents, dimension):
    out = concatenate(primals, dimension)
    if all(t is None for t in tangents):
        return out, None
    ts = [U.zeros_like(p) if t is None else t for p, t in zip(primals, tangents)]
    return out, concatenate(ts, dimension)


def _concat_vjp(ct, ins, out, needs, dimension):
    cts, start = [], 0
    shape = get_aval(ct).shape
    for x, need in zip(ins, needs):
        n = U.shape_of(x)[dimension]
        if need:
            lo = [0] * len(shape)
            hi = list(shape)
            lo[dimension], hi[dimension] = start, start + n
            cts.append(slice_(ct, tuple(lo), tuple(hi), (1,) * len(shape)))
        else:
            cts.append(None)
        start += n
    return tuple(cts)


def _concat_batch(vals, dims, dimension):
    size = U.batch_size(vals, dims)
    xs = [U.bdim_to_front(v, d, size) for v, d in zip(vals, dims)]
    return concatenate(xs, dimension + 1), 0


concatenate_p = defprim(
    "concatenate", impl=lambda xp, *xs, dimension: xp.concatenate(xs, axis=dimension),
    abstract=_concat_abstract, jvp=_concat_jvp, vjp=_concat_vjp, batch=_concat_batch,
    saves="shapes", layout_only=True, torch_name="CatBackward0")


# ------------------------------------------------------------------ wrappers

def broadcast_in_dim(x, shape, broadcast_dimensions):
    shape, bd = tuple(int(s) for s in shape), tuple(broadcast_dimensions)
    if not isinstance(x, U.PY_SCALARS) and get_aval(x).shape == shape and bd == tuple(range(len(shape))):
        return x
    return broadcast_in_dim_p.bind(x, shape=shape, broadcast_dimensions=bd)


def broadcast_to(x, shape):
    xshape = get_aval(x).shape
    lead = len(shape) - len(xshape)
    return broadcast_in_dim(x, shape, tuple(range(lead, len(shape))))


def reshape(x, new_sizes):
    new_sizes = tuple(int(s) for s in new_sizes)
    if get_aval(x).shape == new_sizes:
        return x
    return reshape_p.bind(x, new_sizes=new_sizes)


def transpose(x, permutation):
    permutation = tuple(int(p) for p in permutation)
    if permutation == tuple(range(len(permutation))):
        return x
    return transpose_p.bind(x, permutation=permutation)


def slice_(x, start_indices, limit_indices, strides=None):
    strides = (1,) * len(start_indices) if strides is None else tuple(strides)
    return slice_p.bind(x, start_indices=tuple(start_indices),
                        limit_indices=tuple(limit_indices), strides=strides)


def pad(x, value, padding_config):
    return pad_p.bind(x, value, padding_config=tuple(tuple(c) for c in padding_config))


def concatenate(xs, dimension):
    xs = list(xs)
    if len(xs) == 1:
        return xs[0]
    return concatenate_p.bind(*xs, dimension=int(dimension))
