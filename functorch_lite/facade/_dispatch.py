"""The op path: applying a primitive to Tensors and recording its graph node.

``apply(prim, tensors, params)`` is the one way an op runs: ``call`` computes
the kernel (``prim.impl(numpy, ...)`` directly when no transform is tracing in
this thread and every value is a host array; ``bind`` or a device namespace
otherwise), the result is wrapped without parsing anything, and ``record``
attaches a graph node when an input requires grad and grad mode is on.
``binary`` adds Python-number operands and dtype promotion in front of it.

What a node keeps comes from the primitive (``prim.saves``): input values
(``keeps_ins``), input avals only (``keeps_shapes``), the output
(``keeps_out``); only kept values get their versions checked at backward.
"""
from typing import Any

import numpy as np

from .. import config
from ..core.array import Array, unwrap
from ..core.ir import ShapedArray
from ..core.primitive import HOST_KERNELS as _KERNELS
from ..core.primitive import host_kernel
from ..core.trace import _extra_array_types as _XT
from ..core.trace import active_mains as _active
from ..core.trace import get_aval
from ..core.trace import source_info
from ..core.trace import state as _tstate
from ..debug import _nans
from . import _promote
from . import _types as T
from ._graph import _CLASSES, _grad, edge, node_class
from ._promote import _scalar_const, _scalar_np_dtype, result_np_dtype
from ._tensor import Tensor, _device_error, _wrap, as_tensor
from ..primitives.elementwise import div_p as _div_p, mul_p as _mul_p

# assigned, not from-imported: CPython 3.11 compiles ``_SCALARS.get(k)`` on a
# from-imported name without LOAD_METHOD, which costs binary() ~50 ns a call
_SCALARS = _promote._SCALARS
_new = object.__new__
_nd = np.ndarray
_EMPTY: dict[Any, Any] = {}
_PYNUM = (float, int, bool)
_NEEDS1, _NONE1, _NONE2 = (True,), (None,), (None, None)


# ------------------------------------------------------------- grad_fn names

def grad_fn_name(prim):
    """PyTorch's name for the node of ``prim``: declared (``torch_name``) or
    derived, reduce_sum -> ReduceSumBackward0."""
    return prim.torch_name or "".join(
        w[:1].upper() + w[1:] for w in prim.name.split("_")) + "Backward0"


_PRIM_CLASSES: dict[Any, Any] = {}      # prim -> its node class (the default name)


def _prim_class(prim):
    cls = _PRIM_CLASSES.get(prim)
    if cls is None:
        cls = _PRIM_CLASSES[prim] = node_class(grad_fn_name(prim))
    return cls


_AVALS: dict[Any, Any] = {}             # (shape, dtype) -> ShapedArray: avals are immutable, shared


def _aval(v):
    """What a shapes-only rule keeps of a value: its aval (cached for host
    arrays: this runs for every add on the tape)."""
    if type(v) is _nd:
        k = (v.shape, v.dtype)
        a = _AVALS.get(k)
        if a is None:
            if len(_AVALS) > 4096:     # a program with ever new shapes: start over
                _AVALS.clear()
            a = _AVALS[k] = ShapedArray(v.shape, v.dtype)
        return a
    return None if v is None else get_aval(v)


# -------------------------------------------------------------------- record

def _edge_of(x):
    """(node, idx) the gradient of input x flows to; None for a constant."""
    if x is None or not x.requires_grad:
        return None
    fn = x.grad_fn
    return (fn, x._oi) if fn is not None else edge(x)


def record(t, prim, params, ts, vals, out, name=None):
    """Attach the node of ``prim`` to its result ``t`` (inputs ``ts``: Tensors,
    or None for constants whose values are in ``vals``)."""
    cls = (_CLASSES.get(name) or node_class(name)) if name else (
        _PRIM_CLASSES.get(prim) or _prim_class(prim))
    n = len(ts)
    keeps_ins = prim.keeps_ins
    saved = ()
    # the hot cases (one input; two, one maybe a constant) unrolled: this runs per op.
    # A view's history goes stale once its base is written: _check_view refuses it.
    if n == 1:
        a = ts[0]
        if a._base is not None and a.requires_grad:
            _check_view(a)
        fn = a.grad_fn
        parents = ((fn, a._oi) if fn is not None else edge(a),)
        needs = _NEEDS1
        if keeps_ins:
            ins = vals
            st = a._st
            saved = ((0, st, st[0]),)
        elif prim.keeps_shapes:
            ins = (_aval(vals[0]),)
        else:
            ins = _NONE1
    elif n == 2:
        a, b = ts
        pa = pb = None
        if a is not None and a.requires_grad:
            if a._base is not None:
                _check_view(a)
            fn = a.grad_fn
            pa = (fn, a._oi) if fn is not None else edge(a)
        if b is not None and b.requires_grad:
            if b._base is not None:
                _check_view(b)
            fn = b.grad_fn
            pb = (fn, b._oi) if fn is not None else edge(b)
        parents = (pa, pb)
        needs = (pa is not None, pb is not None)
        if keeps_ins:
            ins = vals
            # x*y and x/y read x only for y's gradient (PyTorch saves self only
            # then), so writing into x later is no error unless y wants a gradient
            if a is not None and (pb is not None or (prim is not _mul_p and
                                                     prim is not _div_p)):
                saved = ((0, a._st, a._st[0]),)
            if b is not None and (pa is not None or prim is not _mul_p):
                saved += ((1, b._st, b._st[0]),)
        elif prim.keeps_shapes:     # add, sub: the avals' cache read inline
            x, y = vals
            ax = _AVALS.get((x.shape, x.dtype)) if type(x) is _nd else None
            ay = _AVALS.get((y.shape, y.dtype)) if type(y) is _nd else None
            ins = (ax or _aval(x), ay or _aval(y))
        else:
            ins = _NONE2
    else:
        for x in ts:
            if x is not None and x._base is not None and x.requires_grad:
                _check_view(x)
        parents = tuple([_edge_of(x) for x in ts])
        needs = tuple([p is not None for p in parents])
        if keeps_ins:
            ins = vals
            saved = tuple([(i, x._st, x._st[0]) for i, x in enumerate(ts) if x is not None])
        elif prim.keeps_shapes:
            ins = tuple([_aval(v) for v in vals])
        else:
            ins = (None,) * n
    node = cls(prim, params, parents, ins,
               out if prim.keeps_out or prim.multiple_results else None, needs)
    if prim.keeps_out:
        st = t._st
        saved += ((-1, st, st[0]),)
    if saved:
        node.saved = saved
    t.requires_grad = True
    t.grad_fn = node
    return node


# ------------------------------------------------------------------ devices

def _dev_args(vals):
    """Arguments for a call where a device backend is loaded: if one is a
    device array, host 0-d arrays (constants, 0-d cpu tensors: PyTorch treats
    those as scalars) become 0-d device arrays filled with their value (a
    kernel launch with a scalar argument, no copy); a host array with
    dimensions is PyTorch's "same device" error."""
    xp = None
    for v in vals:
        xp = _XT.get(type(v))
        if xp is not None:
            break
    else:
        if _tstate.stack:   # tracers may stand for device values: NumPy scalars go anywhere
            return [v[()] if type(v) is _nd and not v.ndim else v for v in vals]
        return vals
    out = list(vals)
    for i, v in enumerate(vals):
        if type(v) is _nd or isinstance(v, np.generic):
            if v.ndim:
                raise _device_error()
            out[i] = xp.full((), v[()], v.dtype)
    return out


def _call_slow(prim, vals, params):
    """The kernel call when tracing or a device backend is loaded; returns the
    output and the values used (host constants may have become device scalars)."""
    if _XT:
        vals = _dev_args(vals)
        if not _tstate.stack:
            for v in vals:
                xp = _XT.get(type(v))
                if xp is not None:
                    return prim.impl(xp, *vals, **params), vals
            return prim.impl(np, *vals, **params), vals
    out = prim.bind(*vals, **params)
    # Tensors hold plain ndarrays, never the immutable Arrays of eager results
    return (out.view(_nd) if type(out) is Array else
            [unwrap(o) for o in out] if type(out) is list else out), vals


def call(prim, vals, params=_EMPTY):
    """Run ``prim`` on values (no graph): the one fast path and its fallback."""
    if not _tstate.stack and all_host(vals):
        out = prim.impl(np, *vals, **params)
    else:
        out = _call_slow(prim, vals, params)[0]
    return np.asarray(out) if isinstance(out, np.generic) else out


def all_host(vals):
    for v in vals:
        if type(v) is not _nd:
            return False
    return True


def apply(prim, ts, params=_EMPTY, name=None, vals=None):
    """Apply ``prim`` to Tensors ``ts`` (a None entry: a constant, its value in
    ``vals``), recording a node (called ``name``, default the primitive's)."""
    if vals is None:
        if len(ts) == 1:
            v = ts[0]._v
            vals = (v,)
            host = type(v) is _nd
        else:
            vals = [x._v for x in ts]
            host = all_host(vals)
    elif len(vals) == 2:
        host = type(vals[0]) is _nd and type(vals[1]) is _nd
    else:
        host = all_host(vals)
    # (active_mains: no transform open in any thread spares the thread-local read)
    if host and not (_active[0] and _tstate.stack):
        if params:
            out = prim.impl(np, *vals, **params)
        else:
            out = (_KERNELS.get(prim) or host_kernel(prim))(*vals)
    else:
        out, vals = _call_slow(prim, vals, params)
    if type(out) is not _nd:    # a list (several results) or a NumPy scalar
        if prim.multiple_results:
            return _wrap_results(prim, params, ts, vals, out, name)
        if isinstance(out, np.generic):
            out = np.asarray(out)
    t = _new(Tensor)
    t._v = out
    t._st = [0, None]
    if _grad.on:
        for x in ts:
            if x is not None and x.requires_grad:
                record(t, prim, params, ts, vals, out, name)
                break
    if _checking[0]:
        _check_forward(prim, vals, (out,), t)
    return t


# ------------------------------------------------------------- debug_nans

_checking = [False]     # config.debug_nans, read once per op (a list: no global lookup cost)


def _watch(name, value):
    if name == "debug_nans":
        _checking[0] = bool(value)


config._watchers.append(_watch)
_watch("debug_nans", config.debug_nans)


def _check_forward(prim, vals, outs, t):
    """debug_nans on the facade's eager op path (which calls kernels without
    ``bind``): a NaN/inf made from finite inputs raises at the user's line, and
    the node remembers that line for an error in its backward rule."""
    tl = _nans._tls
    if tl.quiet or tl.backward is not None or _tstate.stack:
        return
    src = source_info()
    if t.grad_fn is not None:
        t.grad_fn.source = src
    kind = _nans._first_bad(outs)
    if kind is not None and _nans._first_bad(vals) is None:
        raise _nans._forward_error(kind, f"{prim.name} ({grad_fn_name(prim)})", src)


def _wrap_results(prim, params, ts, vals, out, name):
    outs = [_wrap(o) for o in out]
    if _grad.on and any(x is not None and x.requires_grad for x in ts):
        node = record(outs[0], prim, params, ts, vals, list(out), name)
        for i, o in enumerate(outs):
            o.requires_grad, o.grad_fn, o._oi = True, node, i
    if _checking[0]:
        _check_forward(prim, vals, out, outs[0])
    return outs


def _size_mismatch(sa, sb):
    """PyTorch's words for shapes that do not broadcast."""
    na, nb = len(sa), len(sb)
    for k in range(1, max(na, nb) + 1):
        da = sa[-k] if k <= na else 1
        db = sb[-k] if k <= nb else 1
        if da != db and da != 1 and db != 1:
            return RuntimeError(f"The size of tensor a ({da}) must match the size of tensor b "
                                f"({db}) at non-singleton dimension {max(na, nb) - k}")
    return RuntimeError(f"shapes {list(sa)} and {list(sb)} cannot be broadcast together")


def binary(prim, a, b, name=None, rev=False, float_op=False):
    """a (Tensor) <op> b (Tensor or number); rev computes b <op> a."""
    av = a._v
    tb = type(b)
    if (tb is float or tb is int) and type(av) is _nd and av.dtype.kind == "f":
        # fast path: float tensor <op> Python number (x * 1.01, lr * grad)
        dt = av.dtype
        key = (tb, b, dt) if b else (tb, repr(b), dt)
        bv = _SCALARS.get(key)
        if bv is None:
            bv = _scalar_const(key)
        # (a 0-d operand always broadcasts: no shape error to translate)
        if rev:
            return apply(prim, (None, a), _EMPTY, name, (bv, av))
        return apply(prim, (a, None), _EMPTY, name, (av, bv))
    if isinstance(b, Tensor):
        bt = b
        bv = b._v
        if av.dtype != bv.dtype:
            dt = result_np_dtype(a, b)
            if av.dtype != dt:
                a = a.to(dt)
                av = a._v
            if bv.dtype != dt:
                bt = b.to(dt)
                bv = bt._v
    elif type(b) in _PYNUM:
        bt = None
        dt = _scalar_np_dtype(av.dtype, b)
        if dt != av.dtype:
            a = a.to(dt)
            av = a._v
        key = (type(b), b, dt) if b else (type(b), repr(b), dt)   # 0.0 vs -0.0
        bv = _SCALARS.get(key)
        if bv is None:
            bv = _scalar_const(key)
    else:
        return binary(prim, a, as_tensor(b), name, rev, float_op)
    if float_op and av.dtype.kind not in "fc":
        dt = T.get_default_dtype()
        a = a.to(dt)
        av = a._v
        if bt is None:
            bv = bv.astype(dt.np)
        else:
            bt = bt.to(dt)
            bv = bt._v
    try:
        if rev:
            return apply(prim, (bt, a), _EMPTY, name, [bv, av])
        return apply(prim, (a, bt), _EMPTY, name, [av, bv])
    except ValueError:
        raise _size_mismatch(av.shape, bv.shape) from None


# -------------------------------------------------------------------- views

def _check_view(x):
    ver = getattr(x, "_vver", None)
    if ver is not None and x._st[0] != ver:
        raise RuntimeError(
            "a view of a tensor that requires grad was used after its base was "
            "modified by an inplace operation (its recorded history would be stale): functorch_lite's "
            "autograd cannot rebase views; take the view again after the write, or "
            "clone() it before the write")


def view_of(x, arr, prim, params, name):
    """A result sharing x's storage (view semantics), recorded as ``prim``."""
    t = _new(Tensor)
    t._v = arr
    t._st = x._st
    t._base = x._base if x._base is not None else x
    if x.requires_grad and _grad.on:
        record(t, prim, params, (x,), (x._v,), arr, name)
        # a view's values follow later writes to its base: a use of the view after
        # such a write would differentiate stale history, so record() refuses it
        # (PyTorch rebases the view instead); a use before the write is fine
        t._vver = x._st[0]
    return t
