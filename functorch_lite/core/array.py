"""``Array``: the immutable array type of functional results (JAX's ``jax.Array``).

A read-only-by-contract subclass of ``numpy.ndarray`` with no state of its own
(``__slots__ = ()``), so wrapping a NumPy result is one ``view`` (~80 ns) and
NumPy code keeps working on it (``np.asarray(x)`` is a view, never a copy).

Representation, chosen by measurement (docs/jax_semantics.md, "Arrays"): NumPy
runs a ufunc on a subclass through its slow subclass path (~3x a plain ``add``
on float64[10]), so the library never computes on Arrays.  Inputs are
unwrapped where they enter (``bind``'s fast path, ``functorch_lite.numpy``'s
input coercion, the transforms' and ``jit``'s arguments) and results are
wrapped only where they leave to user code: an eager ``bind`` while no
transform and none of the library's own evaluations runs (``busy``/``local``
below: backward passes, jaxpr interpretation), the transforms' and ``jit``'s
outputs, and the creation functions.  Only NumPy's arrays are
wrapped; other backends' arrays (CuPy, Dask) are returned as they are.

Immutability: ``x[i] = v`` and NumPy's in-place methods raise JAX's TypeError
naming ``x.at[i].set(v)``; in-place operators are not defined, so ``b += 1``
rebinds ``b`` to a new Array as in JAX; a NumPy ufunc with an Array as ``out=``
raises.  The operators, reductions and ``.at`` are ``functorch_lite.numpy``'s
(installed by ``numpy/_methods.install``), as tracers have them.
"""
import threading

import numpy as np

_AT_HINT = ("functorch_lite arrays are immutable and do not support in-place item "
            "assignment. Instead of x[idx] = y, use x = x.at[idx].set(y) or another "
            ".at[] method (add, multiply, min, max)")

# Library evaluations in progress (backward passes, jaxpr interpretation,
# grad's seed): their intermediate results are never wrapped.  ``busy`` counts
# them in all threads (all that bind reads: a thread-local read costs ~100 ns
# a primitive); ``local.n`` is this thread's count, which ``trace.public``
# reads while ``busy`` is nonzero.
busy = [0]
_lock = threading.Lock()


class _Local(threading.local):
    n = 0


local = _Local()


def enter():
    """Start a library-internal evaluation in this thread (pair with ``leave``)."""
    local.n += 1
    with _lock:
        busy[0] += 1


def leave():
    """End what ``enter`` started."""
    with _lock:
        busy[0] -= 1
    local.n -= 1


# What ``isinstance(x, Array)`` also accepts (JAX: a tracer is a jax.Array);
# trace.py adds Tracer.
virtual_types = [np.ndarray, np.generic]


class _ArrayMeta(type):
    def __instancecheck__(cls, x):
        if isinstance(x, tuple(virtual_types)):
            return True
        t = type(x)
        return hasattr(t, "__array_namespace__") and hasattr(x, "shape") and \
            hasattr(x, "dtype")

    def __subclasscheck__(cls, t):
        return isinstance(t, type) and (issubclass(t, tuple(virtual_types))
                                        or hasattr(t, "__array_namespace__"))


def _setitem_message(idx, value):
    """JAX's TypeError for ``x[idx] = value``, with the ``.at`` call that does it
    (spelled with the user's index and value when they are short literals)."""
    parts = [_short(e) for e in (idx if type(idx) is tuple else (idx,))] + [_short(value)]
    if None in parts or sum(map(len, parts)) > 60:
        i, v = "idx", "y"
    else:
        i, v = ", ".join(parts[:-1]), parts[-1]
    return (f"functorch_lite arrays are immutable and do not support in-place item "
            f"assignment. Instead of x[{i}] = {v}, use x = x.at[{i}].set({v}) or another "
            f".at[] method (add, multiply, min, max)")


def _short(e):
    if isinstance(e, slice):
        parts = ["" if p is None else repr(p) for p in (e.start, e.stop, e.step)]
        return ":".join(parts[:2] if e.step is None else parts)
    if e is Ellipsis:
        return "..."
    if isinstance(e, (bool, int, float, complex, np.generic)) or e is None:
        return repr(e.item() if isinstance(e, np.generic) else e)
    return None  # an array: named generically


def _immutable(name):
    def method(self, *args, **kwargs):
        raise TypeError(f"Array.{name}: {_AT_HINT}")
    method.__name__ = name
    return method


def _no_inplace(self, other):
    # in-place operators fall back to the binary ones: ``b += 1`` rebinds b
    return NotImplemented


def unwrap(x):
    """``x`` as a plain ndarray if it is an Array (a view: no copy), else ``x``."""
    return x.view(np.ndarray) if type(x) is Array else x


def _plain_tree(x):
    t = type(x)
    if t is Array:
        return x.view(np.ndarray)
    if t is list or t is tuple:
        return t(_plain_tree(e) for e in x)
    return x


class Array(np.ndarray, metaclass=_ArrayMeta):
    """The immutable array of ``functorch_lite``'s functional results (JAX's
    ``jax.Array``): an ``numpy.ndarray`` subclass, so NumPy reads it without a
    copy, with JAX's methods (``.at[...]``, ``block_until_ready``, ``device``,
    ``devices()``, ``__array_namespace__``).  ``isinstance(x, Array)`` is also
    True for ndarrays, NumPy scalars, other backends' arrays and tracers, as
    ``isinstance(tracer, jax.Array)`` is in JAX.  Create arrays with
    ``functorch_lite.numpy`` (``Array(...)`` is refused)."""

    __slots__ = ()

    def __new__(cls, *a, **k):
        raise TypeError("functorch_lite.Array is not constructed directly; create arrays "
                        "with functorch_lite.numpy.array(...) or .asarray(...)")

    def __setitem__(self, idx, value):
        raise TypeError(_setitem_message(idx, value))

    __delitem__ = _immutable("__delitem__")
    for _n in ("fill", "put", "itemset", "resize", "partition", "setfield", "setflags"):
        locals()[_n] = _immutable(_n)
    for _n in ("__iadd__", "__isub__", "__imul__", "__imatmul__", "__itruediv__",
               "__ifloordiv__", "__imod__", "__ipow__", "__ilshift__", "__irshift__",
               "__iand__", "__ixor__", "__ior__"):
        locals()[_n] = _no_inplace
    del _n

    def byteswap(self, inplace=False):
        """NumPy's byteswap; ``inplace=True`` is refused (immutable)."""
        if inplace:
            raise TypeError(f"Array.byteswap(inplace=True): {_AT_HINT}")
        return np.ndarray.byteswap(self.view(np.ndarray)).view(Array)

    def block_until_ready(self):
        """Wait for the value (host arrays are always ready); returns ``self``."""
        return self

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        # NumPy's ufuncs take Arrays as plain arrays and return plain arrays (as
        # np.sin(jax_array) returns an ndarray); writing into an Array is refused
        if kwargs:
            out = kwargs.get("out")
            if out is not None and any(type(o) is Array for o in (
                    out if type(out) is tuple else (out,))):
                raise TypeError(f"numpy.{ufunc.__name__}(..., out=<Array>): {_AT_HINT}")
        elif method == "__call__" and len(inputs) == 1:   # np.sin(x): the common case
            return ufunc(inputs[0].view(np.ndarray))
        inputs = tuple(unwrap(x) for x in inputs)
        return getattr(ufunc, method)(*inputs, **kwargs)

    def __array_function__(self, func, types, args, kwargs):
        impl = getattr(func, "_implementation", func)
        return impl(*_plain_tree(args), **{k: _plain_tree(v) for k, v in kwargs.items()})


def wrap(x):
    """A NumPy result as an Array (ndarrays and NumPy scalars; lists, tuples and
    dicts of results item by item); other values (another backend's arrays,
    tracers, Python objects, other containers) unchanged."""
    t = type(x)
    if t is np.ndarray:
        return x.view(Array)
    if t is list or t is tuple:
        return t(wrap(e) for e in x)
    if t is dict:
        return {k: wrap(v) for k, v in x.items()}
    if isinstance(x, np.generic):
        return np.asarray(x).view(Array)
    return x

