"""Helpers shared by the op modules: number constants, the ``composite``
decorator, and argument parsing (dims, shapes, ``out=``)."""
import builtins as _b
import functools

import numpy as np

from . import _types as T
from ._graph import _seq, mark_hidden, node_class
from ._promote import _SCALARS, _scalar_const
from ._tensor import Tensor, _xp, as_tensor


def _const(v, dt):
    """Cached 0-d array of dtype dt for a Python number."""
    key = (type(v), v, dt) if v else (type(v), repr(v), dt)
    c = _SCALARS.get(key)
    return c if c is not None else _scalar_const(key)


def composite(name):
    """Decorator: the op's last node is called ``name``; earlier ones are hidden."""
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*a, **k):
            start = next(_seq)
            r = fn(*a, **k)
            node = r.grad_fn if isinstance(r, Tensor) else None
            if node is not None and node.seq > start:
                node.__class__ = node_class(name)
                mark_hidden(node, start)
            return r
        return wrapper
    return deco


def _t(x):
    return x if isinstance(x, Tensor) else as_tensor(x)


def _dims(dim, nd):
    if dim is None:
        return tuple(range(nd))
    dims = (dim,) if isinstance(dim, (int, np.integer)) else tuple(dim)
    out = []
    for d in dims:
        m = _b.max(nd, 1)
        if not -m <= d < m:
            raise IndexError(f"Dimension out of range (expected to be in range of "
                             f"[{-m}, {m - 1}], but got {d})")
        out.append(int(d) % m)
    return tuple(sorted(set(out))) if nd else ()


def _shape_args(args):
    if len(args) == 1 and isinstance(args[0], (tuple, list, T.Size)):
        return tuple(args[0])
    return tuple(args)


def _out(r, out):
    if out is None:
        return r
    if not isinstance(out, Tensor):
        raise TypeError("out= must be a Tensor")
    if r.device != out.device:
        from ._tensor import _device_error
        raise _device_error()
    xp = _xp(r._v)
    if out.shape != r.shape:
        out._v = xp.array(r._v, dtype=out._v.dtype)  # resized, as torch does
        out._st = [0, None]
    else:
        xp.copyto(out._v, r._v, casting="same_kind")
        out._st[0] += 1
    return out
