"""Writes under autograd that PyTorch records as ``CopySlices`` / ``IndexPutBackward0``:
index assignment (``x[idx] = v``, ``x[[0, 0, 1]] += 1``) and in-place ops on
views of tensors in a graph (``y[0].mul_(3)``).

A write is recorded as "clear the written positions, scatter-add the values"
over the flattened tensor: the cleared part passes the gradient everywhere
but the written positions, and each written value gets the output gradient at
its position, repeated positions included (PyTorch's ``index_put_`` backward).
The forward value is the plain NumPy assignment (the last of repeated
positions wins, as PyTorch's CPU kernel): only shapes and inputs are kept by
these nodes, so the recorded graph does not depend on the output values.

An in-place op on a view rebases the history of the view's base, as PyTorch
does: the base becomes "old base with the view's positions replaced by the
op's result" (``CopySlices``), and the view becomes a gather from the new
base (``AsStridedBackward0``).  The positions come from the view's strides
and offset inside its base's buffer.
"""
import numpy as np

from ..primitives.indexing import gather_p, scatter_add_p
from ..primitives.shape import reshape_p
from ._dispatch import apply, view_of
from ._graph import _seq, mark_hidden, node_class
from ._math import _select
from ._tensor import _bump, _wrap


def _reshape(t, shape):
    return view_of(t, t._v.reshape(shape), reshape_p, {"new_sizes": shape}, "ViewBackward0")

_COPY_SLICES = "torch::autograd::CopySlices"


def view_positions(base, view):
    """Flat (C-order) positions in ``base`` of each element of ``view`` (an
    int64 array shaped like the view), from the two arrays' strides."""
    bv, tv = base._v, view._v
    isz = bv.itemsize
    if (tv.itemsize != isz or any(s < 0 or s % isz for s in bv.strides + tv.strides)):
        raise RuntimeError("in-place write to a view of a tensor that requires grad: "
                           "functorch_lite cannot map this view (negative or "
                           "non-element strides) back to its base; clone() it first")
    off = tv.__array_interface__["data"][0] - bv.__array_interface__["data"][0]
    span = 1 + sum((d - 1) * s // isz for d, s in zip(bv.shape, bv.strides)) if bv.size else 0
    mem = np.full(max(span, 1), -1, np.int64)
    as_strided = np.lib.stride_tricks.as_strided
    as_strided(mem, bv.shape, tuple(s // isz * 8 for s in bv.strides))[...] = \
        np.arange(bv.size, dtype=np.int64).reshape(bv.shape)
    pos = as_strided(mem[off // isz:], tv.shape, tuple(s // isz * 8 for s in tv.strides))
    return np.array(pos)


def graph_copy(x):
    """A new Tensor holding a copy of x's values and x's place in the graph."""
    old = _wrap(x._v.copy())
    old.requires_grad, old.grad_fn, old._oi = x.requires_grad, x.grad_fn, x._oi
    return old


def written(old, pos, vals, name):
    """The graph of ``old`` (any shape) with the flat positions ``pos`` set to
    ``vals`` (a Tensor with pos.size elements, same dtype), named ``name``."""
    shape = tuple(old.shape)
    n = int(np.prod(shape, dtype=np.int64))
    keep = np.ones(n, bool)
    keep[pos] = False
    start = next(_seq)
    cleared = _select(keep, _reshape(old, (-1,)), 0, "MaskedFillBackward0")
    zeros = _wrap(np.zeros(n, old._v.dtype))
    scat = apply(scatter_add_p, [zeros, _wrap(pos), _reshape(vals, (-1,))], {},
                 "IndexAddBackward0")
    r = _reshape(cleared + scat, shape)
    if r.grad_fn is not None:
        r.grad_fn.__class__ = node_class(name)
        mark_hidden(r.grad_fn, start)
    return r


def adopt(x, r, exact):
    """Write ``exact`` into x's buffer and give x the graph of ``r``; a view
    rebases its base's history first."""
    if x._base is not None and r.requires_grad:
        return rebase_view(x, r, exact)
    np.copyto(x._v, exact)
    if r.requires_grad:
        x.requires_grad, x.grad_fn, x._oi = True, r.grad_fn, r._oi
    _bump(x)
    return x


def rebase_view(view, new, exact):
    """``view`` (of a base in a graph, or getting a gradient from ``new``) now
    holds ``new``: the base's history becomes CopySlices(old base, new), the
    view's a gather from the new base."""
    base = view._base
    pos = view_positions(base, view).ravel()
    r = written(graph_copy(base), pos, new.to(base.dtype), _COPY_SLICES)
    np.copyto(view._v, exact)          # the base's buffer: the view shares it
    base.requires_grad, base.grad_fn, base._oi = True, r.grad_fn, r._oi
    _bump(base)
    _revalidate(view.grad_fn, base._st)
    start = next(_seq)
    g = _reshape(apply(gather_p, [_reshape(base, (-1,)), _wrap(pos)], {}), tuple(view.shape))
    g.grad_fn.__class__ = node_class("AsStridedBackward0")
    mark_hidden(g.grad_fn, start)
    view.requires_grad, view.grad_fn, view._oi = True, g.grad_fn, g._oi
    return view


def _revalidate(node, st):
    """The view's old chain of view nodes (slice, reshape, ...) checks the base
    storage's version; this write is part of the recorded history (the base's
    new node holds the old values), so those nodes accept the new version."""
    while node is not None and any(e[1] is st for e in node.saved):
        node.saved = tuple((i, s, st[0]) if s is st else (i, s, v) for i, s, v in node.saved)
        node = node.parents[0][0] if node.parents and node.parents[0] is not None else None
