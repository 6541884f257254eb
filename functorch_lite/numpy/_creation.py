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
from ..core.trace import Tracer, get_aval
from ._base import _arr, _v, _is_tracer, _concrete_of, _namespace_of, _on_backend_of


def _xp(like=None):
    """The namespace new constants are made in: ``like``'s backend if given (and
    concrete), else the default backend (fl.set_default_backend)."""
    if like is not None and _concrete_of(like) is not None:
        return _namespace_of(like)
    return _backends.get()


def astype(x, dtype):
    return P.convert_element_type(_v(x, "astype"), _np.dtype(dtype))



def _canonical(fn):
    """JAX's 32-bit mode (``config.update("jax_enable_x64", False)``): the
    result narrowed to 32 bits, as JAX's default dtypes; a no-op otherwise."""
    @functools.wraps(fn)
    def wrapped(*args, **kwargs):
        out = fn(*args, **kwargs)
        return out if _dtypes.X64 else _dtypes.canonicalize_value(out)
    return wrapped


@_canonical
def asarray(a, dtype=None):
    x = _v(a, "asarray")
    if isinstance(x, Tracer):
        return x if dtype is None else astype(x, dtype)
    if type(x) is complex:
        x = _np.asarray(x)
    if hasattr(x, "shape") and type(x) is not _np.ndarray:  # another backend's array
        return _xp(x).asarray(x, dtype=dtype)
    return _xp().asarray(x, dtype=dtype)


@_canonical
def array(a, dtype=None, copy=True):
    x = _v(a, "array")
    if isinstance(x, Tracer):
        return x if dtype is None else astype(x, dtype)
    xp = _xp(x) if hasattr(x, "shape") and type(x) is not _np.ndarray else _xp()
    return xp.array(x, dtype=dtype, copy=copy)


def _shape_arg(shape):
    return (int(shape),) if isinstance(shape, (int, _np.integer)) else tuple(int(s) for s in shape)


@_canonical
def zeros(shape, dtype=float):
    return _xp().zeros(_shape_arg(shape), dtype=dtype)


@_canonical
def ones(shape, dtype=float):
    return _xp().ones(_shape_arg(shape), dtype=dtype)


@_canonical
def empty(shape, dtype=float):
    return _xp().zeros(_shape_arg(shape), dtype=dtype)


@_canonical
def full(shape, fill_value, dtype=None):
    shape = _shape_arg(shape)
    if _is_tracer(fill_value) or getattr(fill_value, "__fl_value__", None) is not None:
        v = _arr(fill_value, "full")
        v = v if dtype is None else astype(v, dtype)
        if get_aval(v).ndim and get_aval(v).shape != shape[-get_aval(v).ndim:]:
            _np.broadcast_shapes(get_aval(v).shape, shape)
        return P.broadcast_to(v, shape)
    return _xp().full(shape, fill_value, dtype=dtype)


def _like(x, dtype, shape):
    x = _arr(x, "*_like")
    a = get_aval(x)
    return (a.shape if shape is None else _shape_arg(shape),
            a.dtype if dtype is None else _np.dtype(dtype), _xp(x))


def zeros_like(a, dtype=None, shape=None):
    shape, dt, xp = _like(a, dtype, shape)
    return xp.zeros(shape, dtype=dt)


def ones_like(a, dtype=None, shape=None):
    shape, dt, xp = _like(a, dtype, shape)
    return xp.ones(shape, dtype=dt)


def full_like(a, fill_value, dtype=None, shape=None):
    shape, dt, xp = _like(a, dtype, shape)
    if _is_tracer(fill_value) or getattr(fill_value, "__fl_value__", None) is not None:
        return full(shape, fill_value, dt)
    return xp.full(shape, fill_value, dtype=dt)


def empty_like(a, dtype=None, shape=None):
    return zeros_like(a, dtype, shape)


@_canonical
def arange(start, stop=None, step=None, dtype=None):
    # bounds must be concrete (the output length depends on them)
    conc = [s.concrete("arange bounds") if isinstance(s, Tracer) else s
            for s in (start, stop, step)]
    start, stop, step = conc
    if stop is None:
        start, stop = 0, start
    return _xp().arange(start, stop, 1 if step is None else step, dtype=dtype)


@_canonical
def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    if not (_is_tracer(start) or _is_tracer(stop)):
        ref = next((v for v in (start, stop) if hasattr(v, "shape")), None)
        return _xp(ref).linspace(start, stop, num, endpoint=endpoint, retstep=retstep,
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
    start, stop = _arr(start, "linspace"), _arr(stop, "linspace")
    if get_aval(start).dtype.kind != "f":
        start = astype(start, _np.float64)
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
def eye(N, M=None, k=0, dtype=float):
    return _xp().eye(N, M, k, dtype=dtype)


@_canonical
def identity(n, dtype=float):
    return _xp().identity(n, dtype=dtype)
