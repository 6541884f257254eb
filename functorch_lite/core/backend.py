"""The ``Backend`` protocol and the registry of backends by array type.

A backend owns one or more concrete array classes and the namespace ``xp``
that primitive kernels receive (``prim.impl(xp, ...)``: NumPy's own module,
or a namespace spelling another library like NumPy).  The rest of the
library never asks *which* library an array belongs to; it asks the
array's backend what it can do (``backend_of(x).is_host``, ``.out_reuse``).

The registry lives in the core because ``bind`` picks a kernel's namespace
from its inputs' array types (``namespace_of``) and the core imports nothing
above it.  The instances are made and registered by ``functorch_lite.backends``
(numpy, cupy); another backend plugs in by registering its own instance.
"""
import importlib
from typing import Any

import numpy as np

from .ir import ShapedArray


class Backend:
    """What the library needs to know about one array library.

    Subclass it (or set the attributes on an instance) and ``register_backend``
    it.  The defaults describe a device backend with no extras."""

    name: str | None = None           # "numpy", "cupy", ...: what fl.backends.get() takes
    device: str | None = None         # where its arrays live, as device_put and messages say it
    aliases: tuple[str, ...] = ()          # more names fl.backends.get() / device_put accept
    array_types: tuple[type, ...] = ()      # the concrete array classes it owns (exact types)
    namespace: Any = None      # the ``xp`` its kernels receive

    # capabilities
    is_host = False           # its arrays are host memory: reading one back is no transfer
    out_reuse = False         # kernels take out= buffers: a jit plan may reuse dead buffers
    fusion = False            # a fusion code generator (ElementwiseKernel & co) is available
    finiteness_probe = False  # a BLAS dot is the cheap inf/nan check mul_safe uses
    host_constants = False    # a jit plan may keep host NumPy arrays as its constants

    special_module: str | None = None     # module path of its scipy.special-like functions

    def to_host(self, x):
        """A NumPy array with ``x``'s data (a device->host copy off the host)."""
        raise NotImplementedError(f"backend {self.name!r} has no to_host")

    def from_host(self, a):
        """A host (NumPy) array as one of this backend's arrays."""
        raise NotImplementedError(f"backend {self.name!r} has no from_host")

    def synchronize(self):
        """Wait for queued work (device timings); nothing to wait for by default."""

    def scatter_add(self, out, idx, updates):
        """In place ``out[idx] += updates``, repeated indices summed (NumPy's add.at)."""
        self.namespace.add.at(out, idx, updates)

    @property
    def special(self):
        """The scipy.special-like module for this backend, imported on first use
        (so scipy is loaded only by code that needs it)."""
        mod = self.__dict__.get("_special")
        if mod is None:
            mod = self.__dict__["_special"] = self._load_special()
        return mod

    def _load_special(self):
        if self.special_module is None:
            raise NotImplementedError(f"backend {self.name!r} has no special functions")
        return importlib.import_module(self.special_module)

    def __repr__(self):
        return f"<functorch_lite backend {self.name!r}>"


# ----------------------------------------------------------------- registry

_by_type: dict[Any, Any] = {}         # array type -> Backend (NumPy's included)
_by_namespace: dict[Any, Any] = {}    # id(namespace) -> Backend
_by_name: dict[Any, Any] = {}         # name or alias -> Backend
# array type -> namespace for every backend but NumPy's.  Empty while NumPy is
# the only backend: bind then skips the namespace lookup altogether.
extra_array_types: dict[Any, Any] = {}


def register_backend(b):
    """Make ``b``'s arrays known: kernels on them get ``b.namespace``."""
    if not b.name or not b.array_types or b.namespace is None:
        raise ValueError(f"register_backend: {b!r} needs a name, array_types and a namespace")
    for t in b.array_types:
        other = _by_type.get(t)
        if other is not None and other is not b:
            raise ValueError(f"register_backend: array type {t.__name__} already belongs "
                             f"to backend {other.name!r}")
    for t in b.array_types:
        _by_type[t] = b
        if t is not np.ndarray:
            extra_array_types[t] = b.namespace
    _by_namespace[id(b.namespace)] = b
    for n in (b.name,) + tuple(b.aliases):
        _by_name[n] = b
    return b


def unregister_backend(b):
    """Undo ``register_backend(b)`` (tests, and the CuPy stand-in's swap)."""
    for t in b.array_types:
        if _by_type.get(t) is b:
            del _by_type[t]
            extra_array_types.pop(t, None)
    if _by_namespace.get(id(b.namespace)) is b:
        del _by_namespace[id(b.namespace)]
    for n, v in list(_by_name.items()):
        if v is b:
            del _by_name[n]


def registered():
    """The registered backends, NumPy's first."""
    seen = []
    for b in _by_type.values():
        if b not in seen:
            seen.append(b)
    return sorted(seen, key=lambda b: not b.is_host)


def backend_named(name):
    """The registered backend called ``name`` (or one of its aliases), or None."""
    return _by_name.get(name)


_SCALARS = (bool, int, float, complex, np.generic)


_MISSING = object()


def backend_of(x, default=_MISSING):
    """The Backend of an array, or of a namespace a kernel received.

    NumPy and Python scalars belong to the host backend (they go anywhere);
    an unregistered subclass of np.ndarray is a NumPy array.  Anything else
    unknown is a TypeError, or ``default`` when one is given."""
    b = _by_type.get(type(x))
    if b is not None:
        return b
    b = _by_namespace.get(id(x))
    if b is not None:
        return b
    if isinstance(x, _SCALARS) or isinstance(x, np.ndarray):
        b = _by_type.get(np.ndarray)
        if b is not None:
            return b
    if default is not _MISSING:
        return default
    raise TypeError(f"no functorch_lite backend owns a {type(x).__name__}; known array "
                    f"types: {', '.join(t.__name__ for t in _by_type) or 'none'}")


class MixedBackendsError(ValueError):
    """Arrays of two backends met in one call (transfers are explicit)."""


UNREGISTERED = Backend()   # what a bare, unregistered namespace can do: nothing assumed


def namespace_of(args):
    """The namespace for a primitive's concrete inputs.

    NumPy scalars, Python scalars and unregistered objects go anywhere; arrays
    of two backends in one call are a MixedBackendsError."""
    found = None
    for a in args:
        t = type(a)
        xp = extra_array_types.get(t)
        if xp is None:
            if t is not np.ndarray:
                continue
            xp = np
        if found is None:
            found = xp
        elif found is not xp:
            raise MixedBackendsError(_mixed_message(args))
    return np if found is None else found


def _mixed_message(args):
    where, involved = [], []
    for i, a in enumerate(args):
        t = type(a)
        if t in extra_array_types or t is np.ndarray:
            b = backend_of(a)
            label = b.name if b.device in (None, b.name) else f"{b.device} ({b.name})"
            where.append(f"input {i} {ShapedArray(a.shape, a.dtype).str_short()} on {label}")
            if b not in involved:
                involved.append(b)
    moves = " or ".join(f"fl.device_put(x, {(b.device or b.name)!r})" for b in involved)
    return (f"inputs live on different backends: {', '.join(where)}. Move them to one "
            f"place first with {moves}.")
