"""Primitives, bind, tracers and the trace stack.

``bind(prim, *args)`` either runs the backend kernel (no tracer among the
arguments: the fast path) or hands the call to the innermost trace that owns
one of the tracers.  Each transform pushes a ``MainTrace`` with a level; a
tracer knows its trace, so nested transforms never confuse their values.
"""
import os
import sys
import threading
from contextlib import contextmanager
from typing import Any

import numpy as np

from . import array as _A
from . import backend as _backend
from . import dtypes as _dtypes
from .errors import (ConcretizationTypeError, NonConcreteBooleanIndexError,
                     TracerArrayConversionError, TracerBoolConversionError,
                     TracerConversionError, TracerIntegerConversionError,
                     UnexpectedTracerError)
from .ir import ShapedArray
from .primitive import Primitive  # noqa: F401  (re-exported: the class lives in primitive.py)

_PKG_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep


# ------------------------------------------------------------ source lines

def user_frame():
    """The innermost frame outside this package (the user's code), or None."""
    f = sys._getframe(1)
    while f is not None and f.f_code.co_filename.startswith(_PKG_DIR):
        f = f.f_back
    return f


def source_info():
    f = user_frame()
    return f"{f.f_code.co_filename}:{f.f_lineno}" if f is not None else "<unknown>"


# ---------------------------------------------------------- array backends
# Backends and their array types are registered in core/backend.py; this is
# the part bind and the tracers need.

_extra_array_types = _backend.extra_array_types  # type -> namespace, NumPy's excluded
transfer_hook: list[Any] = []        # [check(what)]: set by backends, called before a device->host read


def check_read_back(v, what):
    """Before a value is read back to the host (bool(), float(), a predicate): for a
    value off the host that is a device->host copy, which transfer_guard checks."""
    if _extra_array_types and type(v) in _extra_array_types \
            and not _backend.backend_of(v).is_host:
        for check in transfer_hook:
            check(what)


def concrete_value(x):
    """The concrete array behind a tracer (through jvp/vjp/vmap levels), or None
    when it is abstract (make_jaxpr, jit)."""
    while isinstance(x, Tracer):
        for attr in ("value", "primal", "val"):
            v = getattr(x, attr, None)
            if v is not None:
                x = v
                break
        else:
            return None
    return x


def array_namespace(args, prim=None):
    """The backend namespace for a primitive's concrete inputs (numpy while no
    other backend is registered); see ``core.backend.namespace_of``."""
    if not _extra_array_types:
        return np
    try:
        return _backend.namespace_of(args)
    except _backend.MixedBackendsError as e:
        raise ValueError(_mixed_message(e, prim)) from None


def _mixed_message(err, prim):
    name = prim.name if prim is not None else "an operation"
    return f"{name} at {source_info()}: {err}"


# ------------------------------------------------------------- primitives

def bind(prim, *args, **params):
    main = tr = None
    raise_all = False        # some argument is not already a tracer of one trace
    arrays = False           # some argument is an Array (unwrapped for the kernel)
    for a in args:
        if isinstance(a, Tracer):
            t = a._trace
            m = t.main
            if main is None or m.level > main.level:
                main = m
            if tr is None:
                tr = t
            elif t is not tr:
                raise_all = True
        else:
            raise_all = True
            if a.__class__ is Array:
                arrays = True
    if main is None:  # fast path: plain arrays, run the kernel
        if arrays:  # kernels run on plain ndarrays (NumPy's subclass path is slow)
            args = [_A.unwrap(a) for a in args]
        try:  # (no array_namespace call while numpy is the only backend loaded)
            out = prim.impl(array_namespace(args, prim) if _extra_array_types else np,
                            *args, **params)
        except Exception as e:  # noqa: BLE001 - re-raised, with the shape rule's words if it objects
            raise _explain_failure(prim, args, params, e) from None
        # 32-bit mode: NumPy's kernels widen (int32 sums to int64, a Python float
        # alone to float64); narrow their results as JAX's would be
        if not _dtypes.X64:
            out = _dtypes.canonicalize_value(out)
        # a result for user code is an immutable Array; while a transform or a
        # library evaluation runs (two global counts: a thread-local read here
        # would cost ~100 ns a primitive) results stay plain ndarrays
        if active_mains[0] or _busy[0]:
            return out
        return out.view(Array) if out.__class__ is np.ndarray else _A.wrap(out)
    if not main.alive:
        raise _leak_error(main, prim)
    trace = main.trace
    if not raise_all and tr is trace:   # every argument a tracer of the innermost trace
        return trace.process_primitive(prim, args, params)
    if trace.raw_constants:             # constants go in as they are
        tracers = [a if not isinstance(a, Tracer) or a._trace is trace else trace.full_raise(a)
                   for a in args]
    else:   # most arguments already belong to this trace: skip full_raise for them
        tracers = [a if isinstance(a, Tracer) and a._trace is trace else trace.full_raise(a)
                   for a in args]
    return trace.process_primitive(prim, tracers, params)


Array = _A.Array
_busy = _A.busy


def public(x):
    """``x`` (a result leaving to user code: a transform's or jit's output; an
    array, or lists, tuples and dicts of them) as Arrays, unless this thread is
    inside a transform or a library evaluation."""
    if (active_mains[0] or _busy[0]) and (state.stack or _A.local.n):
        return x
    return x.view(Array) if x.__class__ is np.ndarray else _A.wrap(x)


def _explain_failure(prim, args, params, err):
    """A kernel failed: let the shape/dtype rule name the problem, with the user's line."""
    try:
        prim.abstract(*[get_aval(a) for a in args], **params)
    except (TypeError, ValueError, IndexError) as rule_err:
        return type(rule_err)(f"{rule_err} (at {source_info()})")
    except Exception:  # noqa: BLE001 - the rule itself could not run; keep the kernel's error
        pass
    return err


Primitive.bind = bind  # prim.bind(*args) is bind(prim, *args), without an extra frame


def _leak_error(main, prim=None):
    what = f" passed to {prim.name}" if prim is not None else ""
    return UnexpectedTracerError(
        f"A traced value created inside {main.name} (called at {main.source}) was "
        f"used{what} at {source_info()} after that transform returned: it has "
        f"escaped. Return it from the transformed function instead of storing it "
        f"in a global, a list or an object attribute.")


# ---------------------------------------------------------- traces & stack

class MainTrace:
    __slots__ = ("level", "trace", "name", "source", "alive", "payload")

    def __init__(self, level, trace_type, name, payload):
        self.level = level
        self.name = name
        self.source = source_info()
        self.alive = True
        self.payload = payload
        self.trace = trace_type(self)


class _TraceState(threading.local):
    """The trace stack, one per thread (as JAX keeps it): a transform running in
    one thread never sees another thread's tracers."""

    def __init__(self):
        self.stack = []


state = _TraceState()
# how many mains are open in all threads together: a pre-check cheaper than the
# thread-local stack (33 ns) for the eager paths that only act under a transform
active_mains = [0]
_active_lock = threading.Lock()


@contextmanager
def new_main(trace_type, name, payload=None):
    stack = state.stack
    main = MainTrace(len(stack), trace_type, name, payload)
    stack.append(main)
    with _active_lock:
        active_mains[0] += 1
    try:
        yield main
    finally:
        with _active_lock:
            active_mains[0] -= 1
        stack.pop()
        main.alive = False


class Trace:
    #: how a constant made by user code (``fnp.arange(10)`` inside the transform)
    #: enters this trace: 2, this trace's values are abstract or batched, so a
    #: constant indexed by one of them must be one of its values (jit, vmap);
    #: 1, wrapping is harmless (jvp, grad: values stay concrete); 0, never (the
    #: facade's recording trace, whose values are Tensors).
    const_lift = 0
    #: True: ``process_primitive`` takes arguments that are not tracers (constants:
    #: arrays, scalars) as they are, so ``bind`` hands them over without ``pure``
    raw_constants = False

    def __init__(self, main):
        self.main = main

    def pure(self, val):
        """Wrap a value from outside every transform."""
        raise NotImplementedError

    def lift(self, tracer):
        """Wrap a tracer of a lower (outer) trace."""
        raise NotImplementedError

    def full_raise(self, val):
        if isinstance(val, Tracer):
            m = val._trace.main
            if m is self.main:
                return val
            if not m.alive:
                raise _leak_error(m)
            if m.level < self.main.level:
                return self.lift(val)
            raise UnexpectedTracerError(
                f"A value from {m.name} (level {m.level}) reached {self.main.name} "
                f"(level {self.main.level}) at {source_info()}: a tracer escaped.")
        return self.pure(val)

    def process_primitive(self, prim, tracers, params):
        raise NotImplementedError


def stage_constant(x, depth=2):
    """``x`` (a concrete array just made by a ``functorch_lite.numpy`` creation
    function) as a constant of the innermost trace, as JAX's omnistaging makes
    ``jnp.arange(10)`` inside jit a traced constant; so ``fnp.arange(10)[i]``
    with ``i`` traced indexes through the gather primitive instead of NumPy's
    own ``__getitem__`` (which cannot take a tracer).

    Only when some active trace is abstract or batched (jit, make_jaxpr, the
    loops' bodies, vmap), and only for calls from user code (``depth``: frames
    up to the creation function's caller): the library's own constants stay
    concrete arrays. With no transform running this is one list check."""
    stack = state.stack
    if not stack:
        return x
    top = stack[-1].trace
    if not top.const_lift or not any(m.trace.const_lift == 2 for m in stack):
        return x
    if sys._getframe(depth).f_code.co_filename.startswith(_PKG_DIR):
        return x
    return top.pure(x)


def _indexing_hint():
    """For ``__array__``'s error: when the failing conversion is NumPy's own
    ``ndarray.__getitem__`` meeting a traced index (the caller's current
    instruction is a subscript), the message names the fix."""
    import dis
    f = sys._getframe(2)
    for ins in dis.get_instructions(f.f_code):
        if ins.offset == f.f_lasti:
            # Python 3.14 spells a subscript BINARY_OP "[]"
            if ins.opname in ("BINARY_SUBSCR", "STORE_SUBSCR") or (
                    ins.opname == "BINARY_OP" and ins.argrepr == "[]"):
                return (" This is a NumPy array indexed by a traced value (``arr[i]``): "
                        "NumPy's own indexing cannot take a tracer. Write "
                        "functorch_lite.numpy.asarray(arr)[i] inside the traced function "
                        "(or fnp.take(arr, i), lax.dynamic_index_in_dim(arr, i)); arrays "
                        "made by functorch_lite.numpy inside it index traced values "
                        "directly.")
            break
    return ""


def get_aval(x):
    if isinstance(x, Tracer):
        return x.aval
    if isinstance(x, np.ndarray):
        return ShapedArray(x.shape, x.dtype)
    if isinstance(x, np.generic):  # before the Python types: np.float64 subclasses float
        return ShapedArray((), x.dtype)
    if isinstance(x, bool):
        return ShapedArray((), np.bool_, weak_type=True)
    if isinstance(x, int):   # 32-bit mode (dtypes.X64 off): JAX's int32/float32 defaults
        return ShapedArray((), np.int64 if _dtypes.X64 else np.int32, weak_type=True)
    if isinstance(x, float):
        return ShapedArray((), np.float64 if _dtypes.X64 else np.float32, weak_type=True)
    if isinstance(x, complex):
        return ShapedArray((), np.complex128 if _dtypes.X64 else np.complex64,
                           weak_type=True)
    shape, dtype = getattr(x, "shape", None), getattr(x, "dtype", None)
    if shape is not None and dtype is not None:  # another backend's array
        return ShapedArray(shape, dtype)
    raise TypeError(f"{type(x).__name__} is not a valid array value; "
                    f"use an array, a Python scalar or a functorch_lite.numpy function")


# JAX's error kind for a conversion, by what was asked of the tracer (the
# ``why`` texts the conversions below and numpy's mask indexing pass)
_KINDS = (("bool()", TracerBoolConversionError), ("int()", TracerIntegerConversionError),
          ("using a traced", TracerIntegerConversionError),
          ("boolean-mask indexing", NonConcreteBooleanIndexError))


def _conversion_kind(why):
    for prefix, kind in _KINDS:
        if why.startswith(prefix):
            return kind
    return ConcretizationTypeError


class Tracer:
    """A value standing for an array inside a transform.

    Operators and ndarray methods are installed by functorch_lite.numpy.
    """
    __slots__ = ("_trace",)
    __array_priority__ = 1000
    __array_ufunc__ = None  # ndarray <op> tracer defers to the tracer's operator

    @property
    def aval(self):
        raise NotImplementedError

    shape = property(lambda self: self.aval.shape)
    dtype = property(lambda self: self.aval.dtype)
    ndim = property(lambda self: len(self.aval.shape))
    size = property(lambda self: self.aval.size)
    weak_type = property(lambda self: self.aval.weak_type)

    def __len__(self):
        if not self.aval.shape:
            raise TypeError("len() of unsized object (a 0-d traced value)")
        return self.aval.shape[0]

    def concrete(self, why):
        """The concrete value behind this tracer, or TracerConversionError."""
        raise NotImplementedError

    def _conversion_error(self, why, detail):
        return _conversion_kind(why)(
            f"{why} at {source_info()}: {detail} Python control flow cannot "
            f"depend on it. Ways out: lax.cond(pred, true_fun, false_fun, *operands) "
            f"for if/else, lax.while_loop / lax.fori_loop for loops, or mark the "
            f"argument static with jit(f, static_argnums=...).")

    def _host(self, what):
        """The concrete value, for a conversion to a Python value; reading a device
        value back is a device->host copy that transfer_guard checks."""
        v = self.concrete(what)
        check_read_back(v, what)
        return v

    def __bool__(self):
        return bool(self._host(f"bool() of a traced {self.aval.str_short()} value"))

    def __float__(self):
        return float(self._host(f"float() of a traced {self.aval.str_short()} value"))

    def __int__(self):
        return int(self._host(f"int() of a traced {self.aval.str_short()} value"))

    def __complex__(self):
        return complex(self._host("complex() of a traced value"))

    def __index__(self):
        v = self._host(f"using a traced {self.aval.str_short()} value as an index")
        return int(v)

    def item(self):
        return self._host(f".item() of a traced {self.aval.str_short()} value").item()

    def tolist(self):
        v = self._host("tolist() of a traced value")
        return v.tolist() if hasattr(v, "tolist") else np.asarray(v).tolist()

    def __array__(self, dtype=None, copy=None):
        raise TracerArrayConversionError(
            f"numpy.asarray() of a traced {self.aval.str_short()} value at {source_info()}: "
            f"converting to a NumPy array would drop it from the transform (and its "
            f"gradient). Use functorch_lite.numpy functions on it instead of numpy "
            f"ones.{_indexing_hint()}")

    def __hash__(self):
        raise TypeError("traced values are unhashable (like numpy arrays)")

    def __iter__(self):
        if not self.aval.shape:
            raise TypeError("iteration over a 0-d traced value")
        return (self[i] for i in range(self.aval.shape[0]))

    def __repr__(self):
        return f"Traced<{self.aval.str_short()}>({type(self).__name__})"


_A.virtual_types.append(Tracer)  # isinstance(tracer, Array), as in JAX
