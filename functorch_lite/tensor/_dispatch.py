"""The op path: applying a primitive to Tensors and recording its graph node.

Hot path: an op computes ``prim.impl(numpy, ...)`` directly when no transform
is tracing (``bind`` otherwise, so Tensor code also runs under ``fl.grad``),
wraps the result without parsing anything, and records a node only when an
input requires grad and grad mode is on.  ``unary`` and ``binary`` inline that
path (and the Python-number operand case) instead of calling helpers.
"""
import numpy as np

from ..core.trace import _extra_array_types as _XT
from ..core.trace import state as _tstate
from . import _promote
from . import _types as T
from ._graph import (_CLASSES, _GRAD, NO_OUT, SHAPE_ONLY, checks_out, edge, node_class)
from ._promote import _scalar_const, _scalar_np_dtype, result_np_dtype
from ._tensor import Tensor, _device_error, _wrap, as_tensor

# assigned, not from-imported: CPython 3.11 compiles ``_SCALARS.get(k)`` on a
# from-imported name without LOAD_METHOD, which costs binary() ~50 ns a call
_SCALARS = _promote._SCALARS
_new = object.__new__
_nd = np.ndarray
_EMPTY = {}
_PYNUM = (float, int, bool)

_DEFAULT_NAMES = {
    "add": "AddBackward0", "sub": "SubBackward0", "mul": "MulBackward0",
    "div": "DivBackward0", "neg": "NegBackward0", "exp": "ExpBackward0",
    "log": "LogBackward0", "sin": "SinBackward0", "cos": "CosBackward0",
    "tanh": "TanhBackward0", "sqrt": "SqrtBackward0", "abs": "AbsBackward0",
    "pow": "PowBackward1", "integer_pow": "PowBackward0", "max": "MaximumBackward0",
    "min": "MinimumBackward0", "reduce_sum": "SumBackward1", "reduce_max": "AmaxBackward0",
    "dot_general": "MmBackward0", "transpose": "PermuteBackward0",
    "reshape": "ViewBackward0", "broadcast_in_dim": "ExpandBackward0",
    "slice": "SliceBackward0", "select": "WhereBackward0",
    "convert_element_type": "ToCopyBackward0", "concatenate": "CatBackward0",
    "pad": "ConstantPadNdBackward0", "mul_safe": "MulBackward0",
    "gather": "IndexBackward0", "scatter_add": "IndexAddBackward0",
}


def default_name(prim):
    return _DEFAULT_NAMES.get(prim.name) or (
        "".join(w.title() for w in prim.name.split("_")) + "Backward0")


def _record(t, prim, params, ts, vals, out, name):
    """Attach a node for ``prim`` (inputs ``ts``: Tensors or None for constants)."""
    cls = _CLASSES.get(name) or node_class(name)
    # inputs whose values the rule reads get their versions checked at backward
    check = prim.name not in SHAPE_ONLY and getattr(prim, "vjp_uses_ins", True)
    if len(ts) == 1:            # the hot cases, unrolled
        (a,) = ts
        fn = a.grad_fn
        pa = (fn, a._oi) if fn is not None else edge(a)
        node = cls(prim, params, (pa,), vals if prim.vjp_uses_ins else (None,),
                   out if prim.vjp_uses_out else None, (True,))
        if checks_out(prim):
            st = t._st
            node.saved = ((0, a._st, a._st[0]), (-1, st, st[0])) if check else (
                (-1, st, st[0]),)
        elif check:
            st = a._st
            node.saved = ((0, st, st[0]),)
    else:
        parents = []
        saved = []
        for i, x in enumerate(ts):
            if x is None:
                parents.append(None)
                continue
            if check:
                st = x._st
                saved.append((i, st, st[0]))
            if x.requires_grad:
                fn = x.grad_fn
                parents.append((fn, x._oi) if fn is not None else edge(x))
            else:
                parents.append(None)
        # keep only what the vjp rule reads (see Primitive.vjp_uses_ins/out)
        node = cls(prim, params, tuple(parents),
                   vals if prim.vjp_uses_ins else (None,) * len(vals),
                   out if prim.vjp_uses_out or prim.multiple_results else None,
                   tuple([p is not None for p in parents]))
        if checks_out(prim):
            st = t._st
            saved.append((-1, st, st[0]))
        if saved:
            node.saved = tuple(saved)
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


def _dev_call(prim, vals, params):
    """Like _call, choosing the namespace from any device argument."""
    vals = _dev_args(vals)
    if _tstate.stack:
        return prim.bind(*vals, **params), vals
    xp = np
    for v in vals:
        x = _XT.get(type(v))
        if x is not None:
            xp = x
            break
    return prim.impl(xp, *vals, **params), vals


def apply_prim(prim, ts, params, name=None):
    """Apply a primitive to Tensors, recording a node when needed (general path)."""
    vals = [t._v for t in ts]
    if _XT:
        vals = _dev_args(vals)
    out = prim.bind(*vals, **params)
    if isinstance(out, np.generic):
        out = np.asarray(out)
    rec = _GRAD[0] and any(t.requires_grad for t in ts)
    if prim.multiple_results:
        outs = [_wrap(o) for o in out]
        if rec:
            node = _record(outs[0], prim, params, ts, vals, list(out), name or default_name(prim))
            for i, o in enumerate(outs):
                o.requires_grad, o.grad_fn, o._oi = True, node, i
        return outs
    t = _wrap(out)
    if rec:
        _record(t, prim, params, ts, vals, out, name or default_name(prim))
    return t


def _run(prim, *vals, **params):
    if _XT:       # a device backend is loaded: constants follow device inputs
        out = _dev_call(prim, vals, params)[0]
    else:
        out = prim.impl(np, *vals, **params) if not _tstate.stack else prim.bind(*vals, **params)
    return np.asarray(out) if isinstance(out, np.generic) else out


def unary(prim, x, name, **params):
    v = x._v
    out = prim.impl(np, v, **params) if not _tstate.stack and type(v) is _nd else prim.bind(
        v, **params)
    if type(out) is not _nd and isinstance(out, np.generic):
        out = np.asarray(out)
    t = _new(Tensor)
    t._v = out
    t._st = [0, None]
    if x.requires_grad and _GRAD[0]:
        _record(t, prim, params, (x,), (v,), out, name)
    return t


def unary_float(prim, x, name, **params):
    if x._v.dtype.kind not in "fc":
        x = x.to(T.get_default_dtype())
    return unary(prim, x, name, **params)


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


def binary(prim, a, b, name, rev=False, float_op=False):
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
        out = (prim.impl(np, bv, av) if rev else prim.impl(np, av, bv)) if not _tstate.stack else (
            prim.bind(bv, av) if rev else prim.bind(av, bv))
        if type(out) is not _nd and isinstance(out, np.generic):
            out = np.asarray(out)
        t = _new(Tensor)
        t._v = out
        t._st = [0, None]
        if a.requires_grad and _GRAD[0]:
            fn = a.grad_fn
            pa = (fn, a._oi) if fn is not None else edge(a)
            cls = _CLASSES.get(name) or node_class(name)
            ins = (bv, av) if rev else (av, bv)
            if not prim.vjp_uses_ins:
                ins = (None, None)
            kept = out if prim.vjp_uses_out else None  # the tape keeps what the rule reads
            if rev:
                node = cls(prim, _EMPTY, (None, pa), ins, kept, (False, True))
                i = 1
            else:
                node = cls(prim, _EMPTY, (pa, None), ins, kept, (True, False))
                i = 0
            pn = prim.name
            if pn not in SHAPE_ONLY:
                st = a._st
                node.saved = ((i, st, st[0]),) if pn in NO_OUT or not prim.vjp_uses_out else (
                    (i, st, st[0]), (-1, t._st, 0))
            t.requires_grad = True
            t.grad_fn = node
        return t
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
        if type(av) is _nd and type(bv) is _nd and not _tstate.stack:
            out = prim.impl(np, bv, av) if rev else prim.impl(np, av, bv)
        elif not _XT:
            out = prim.bind(bv, av) if rev else prim.bind(av, bv)
        elif rev:
            out, (bv, av) = _dev_call(prim, (bv, av), _EMPTY)
        else:
            out, (av, bv) = _dev_call(prim, (av, bv), _EMPTY)
    except ValueError:
        raise _size_mismatch(av.shape, bv.shape) from None
    if type(out) is not _nd and isinstance(out, np.generic):
        out = np.asarray(out)
    t = _new(Tensor)
    t._v = out
    t._st = [0, None]
    if _GRAD[0] and (a.requires_grad or (bt is not None and bt.requires_grad)):
        if rev:
            _record(t, prim, _EMPTY, (bt, a), (bv, av), out, name)
        else:
            _record(t, prim, _EMPTY, (a, bt), (av, bv), out, name)
    return t


# -------------------------------------------------------------------- views

def view_of(x, arr, prim, params, name):
    """A result sharing x's storage (view semantics), recorded as ``prim``."""
    t = _new(Tensor)
    t._v = arr
    t._st = x._st
    t._base = x._base if x._base is not None else x
    if x.requires_grad and _GRAD[0]:
        node = _record(t, prim, params, (x,), (x._v,), arr, name)
        # a view's values follow later writes to its base: forbid those writes
        # before backward rather than differentiate stale history
        node.saved = ((0, x._st, x._st[0]),)
    return t
