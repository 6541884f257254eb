"""Input coercion, axis normalisation and error helpers shared by the fnp modules."""
import builtins

import numpy as _np

from ..core import dtypes as _dtypes
from ..core.array import Array as _Array
from ..core.backend import backend_of
from ..core.trace import Tracer, concrete_value, get_aval

_SCALARS = (bool, int, float, complex)


def _bad_dtype(name, dt, shape):
    return TypeError(
        f"{name or 'functorch_lite.numpy'}: unsupported dtype {dt} (shape {tuple(shape)}); "
        f"functorch_lite arrays are bool, integer, floating point or complex (object and "
        f"string arrays are not supported)")


def _v(x, name=None):
    """Coerce a user input to a value primitives accept (Python scalars stay weak).

    With ``name`` (the calling function), object/string inputs are rejected
    here with an error naming it; without, they pass on to the caller's checks."""
    t = type(x)
    if t is _np.ndarray:
        if name is not None and x.dtype.kind not in "biufc":
            raise _bad_dtype(name, x.dtype, x.shape)
        return x if _dtypes.X64 else _dtypes.canonicalize_value(x)  # JAX's 32-bit mode
    if isinstance(x, Tracer) or t in _SCALARS:
        return x
    if t is _Array:
        # an Array stays one: a function returning its input unchanged (a no-op
        # reshape, astype, ...) must not hand out a mutable view; bind unwraps it
        if name is not None and x.dtype.kind not in "biufc":
            raise _bad_dtype(name, x.dtype, x.shape)
        return x if _dtypes.X64 else _dtypes.canonicalize_value(x)
    if isinstance(x, _np.generic):
        return _v(_np.asarray(x), name)
    conv = getattr(x, "__fl_value__", None)  # the Tensor facade
    if conv is not None:
        if getattr(x, "requires_grad", False):
            # its array would leave the facade's tape: refuse rather than drop the gradient
            raise TypeError(
                f"{name or 'functorch_lite.numpy'}: got a functorch_lite Tensor that "
                f"requires grad; functorch_lite.numpy functions return arrays and would "
                f"drop its gradient. Use the Tensor's methods / torch.<op> (or "
                f"fl.nn's functions), or pass t.detach() if no gradient is wanted")
        return conv()
    if isinstance(x, (list, tuple)):
        if any(isinstance(e, Tracer) or getattr(e, "__fl_value__", None) is not None
               for e in _flat(x)):
            return _stack0([_v(e, name) for e in x])
        return _v(_np.asarray(x), name)
    if _is_foreign(x):  # another library's array (PyTorch, ...): via DLPack/__array__
        return _v(_foreign(x, name or "functorch_lite.numpy"), name)
    if hasattr(x, "shape") and hasattr(x, "dtype"):  # another backend's array
        if name is not None and _np.dtype(x.dtype).kind not in "biufc":
            raise _bad_dtype(name, x.dtype, x.shape)
        return x
    raise TypeError(f"{name or 'functorch_lite.numpy'}: cannot use a {type(x).__name__} "
                    f"as an array")


def _foreign(x, name):
    """A NumPy array from another library's array (PyTorch, JAX, ... objects that
    are not a registered backend's): DLPack first, then ``__array__``."""
    if getattr(x, "requires_grad", False):
        raise TypeError(f"{name}: this {type(x).__module__}.{type(x).__name__} requires "
                        f"grad, and an array made from it would drop its gradient; pass "
                        f"x.detach() (or compute with that library's own functions)")
    if hasattr(x, "__dlpack__"):
        try:
            return _np.from_dlpack(x)
        except (BufferError, TypeError, RuntimeError, ValueError):
            pass  # e.g. a device tensor or an unsupported dtype: try __array__
    if hasattr(x, "__array__"):
        return _np.asarray(x)
    raise TypeError(f"{name}: cannot convert a {type(x).__name__} to an array (it has "
                    f"neither __dlpack__ nor __array__)")


def _is_foreign(x):
    """True for another library's array object (not NumPy's, not a registered
    backend's, not a tracer or facade Tensor) that offers DLPack or __array__."""
    if type(x) is _np.ndarray or isinstance(x, (Tracer, _np.generic)) or \
            getattr(x, "__fl_value__", None) is not None:
        return False
    if not (hasattr(x, "__dlpack__") or hasattr(x, "__array__")):
        return False
    try:
        backend_of(x)
        return False
    except TypeError:
        return True


def _flat(x):
    for e in x:
        if isinstance(e, (list, tuple)):
            yield from _flat(e)
        else:
            yield e


def _stack0(vals):
    """``stack(vals)`` along a new axis 0, for lists holding traced values: what
    ``_shape.stack`` does (this module sits below ``_shape``, so it spells it out)."""
    from .. import primitives as P
    xs = [_arr(v, "stack") for v in vals]
    shapes = [get_aval(x).shape for x in xs]
    if len(set(shapes)) != 1:
        raise ValueError(f"stack: all input arrays must have the same shape, got {shapes}")
    xs = [P.reshape(x, (1,) + s) for x, s in zip(xs, shapes)]
    return P.concatenate(list(P.promote(*xs)) if len(xs) > 1 else xs, 0)


def _arr(x, name=None):
    """Like _v, but Python scalars become 0-d NumPy arrays (NumPy's default dtypes)."""
    x = _v(x, name)
    return _dtypes.canonicalize_value(_np.asarray(x)) if type(x) in _SCALARS else x


def _shape(x):
    return get_aval(x).shape


def _ndim(x):
    return len(get_aval(x).shape)


def _dtype(x):
    return get_aval(x).dtype


def _is_tracer(x):
    return isinstance(x, Tracer)


def _norm_axis(axis, ndim, name):
    """One axis (int, negative counts from the end) as 0..ndim-1, or AxisError-like ValueError."""
    try:
        a = int(axis)
    except TypeError:
        raise TypeError(f"{name}: axis must be an integer, got {axis!r}") from None
    if not -ndim <= a < ndim:
        # NumPy's AxisError: both a ValueError and an IndexError (the Array API's)
        raise _np.exceptions.AxisError(f"{name}: axis {a} is out of bounds for an array "
                                       f"of dimension {ndim}")
    return a % ndim


def _axes(axis, ndim, name):
    """axis None/int/tuple -> sorted tuple of non-negative axes."""
    if axis is None:
        return tuple(range(ndim))
    axes = (axis,) if isinstance(axis, (int, _np.integer)) else tuple(axis)
    out = []
    for a in axes:
        if ndim == 0 and a in (0, -1):  # NumPy accepts axis 0/-1 on 0-d for reductions
            continue
        out.append(_norm_axis(a, ndim, name))
    if len(set(out)) != len(out):
        raise ValueError(f"{name}: repeated axis in {axis}")
    return tuple(sorted(out))


def _keep(x_shape, out, axes, keepdims):
    """Re-insert reduced axes as size 1.  ``x_shape``: the input's shape (or the
    input itself, the older calling convention)."""
    if not keepdims:
        return out
    from .. import primitives as P
    if not isinstance(x_shape, tuple):
        x_shape = get_aval(x_shape).shape
    shape = tuple(1 if i in axes else d for i, d in enumerate(x_shape))
    return P.reshape(out, shape)


def _float_dtype(dt):
    """NumPy's result dtype of float math on ``dt`` (int8 -> float16, int64 -> float64)."""
    dt = _np.dtype(dt)
    return dt if dt.kind in "fc" else _np.result_type(dt, _np.float16)


def _prod(xs):
    n = 1
    for d in xs:
        n *= int(d)
    return n


_builtin_max, _builtin_min, _builtin_sum = builtins.max, builtins.min, builtins.sum


_concrete_of = concrete_value


def _backend_of_value(ref):
    """The Backend ref's value lives on; the host's for scalars and for abstract
    tracers (what they build becomes a jit constant, placed with the plan)."""
    r = _concrete_of(ref)
    return backend_of(r if r is not None and hasattr(r, "shape") else _np)


def _namespace_of(ref):
    """The array namespace ref's value lives on (see _backend_of_value)."""
    return _backend_of_value(ref).namespace


def _on_backend_of(const, ref):
    """Host constant ``const`` (an index array) placed on ``ref``'s backend, so
    that NumPy-built constants never mix with another backend's values: off the
    host, a host->device copy, which transfer_guard checks.  Abstract tracers
    keep the host constant (it becomes a jaxpr constant, placed with the plan)."""
    b = _backend_of_value(ref)
    if type(const) in b.array_types:
        return const
    if not b.is_host:
        from .. import backends
        backends.check_transfer(f"a host index array of shape {_np.shape(const)} copied to "
                                f"the device (pass device arrays as indices to avoid it)")
    return b.from_host(const)
