"""Shape and view ops: view/reshape, transposes, (un)squeeze, flatten, expand,
repeat, cat/stack, chunk/split.

Views share the input's storage (``_dispatch.view_of``); reshape of a
non-contiguous input copies, as torch.reshape does.
"""
import numpy as np

from .. import primitives as P
from ..primitives.shape import broadcast_in_dim_p, reshape_p, transpose_p
from . import _types as T
from ._dispatch import apply, call, record, view_of
from ._graph import _grad, node_class
from ._oputil import _dims, _out, _shape_args, _t, composite
from ._tensor import _wrap


def _infer(shape, n, name):
    shape = tuple(int(s) for s in shape)
    if shape.count(-1) > 1:
        raise RuntimeError("only one dimension can be inferred")
    if -1 in shape:
        known = 1
        for s in shape:
            if s != -1:
                known *= s
        if known == 0 or n % known:
            raise RuntimeError(f"shape '{list(shape)}' is invalid for input of size {n}")
        shape = tuple(n // known if s == -1 else s for s in shape)
    if int(np.prod(shape, dtype=np.int64)) != n:
        raise RuntimeError(f"shape '{list(shape)}' is invalid for input of size {n}")
    return shape


def view(self, *shape):
    if len(shape) == 1 and isinstance(shape[0], (T.dtype, np.dtype)):
        raise NotImplementedError("view(dtype) is not supported")
    shape = _infer(_shape_args(shape), self.numel(), "view")
    v = self._v
    if isinstance(v, np.ndarray):
        arr = v.view()
        try:
            arr.shape = shape
        except AttributeError:
            raise RuntimeError("view size is not compatible with input tensor's size and "
                               "stride (at least one dimension spans across two contiguous "
                               "subspaces). Use .reshape(...) instead.") from None
    else:
        arr = call(reshape_p, (v,), {"new_sizes": shape})
    return view_of(self, arr, reshape_p, {"new_sizes": shape}, "ViewBackward0")


def reshape(self, *shape):
    shape = _infer(_shape_args(shape), self.numel(), "reshape")
    v = self._v
    arr = v.reshape(shape) if isinstance(v, np.ndarray) else call(
        reshape_p, (v,), {"new_sizes": shape})
    if isinstance(v, np.ndarray) and not np.shares_memory(arr, v) and v.size:
        t = _wrap(arr)  # a copy (non-contiguous input), as torch.reshape makes
        if self.requires_grad and _grad.on:
            record(t, reshape_p, {"new_sizes": shape}, (self,), (v,), arr,
                    "UnsafeViewBackward0")
        return t
    return view_of(self, arr, reshape_p, {"new_sizes": shape}, "ViewBackward0")


def view_as(self, other):
    return view(self, other.shape)


def reshape_as(self, other):
    return reshape(self, other.shape)


def _permute(self, perm, name):
    perm = tuple(int(p) for p in perm)
    v = self._v
    arr = v.transpose(perm) if isinstance(v, np.ndarray) else call(transpose_p, (v,),
                                                                   {"permutation": perm})
    return view_of(self, arr, transpose_p, {"permutation": perm}, name)


def t(self):
    if self.ndim > 2:
        raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is "
                           f"{self.ndim}D")
    return _permute(self, tuple(reversed(range(self.ndim))), "TBackward0")


def transpose(self, dim0, dim1):
    nd = self.ndim
    perm = list(range(nd))
    d0, d1 = _dims(dim0, nd)[0] if nd else 0, _dims(dim1, nd)[0] if nd else 0
    perm[d0], perm[d1] = perm[d1], perm[d0]
    return _permute(self, perm, "TransposeBackward0")


def permute(self, *dims):
    dims = _shape_args(dims)
    return _permute(self, [d % self.ndim for d in dims], "PermuteBackward0")


def unsqueeze(self, dim):
    nd = self.ndim + 1
    if not -nd <= dim < nd:
        raise IndexError(f"Dimension out of range (expected to be in range of [{-nd}, "
                         f"{nd - 1}], but got {dim})")
    shape = list(self.shape)
    shape.insert(dim % nd, 1)
    t_ = view(self, shape)
    if t_.grad_fn is not None:
        t_.grad_fn.__class__ = node_class("UnsqueezeBackward0")
    return t_


def squeeze(self, dim=None):
    shape = list(self.shape)
    if dim is None:
        new = [s for s in shape if s != 1]
        name = "SqueezeBackward0"
    else:
        d = _dims(dim, self.ndim)
        new = [s for i, s in enumerate(shape) if not (i in d and s == 1)]
        name = "SqueezeBackward1"
    t_ = view(self, new)
    if t_.grad_fn is not None:
        t_.grad_fn.__class__ = node_class(name)
    return t_


def flatten(self, start_dim=0, end_dim=-1):
    nd = self.ndim
    if nd == 0:
        return reshape(self, (1,))
    s, e = start_dim % nd, end_dim % nd
    if s == e:      # nothing to merge: PyTorch returns the tensor itself
        return self
    shape = list(self.shape)
    n = 1
    for d in shape[s:e + 1]:
        n *= d
    return reshape(self, shape[:s] + [n] + shape[e + 1:])


def expand(self, *sizes):
    sizes = _shape_args(sizes)
    shape = self.shape
    lead = len(sizes) - len(shape)
    if lead < 0:
        raise RuntimeError(f"expand: the number of sizes provided ({len(sizes)}) must be "
                           f"greater or equal to the number of dimensions in the tensor "
                           f"({len(shape)})")
    new = tuple(shape[i - lead] if s == -1 else s for i, s in enumerate(sizes))
    for i, d in enumerate(shape):
        if d != 1 and d != new[lead + i]:
            raise RuntimeError(f"The expanded size of the tensor ({new[lead + i]}) must "
                               f"match the existing size ({d}) at non-singleton dimension "
                               f"{lead + i}.  Target sizes: {list(sizes)}.  Tensor sizes: "
                               f"{list(shape)}")
    bd = tuple(range(lead, len(new)))
    v = self._v
    arr = np.broadcast_to(v, new) if isinstance(v, np.ndarray) else call(
        broadcast_in_dim_p, (v,), {"shape": new, "broadcast_dimensions": bd})
    return view_of(self, arr, broadcast_in_dim_p, {"shape": new, "broadcast_dimensions": bd},
                   "ExpandBackward0")


def expand_as(self, other):
    return expand(self, other.shape)


def repeat(self, *sizes):
    sizes = _shape_args(sizes)
    x = self
    if len(sizes) > x.ndim:
        x = reshape(x, (1,) * (len(sizes) - x.ndim) + tuple(x.shape))
    from ._bridge import bridge
    return bridge(lambda v: _tile(v, sizes), "RepeatBackward0", x)


def _tile(v, reps):
    for ax, r in enumerate(reps):
        if r != 1:
            v = P.concatenate([v] * r, ax)
    return v


def cat(tensors, dim=0, *, out=None):
    ts = [_t(x) for x in tensors]
    if not ts:
        raise RuntimeError("torch.cat(): expected a non-empty list of Tensors")
    nd = ts[0].ndim
    dt = ts[0]._v.dtype
    for x in ts[1:]:
        dt = np.promote_types(dt, x._v.dtype)
    ts = [x.to(dt) for x in ts]
    r = apply(_concat_p(), ts, {"dimension": int(dim) % nd},
              "CatBackward0") if len(ts) > 1 else ts[0]
    return _out(r, out)


def _concat_p():
    from ..primitives.shape import concatenate_p
    return concatenate_p


concatenate = cat


@composite("StackBackward0")
def stack(tensors, dim=0, *, out=None):
    ts = [_t(x) for x in tensors]
    nd = ts[0].ndim + 1
    return _out(cat([unsqueeze(x, dim % nd) for x in ts], dim % nd), out)


def chunk(self, chunks, dim=0):
    n = self.shape[dim]
    size = -(-n // chunks)
    return split(self, size, dim)


def split(self, split_size, dim=0):
    from ._index import getitem
    n = self.shape[dim]
    sizes = [split_size] * (n // split_size) + ([n % split_size] if n % split_size else []) \
        if isinstance(split_size, int) else list(split_size)
    out, start = [], 0
    for s in sizes:
        idx = (slice(None),) * (dim % self.ndim) + (slice(start, start + s),)
        out.append(getitem(self, idx))
        start += s
    return tuple(out)
