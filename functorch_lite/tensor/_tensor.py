"""The Tensor: a mutable box around a backend array plus autograd bookkeeping.

Memory: ``_v`` is the array (a NumPy view where PyTorch has a view); ``_st``
is the storage record ``[version, last in-place site]`` shared by a tensor and
all its views, so ``a.numpy()``, ``from_numpy``, ``view``/slicing/``t()``/
``detach()``/``.data`` all see one buffer, and an in-place write anywhere
bumps the version every saved reference is checked against at backward().

Hot path: an op computes ``prim.impl(numpy, ...)`` directly when no transform
is tracing (``bind`` otherwise, so Tensor code also runs under ``fl.grad``),
wraps the result without parsing anything, and records a node only when an
input requires grad and grad mode is on.
"""
import sys

import numpy as np

from ..core.trace import _stack
from ..primitives.elementwise import convert_element_type_p
from . import _engine
from . import _types as T
from ._engine import (_CLASSES, _GRAD, NO_OUT, SHAPE_ONLY, checks_out, edge, node_class)

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


def _wrap(v, st=None):
    t = _new(Tensor)
    t._v = v
    t._st = [0, None] if st is None else st
    return t


def _attached(v, parent):
    """A tensor holding ``v`` whose gradient flows to graph edge ``parent``."""
    t = _wrap(v)
    if parent is not None:
        t.requires_grad = True
        t.grad_fn, t._oi = parent
    return t


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


def apply_prim(prim, ts, params, name=None):
    """Apply a primitive to Tensors, recording a node when needed (general path)."""
    vals = [t._v for t in ts]
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
    out = prim.impl(np, *vals, **params) if not _stack else prim.bind(*vals, **params)
    return np.asarray(out) if isinstance(out, np.generic) else out


def unary(prim, x, name, **params):
    v = x._v
    out = prim.impl(np, v, **params) if not _stack else prim.bind(v, **params)
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


# ----------------------------------------------------------------- promotion

_CAT = {"b": 0, "u": 1, "i": 1, "f": 2, "c": 3}


def _scalar_np_dtype(dt, s):
    k = dt.kind
    ts = type(s)
    if ts is float:
        return dt if k in "fc" else T.get_default_dtype().np
    if ts is int:
        return dt if k != "b" else np.dtype(np.int64)
    if ts is bool:
        return dt
    if ts is complex:
        return dt if k == "c" else np.dtype(np.complex64)
    return np.asarray(s).dtype


def result_np_dtype(a, b):
    """torch's promotion for two tensors: higher category wins; 0-d tensors only
    decide the dtype when they are of a higher category than the others."""
    da, db = a._v.dtype, b._v.dtype
    if da == db:
        return da
    ca, cb = _CAT[da.kind], _CAT[db.kind]
    za, zb = a.ndim == 0, b.ndim == 0
    if za != zb:
        if za and ca <= cb:
            return db
        if zb and cb <= ca:
            return da
    if ca != cb:
        return da if ca > cb else db
    return np.promote_types(da, db)


_SCALARS = {}


def _scalar_const(key):
    """0-d array for a Python number operand (cached: ``x * 1.01`` in a loop
    builds it once; these arrays are never written to)."""
    if len(_SCALARS) > 512:
        _SCALARS.clear()
    val = key[1]
    if type(val) is str:
        val = key[0](val)
    v = np.array(val, key[2])
    v.flags.writeable = False
    if val == val:      # nan keys never match: do not fill the cache with them
        _SCALARS[key] = v
    return v


def binary(prim, a, b, name, rev=False, float_op=False):
    """a (Tensor) <op> b (Tensor or number); rev computes b <op> a."""
    av = a._v
    tb = type(b)
    if (tb is float or tb is int) and av.dtype.kind == "f":
        # fast path: float tensor <op> Python number (x * 1.01, lr * grad)
        dt = av.dtype
        key = (tb, b, dt) if b else (tb, repr(b), dt)
        bv = _SCALARS.get(key)
        if bv is None:
            bv = _scalar_const(key)
        out = (prim.impl(np, bv, av) if rev else prim.impl(np, av, bv)) if not _stack else (
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
            if rev:
                node = cls(prim, _EMPTY, (None, pa), (bv, av), out, (False, True))
                i = 1
            else:
                node = cls(prim, _EMPTY, (pa, None), (av, bv), out, (True, False))
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
    if rev:
        out = prim.impl(np, bv, av) if not _stack else prim.bind(bv, av)
    else:
        out = prim.impl(np, av, bv) if not _stack else prim.bind(av, bv)
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


# ----------------------------------------------------------------- in-place

_PKG_CODE = {}    # code object -> is it functorch_lite's own code?
_PKG_DIR = __file__.rsplit("tensor", 1)[0]


def _site():
    """(file, line) of the user's code that called the in-place op (cheap: a
    per-code-object cache instead of source_info's string work)."""
    f = sys._getframe(2)
    while f is not None:
        c = f.f_code
        mine = _PKG_CODE.get(c)
        if mine is None:
            mine = _PKG_CODE[c] = c.co_filename.startswith(_PKG_DIR)
        if not mine:
            return (c.co_filename, f.f_lineno)
        f = f.f_back
    return None


def _bump(t):
    st = t._st
    st[0] += 1
    st[1] = _site()


def check_inplace(t, opname):
    if _GRAD[0]:
        if t.requires_grad and t.grad_fn is None:
            raise RuntimeError(f"a leaf Variable that requires grad is being used in an "
                               f"in-place operation ({opname}). Wrap the update in "
                               f"`with torch.no_grad():` or update `.data`.")
        b = t._base
        if b is not None and b.requires_grad and b.grad_fn is None:
            raise RuntimeError(f"a view of a leaf Variable that requires grad is being "
                               f"used in an in-place operation ({opname}).")


def inplace(t, opname, compute, args, ufunc=None):
    """Run ``compute(t, *args) -> Tensor`` and write the result into t's buffer."""
    check_inplace(t, opname)
    other = args[0] if args else None
    rec = _GRAD[0] and (t.requires_grad or (isinstance(other, Tensor) and other.requires_grad))
    if not rec:
        if ufunc is not None and not _stack and isinstance(t._v, np.ndarray):
            ov = other._v if isinstance(other, Tensor) else other
            try:
                ufunc(t._v, ov, out=t._v, casting="same_kind")
            except (TypeError, np._core._exceptions._UFuncOutputCastingError) as e:  # noqa
                raise RuntimeError(f"{opname}: result type can't be cast to the desired "
                                   f"output type {T.from_np(t._v.dtype)} ({e})") from None
            _bump(t)
            return t
        r = compute(t, *args)
        _write(t, r._v, opname)
        _bump(t)
        return t
    if t._base is not None:
        raise RuntimeError(f"{opname}: in-place modification of a view of a tensor that "
                           f"requires grad is not supported by functorch_lite's autograd "
                           f"(it could not give a correct gradient). Use an out-of-place "
                           f"op, or clone() the tensor first.")
    old = _wrap(t._v.copy())
    old.requires_grad, old.grad_fn, old._oi = t.requires_grad, t.grad_fn, t._oi
    r = compute(old, *args)
    _write(t, r._v, opname)
    if r.requires_grad:
        t.requires_grad, t.grad_fn, t._oi = True, r.grad_fn, r._oi
    _bump(t)
    return t


def _write(t, v, opname):
    if not isinstance(t._v, np.ndarray):
        t._v = v
        return
    if np.shape(v) != t._v.shape:
        try:
            v = np.broadcast_to(v, t._v.shape)
        except ValueError:
            raise RuntimeError(f"{opname}: output with shape {list(t._v.shape)} doesn't "
                               f"match the broadcast shape {list(np.shape(v))}") from None
    try:
        np.copyto(t._v, v, casting="same_kind")
    except TypeError:
        raise RuntimeError(f"{opname}: result type {T.from_np(np.asarray(v).dtype)} can't "
                           f"be cast to the desired output type "
                           f"{T.from_np(t._v.dtype)}") from None


# -------------------------------------------------------------------- Tensor

class _TensorMeta(type):
    pass


class Tensor(metaclass=_TensorMeta):
    """torch.Tensor: ``Tensor(5, 3)`` (uninitialised float32), ``Tensor([[1, 2]])``
    (from data, float32), ``Tensor(ndarray)``."""
    requires_grad = False
    grad = None
    grad_fn = None
    _oi = 0
    _acc = None
    _base = None
    _st = None
    __array_priority__ = 1000

    def __init__(self, *args, dtype=None, device=None, requires_grad=False):
        dt = T.as_dtype(dtype) if dtype is not None else T.float32
        if len(args) == 1 and not isinstance(args[0], (int, np.integer)):
            a = args[0]
            if isinstance(a, Tensor):
                self._v, self._st = a._v, a._st
                return
            if isinstance(a, T.Size):
                v = np.empty(tuple(a), dt.np)
            else:
                v = _from_data(a, dt.np)
        else:
            shape = args[0] if len(args) == 1 and isinstance(args[0], (tuple, list)) else args
            v = np.empty(tuple(int(s) for s in shape), dt.np)
        self._v = v
        self._st = [0, None]
        _check_device(device)
        if requires_grad:
            self.requires_grad = True

    # ------------------------------------------------------------ basics
    def __fl_value__(self):
        return self._v

    @staticmethod
    def __fl_wrap__(v):   # transforms hand traced values to Tensor code as Tensors
        return _wrap(np.asarray(v) if isinstance(v, np.generic) else v)

    @property
    def shape(self):
        return T.Size(self._v.shape)

    def size(self, dim=None):
        s = self._v.shape
        if dim is None:
            return T.Size(s)
        return s[dim]

    @property
    def dtype(self):
        return T.from_np(self._v.dtype)

    @property
    def device(self):
        return T.CPU if isinstance(self._v, np.ndarray) or not hasattr(
            self._v, "device") else T.device("cuda", 0)

    @property
    def is_cuda(self):
        return self.device.type == "cuda"

    @property
    def ndim(self):
        return len(self._v.shape)

    def dim(self):
        return len(self._v.shape)

    ndimension = dim

    def numel(self):
        n = 1
        for d in self._v.shape:
            n *= d
        return n

    nelement = numel

    def element_size(self):
        return self._v.dtype.itemsize

    @property
    def is_leaf(self):
        return self.grad_fn is None

    @property
    def creator(self):   # the old tutorials' name for grad_fn
        return self.grad_fn

    @property
    def data(self):
        t = _wrap(self._v, self._st)
        t._base = self._base
        return t

    @data.setter
    def data(self, other):
        other = other if isinstance(other, Tensor) else as_tensor(other)
        self._v, self._st = other._v, other._st

    def __len__(self):
        s = self._v.shape
        if not s:
            raise TypeError("len() of a 0-d tensor")
        return s[0]

    def __iter__(self):
        if self.dim() == 0:
            raise TypeError("iteration over a 0-d tensor")
        return (self[i] for i in range(len(self)))

    def __hash__(self):
        return id(self)

    def item(self):
        if self.numel() != 1:
            raise RuntimeError(f"a Tensor with {self.numel()} elements cannot be converted "
                               f"to Scalar")
        v = self._v
        return (v.item() if isinstance(v, np.ndarray) else v.item())

    def tolist(self):
        return np.asarray(self._v).tolist() if isinstance(self._v, np.ndarray) else self._v.tolist()

    def numpy(self, force=False):
        if self.requires_grad and not force:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use "
                               "tensor.detach().numpy() instead.")
        if not isinstance(self._v, np.ndarray):
            raise TypeError(f"can't convert {self.device} device type tensor to numpy. Use "
                            f"Tensor.cpu() to copy the tensor to host memory first.")
        return self._v

    def __array__(self, dtype=None, copy=None):
        v = np.asarray(self._v)
        return v if dtype is None else v.astype(dtype)

    def __bool__(self):
        if self.numel() != 1:
            raise RuntimeError(f"Boolean value of Tensor with more than one value is "
                               f"ambiguous")
        return bool(self._v)

    def __float__(self):
        return float(self.item())

    def __int__(self):
        return int(self.item())

    def __index__(self):
        if self._v.dtype.kind not in "iub" or self.numel() != 1:
            raise TypeError("only integer tensors of a single element can be converted "
                            "to an index")
        return int(self.item())

    def __repr__(self, *, tensor_contents=None):
        from ._print import tensor_repr
        return tensor_repr(self)

    __str__ = __repr__

    def __format__(self, spec):
        if self.dim() == 0:
            return self.item().__format__(spec)
        return repr(self)

    def __reduce_ex__(self, proto):
        raise TypeError("functorch_lite tensors are not pickled; use functorch_lite.save "
                        "(.npz)")

    # ---------------------------------------------------------- autograd
    def detach(self):
        t = _wrap(self._v, self._st)
        t._base = self._base if self._base is not None else self
        return t

    def detach_(self):
        self.grad_fn = None
        self.requires_grad = False
        return self

    def requires_grad_(self, requires_grad=True):
        if self.grad_fn is not None and not requires_grad:
            raise RuntimeError("you can only change requires_grad flags of leaf variables. "
                               "If you want to use a computed variable in a subgraph that "
                               "doesn't require differentiation use var_no_grad = var.detach().")
        if requires_grad and self._v.dtype.kind not in "fc":
            raise RuntimeError("only Tensors of floating point and complex dtype can "
                               "require gradients")
        self.requires_grad = bool(requires_grad)
        return self

    def retain_grad(self):
        if self.grad_fn is None:
            if not self.requires_grad:
                raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
            return
        fn = self.grad_fn
        if fn.retained is None:
            fn.retained = {}
        fn.retained[self._oi] = self

    @property
    def retains_grad(self):
        fn = self.grad_fn
        return fn is not None and fn.retained is not None and self._oi in fn.retained

    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        _engine.run_backward([self], [gradient], retain_graph, create_graph)

    def register_hook(self, hook):
        raise NotImplementedError("Tensor.register_hook is not supported by functorch_lite")

    # --------------------------------------------------------- conversion
    def to(self, *args, dtype=None, device=None, copy=False, non_blocking=False):
        for a in args:
            if isinstance(a, Tensor):
                dtype = dtype or a.dtype
            elif isinstance(a, (T.dtype, np.dtype, type)):
                dtype = a
            elif a is not None:
                device = a
        t = self
        if device is not None:
            t = t._to_device(T.device(device))
        if dtype is not None:
            npdt = T.as_dtype(dtype).np
            if t._v.dtype != npdt:
                t = unary(convert_element_type_p, t, "ToCopyBackward0", new_dtype=npdt)
        if copy and t is self:
            t = self.clone()
        return t

    def _to_device(self, dev):
        if dev.type == "cpu":
            if isinstance(self._v, np.ndarray):
                return self
            raise RuntimeError("moving a GPU tensor to the CPU needs the CuPy backend")
        from . import cuda
        if not cuda.is_available():
            raise RuntimeError(f"Cannot move a tensor to {dev}: CUDA is not available "
                               f"(functorch_lite needs CuPy and an NVIDIA GPU). Check "
                               f"torch.cuda.is_available() first, or stay on the CPU.")
        raise RuntimeError(f"moving tensors to {dev} arrives with the CuPy backend issue; "
                           f"it is not supported by the Tensor facade yet")

    def cuda(self, device=None, non_blocking=False):
        return self._to_device(T.device("cuda" if device is None else (
            f"cuda:{device}" if isinstance(device, int) else device)))

    def cpu(self):
        return self._to_device(T.CPU)

    def float(self):
        return self.to(T.float32)

    def double(self):
        return self.to(T.float64)

    def half(self):
        return self.to(T.float16)

    def long(self):
        return self.to(T.int64)

    def int(self):
        return self.to(T.int32)

    def bool(self):
        return self.to(T.bool)

    def type(self, dtype=None):
        if dtype is None:
            return "torch." + self.dtype._tensor_type
        if isinstance(dtype, str):
            name = dtype.split(".")[-1]
            for d in T._ALL:
                if d._tensor_type == name:
                    return self.to(d)
            raise TypeError(f"invalid type: {dtype!r}")
        return self.to(dtype)

    def type_as(self, other):
        return self.to(other.dtype)

    def clone(self, memory_format=None):
        v = self._v
        out = v.copy() if isinstance(v, np.ndarray) else _run(convert_element_type_p, v,
                                                                new_dtype=v.dtype)
        t = _wrap(out)
        if self.requires_grad and _GRAD[0]:
            # recorded as a same-dtype convert_element_type: its rule is the identity
            _record(t, convert_element_type_p, _EMPTY, (self,), (v,), out, "CloneBackward0")
        return t

    def contiguous(self, memory_format=None):
        if isinstance(self._v, np.ndarray) and not self._v.flags.c_contiguous:
            t = self.clone()
            return t
        return self

    def is_contiguous(self, memory_format=None):
        return bool(getattr(self._v, "flags", None) is None or self._v.flags.c_contiguous)

    def data_ptr(self):
        return self._v.__array_interface__["data"][0]

    def storage_offset(self):
        return 0

    def stride(self, dim=None):
        st = tuple(s // self._v.itemsize for s in self._v.strides)
        return st if dim is None else st[dim]

    def is_floating_point(self):
        return self._v.dtype.kind == "f"

    def is_complex(self):
        return self._v.dtype.kind == "c"

    @property
    def _version(self):
        return self._st[0]


def _check_device(device):
    if device is None:
        return
    d = T.device(device) if not isinstance(device, T.device) else device
    if d.type == "cuda":
        from . import cuda
        if not cuda.is_available():
            raise RuntimeError(f"Cannot create a tensor on {d}: CUDA is not available "
                               f"(functorch_lite needs CuPy and an NVIDIA GPU). Check "
                               f"torch.cuda.is_available() first.")
        raise RuntimeError("GPU tensors arrive with the CuPy backend issue")


def _from_data(a, npdt=None):
    """NumPy array from nested lists / scalars / arrays / Tensors."""
    if isinstance(a, Tensor):
        v = np.asarray(a._v)
        return v if npdt is None else v.astype(npdt)
    if isinstance(a, (list, tuple)) and any(isinstance(e, Tensor) for e in a):
        a = [e.tolist() if isinstance(e, Tensor) else e for e in a]
    v = np.array(a)
    if npdt is not None:
        return v.astype(npdt, copy=False)
    if v.dtype.kind == "f" and not isinstance(a, (np.ndarray, np.generic)):
        v = v.astype(T.get_default_dtype().np)
    elif v.dtype.kind in "iu" and not isinstance(a, (np.ndarray, np.generic)):
        v = v.astype(np.int64)
    elif v.dtype.kind == "c" and not isinstance(a, (np.ndarray, np.generic)):
        v = v.astype(np.complex64)
    elif v.dtype.kind not in "biufc":
        raise TypeError(f"can't build a tensor from {type(a).__name__} (dtype {v.dtype})")
    return v


def as_tensor(data, dtype=None, device=None):
    if isinstance(data, Tensor):
        return data if dtype is None else data.to(dtype)
    npdt = None if dtype is None else T.as_dtype(dtype).np
    if isinstance(data, np.ndarray) and (npdt is None or data.dtype == npdt):
        return _wrap(data)
    _check_device(device)
    return _wrap(_from_data(data, npdt))
