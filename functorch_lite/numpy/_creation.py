"""Creation: array asarray zeros ones full *_like arange linspace eye.

Shapes are static, so these build concrete NumPy arrays unless a traced value
flows in (asarray of a tracer, full/full_like with a traced fill value,
linspace with traced endpoints), in which case the result is traced too.
"""
import functools

import numpy as _np

from .. import backends as _backends
from .. import primitives as P
from ..core import dtypes as _dtypes
from ..core.trace import Tracer, get_aval, public, stage_constant
from ..core.trace import active_mains as _active_mains
from ._base import (_arr, _v, _is_tracer, _concrete_of, _namespace_of, _on_backend_of,
                    _foreign, _is_foreign)


def _xp(like=None, device=None):
    """The namespace new constants are made in: ``device`` (the Array API's keyword:
    'cpu', 'cuda', a backend's name, or an array's ``.device``) if given, else
    ``like``'s backend if given (and concrete), else the default backend."""
    if device is not None:
        name = device if isinstance(device, str) else getattr(device, "type", str(device))
        try:
            return _backends.get(str(name).split(":")[0])
        except ValueError:
            raise ValueError(f"functorch_lite.numpy: unknown device {device!r}; use 'cpu', "
                             f"'cuda' or a backend's name ({', '.join(_backends.known())})") \
                from None
    if like is not None and _concrete_of(like) is not None:
        return _namespace_of(like)
    return _backends.get()


def astype(x, dtype, /, *, copy=True, device=None):
    """``x`` converted to ``dtype`` (NumPy's method, the Array API's function).
    ``copy=False`` returns ``x`` itself when the dtype already matches."""
    x = _v(x, "astype")
    if device is not None:
        x = _to_device(x, device, "astype")
    dt = _np.dtype(dtype)
    if not copy and get_aval(x).dtype == dt:
        return x
    if copy and not isinstance(x, Tracer) and get_aval(x).dtype == dt and hasattr(x, "copy"):
        return x.copy()
    return P.convert_element_type(x, dt)



def _canonical(fn):
    """JAX's 32-bit mode (``config.update("jax_enable_x64", False)``): the
    result narrowed to 32 bits, as JAX's default dtypes; a no-op otherwise.
    Under jit or vmap, an array made by user code is a constant of the trace."""
    @functools.wraps(fn)
    def wrapped(*args, **kwargs):
        out = fn(*args, **kwargs)
        if not _dtypes.X64:
            out = _dtypes.canonicalize_value(out)
        if _active_mains[0] and type(out) is _np.ndarray:
            # inside jit/vmap a constant made here becomes a value of the trace, so
            # indexing it with a traced integer works (see stage_constant)
            out = stage_constant(out)
        return public(out)  # an immutable Array for user code
    return wrapped


def _to_device(x, device, name):
    xp = _xp(device=device)
    if isinstance(x, Tracer) or isinstance(x, _np.generic) or type(x) in (bool, int, float):
        return x
    from .. import backends
    return backends.device_put(x, str(device).split(":")[0]) if xp is not _xp(x) else x


@_canonical
def asarray(a, dtype=None, order=None, *, copy=None, device=None):
    """``a`` as an array (NumPy's and the Array API's asarray).  ``copy``: None
    copies only when needed, True always, False never (a needed copy raises
    ValueError); ``device``: see _xp.  Objects of other libraries (a PyTorch
    tensor, anything with ``__dlpack__`` or ``__array__``) are converted on the
    host; a tensor requiring grad is refused (its gradient would be lost)."""
    if _is_foreign(a):
        if copy is False:
            raise ValueError(f"asarray: copy=False, but a {type(a).__name__} must be "
                             f"converted (a copy may be needed)")
        a = _foreign(a, "asarray")
        copy = None if copy is None else copy
    if type(a) in (list, tuple) and dtype is not None and _np.dtype(dtype).kind == "c":
        a = _np.asarray(a, dtype=dtype)
    if type(a) is complex or (type(a) is _np.ndarray and a.dtype.kind == "c"):
        # making a complex constant is plain NumPy (what the functions accept is theirs)
        return _xp(device=device).array(a, dtype=dtype, copy=copy)
    given_array = hasattr(a, "shape") and not isinstance(a, _np.generic)
    x = _v(a, "asarray")
    if isinstance(x, Tracer):
        return x if dtype is None else astype(x, dtype)
    if hasattr(x, "shape") and type(x) is not _np.ndarray:  # another backend's array
        xp = _xp(x, device)
    else:
        xp = _xp(device=device)
    if copy is False:
        if not given_array or (dtype is not None and _np.dtype(dtype) != x.dtype) or \
                xp is not _xp(x):
            raise ValueError("asarray: copy=False, but the input needs a copy (a Python "
                             "object, another dtype or another device)")
        return x
    if copy:
        return xp.array(x, dtype=dtype, copy=True)
    return xp.asarray(x, dtype=dtype)


@_canonical
def array(a, dtype=None, copy=True):
    if _is_foreign(a):
        a = _foreign(a, "array")
    x = _v(a, "array")
    if isinstance(x, Tracer):
        return x if dtype is None else astype(x, dtype)
    xp = _xp(x) if hasattr(x, "shape") and type(x) is not _np.ndarray else _xp()
    return xp.array(x, dtype=dtype, copy=copy)


def _shape_arg(shape):
    return (int(shape),) if isinstance(shape, (int, _np.integer)) else tuple(int(s) for s in shape)


@_canonical
def zeros(shape, dtype=float, *, device=None):
    return _xp(device=device).zeros(_shape_arg(shape), dtype=dtype)


@_canonical
def ones(shape, dtype=float, *, device=None):
    return _xp(device=device).ones(_shape_arg(shape), dtype=dtype)


@_canonical
def empty(shape, dtype=float, *, device=None):
    return _xp(device=device).zeros(_shape_arg(shape), dtype=dtype)


@_canonical
def full(shape, fill_value, dtype=None, *, device=None):
    shape = _shape_arg(shape)
    if _is_tracer(fill_value) or getattr(fill_value, "__fl_value__", None) is not None:
        v = _arr(fill_value, "full")
        v = v if dtype is None else astype(v, dtype)
        if get_aval(v).ndim and get_aval(v).shape != shape[-get_aval(v).ndim:]:
            _np.broadcast_shapes(get_aval(v).shape, shape)
        return P.broadcast_to(v, shape)
    if dtype is None and isinstance(fill_value, Tracer) is False and \
            type(fill_value) in (bool, int, float):  # NumPy's default for a Python scalar
        dtype = _np.result_type(fill_value)
    return _xp(device=device).full(shape, fill_value, dtype=dtype)


def _like(x, dtype, shape, device=None):
    x = _arr(x, "*_like")
    a = get_aval(x)
    return (a.shape if shape is None else _shape_arg(shape),
            a.dtype if dtype is None else _np.dtype(dtype), _xp(x, device))


def zeros_like(a, dtype=None, shape=None, *, device=None):
    shape, dt, xp = _like(a, dtype, shape, device)
    return xp.zeros(shape, dtype=dt)


def ones_like(a, dtype=None, shape=None, *, device=None):
    shape, dt, xp = _like(a, dtype, shape, device)
    return xp.ones(shape, dtype=dt)


def full_like(a, fill_value, dtype=None, shape=None, *, device=None):
    shape, dt, xp = _like(a, dtype, shape, device)
    if _is_tracer(fill_value) or getattr(fill_value, "__fl_value__", None) is not None:
        return full(shape, fill_value, dt)
    return xp.full(shape, fill_value, dtype=dt)


def empty_like(a, dtype=None, shape=None, *, device=None):
    return zeros_like(a, dtype, shape, device=device)


@_canonical
def arange(start, stop=None, step=None, dtype=None, *, device=None):
    # bounds must be concrete (the output length depends on them)
    conc = [s.concrete("arange bounds") if isinstance(s, Tracer) else s
            for s in (start, stop, step)]
    start, stop, step = conc
    if stop is None:
        start, stop = 0, start
    return _xp(device=device).arange(start, stop, 1 if step is None else step, dtype=dtype)


@_canonical
def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0, *,
             device=None):
    if not (_is_tracer(start) or _is_tracer(stop)):
        ref = next((v for v in (start, stop) if hasattr(v, "shape")), None)
        return _xp(ref, device).linspace(start, stop, num, endpoint=endpoint, retstep=retstep,
                              dtype=dtype, axis=axis)
    # traced endpoints: start + (stop - start) * t, differentiable in both
    from ._elementwise import add, multiply, subtract
    num = int(num)
    if num < 0:
        raise ValueError(f"linspace: number of samples, {num}, must be non-negative")
    div = (num - 1) if endpoint else num
    t = _np.arange(num, dtype=_np.float64) / (div if div > 0 else 1)
    if endpoint and num > 1:
        t[-1] = 1.0
    # Python endpoints stay weak: a float32 traced endpoint keeps the result float32
    start, stop = P.promote(_v(start, "linspace"), _v(stop, "linspace"))
    start, stop = _arr(start), _arr(stop)
    if get_aval(start).dtype.kind != "f":
        start, stop = astype(start, _np.float64), astype(stop, _np.float64)
    dt = get_aval(start).dtype
    t = t.astype(dt).reshape((num,) + (1,) * max(get_aval(start).ndim, get_aval(stop).ndim))
    t = _on_backend_of(t, start if _is_tracer(start) else stop)
    delta = subtract(stop, start)
    out = add(start, multiply(t, delta))
    if axis != 0:
        from ._shape import moveaxis
        out = moveaxis(out, 0, axis)
    if dtype is not None:
        out = astype(out, dtype)
    if retstep:
        return out, (delta / div if div > 0 else _np.nan)
    return out


@_canonical
def eye(N, M=None, k=0, dtype=float, *, device=None):
    return _xp(device=device).eye(N, M, k, dtype=float if dtype is None else dtype)


@_canonical
def identity(n, dtype=float):
    return _xp().identity(n, dtype=dtype)
