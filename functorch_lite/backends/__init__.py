"""Backends: array libraries behind one protocol (``core.backend.Backend``).

NumPy (``numpy.py``) and CuPy (``cupy.py``) are two registered instances;
another backend plugs in with ``register_backend(instance)``.
``available()`` lists usable backends, ``get(name)`` returns a namespace and
``get_backend(name)`` its Backend, ``device_put`` moves arrays explicitly
(nothing moves implicitly), and ``transfer_guard("disallow")`` turns any
host<->device copy made through the library into an error.  The interpreter
that runs a jaxpr is ``interpreter``.
"""
import contextlib
import sys
import threading
from typing import Any

import numpy as np

from ..core import tree_util as tu
from ..core.backend import (Backend, MixedBackendsError, backend_named, backend_of,  # noqa: F401
                            namespace_of, register_backend, registered, unregister_backend)
from ..core.trace import transfer_hook as _core_hooks
from .numpy import NUMPY

register_backend(NUMPY)

_default = "numpy"
_GUARD_LEVELS = ("allow", "disallow")
_guard_default = "allow"   # the process-wide level, for threads without a guard of their own


class _GuardState(threading.local):
    """transfer_guard contexts are per thread (as JAX's): a guard entered in one
    thread leaves another thread's transfers alone."""

    def __init__(self):
        self.levels = []   # this thread's open transfer_guard levels, innermost last


_guard = _GuardState()
_cupy = None       # the CupyBackend once loaded (None: not tried yet or unavailable)
_tried = [False]
_CUPY_NAMES = ("cupy", "cuda", "gpu")   # what loads CuPy on first use


def _register(ns):
    global _cupy
    from .cupy import CupyBackend
    _cupy = register_backend(CupyBackend(ns))
    return ns


_load_lock = threading.Lock()   # a second thread waits for the first load, not "unavailable"


def _load_cupy():
    """The cupy Backend, registered with the core on first success."""
    if _cupy is None and not _tried[0]:
        with _load_lock:
            if _cupy is None and not _tried[0]:
                try:
                    from .cupy import load
                    ns = load()
                    if ns is not None:
                        _register(ns)
                finally:   # set last: threads that see it also see the namespace
                    _tried[0] = True
    return _cupy


_dask: list[Any] = []        # the DaskBackend while registered
_dask_made: list[Any] = []   # the DaskBackend once built (re-registered after forget_dask)


def _load_dask():
    """The dask Backend (``backends/dask.py``), registered on first use; its
    computes are checked by transfer_guard as device reads are."""
    if not _dask:
        with _load_lock:
            if not _dask:
                from . import dask as _dk
                b = _dk.load() if not _dask_made else _dask_made[0]   # one namespace: caches stay
                if b is None:
                    raise RuntimeError("backend 'dask' is not available here: it needs "
                                       "dask.array (pip install 'functorch_lite[distributed]').")
                _dk._check_hook[:] = [_check_guard]
                _dask_made[:] = [b]
                _dask.append(register_backend(b))
    return _dask[0]


def forget_dask():
    """Unregister the dask backend (tests: NumPy alone again; it loads again on
    the next use of "dask")."""
    if _dask:
        unregister_backend(_dask.pop())


def use_cupy(cupy_module, cupyx_module, name="cupy"):
    """Install the 'cupy' backend over the given modules (tests use this with a
    CPU stand-in for CuPy; returns the namespace).  ``forget_cupy()`` undoes it."""
    from .cupy import CupyNamespace
    forget_cupy()
    _tried[0] = True
    return _register(CupyNamespace(cupy_module, cupyx_module, name))


def forget_cupy():
    """Unregister the CuPy backend and make NumPy the default again; the next
    request for a GPU backend tries to import CuPy afresh (for tests that
    switch CuPy on and off).
    """
    global _cupy, _default
    if _cupy is not None:
        unregister_backend(_cupy)
    _cupy = None
    _tried[0] = False
    _default = "numpy"


def available():
    """Names of the backends that can run here, NumPy's first."""
    if _cupy is None:
        _load_cupy()
    return [b.name for b in registered()]


def known():
    """Names ``get`` accepts (a backend may still be unavailable here)."""
    names = [b.name for b in registered()]
    return names + [n for n in _CUPY_NAMES[:1] + ("dask",) if n not in names]


def get_backend(name=None):
    """The Backend called ``name`` (or an alias: 'cpu', 'cuda'); default: the
    default backend."""
    name = name or _default
    b = backend_named(name)
    if b is None and name in _CUPY_NAMES:
        b = _load_cupy()
        if b is None:
            raise RuntimeError(
                "backend 'cupy' is not available here: it needs CuPy (pip install "
                "'functorch_lite[cuda]') and a visible NVIDIA GPU. Use 'numpy' instead.")
    if b is None and name == "dask":
        b = _load_dask()
    if b is None:
        raise ValueError(f"unknown backend {name!r}; choose from {available()}")
    return b


def get(name=None):
    """The namespace (``xp``) of the backend called ``name``."""
    return get_backend(name).namespace


def set_default_backend(name):
    """Where new constants (fnp.zeros, ...) are created when no input decides."""
    global _default
    _default = get_backend(name).name


def default_backend():
    """The name of the backend new arrays use by default: ``'numpy'``, or
    ``'cupy'`` once the CuPy backend is registered and chosen.
    """
    return _default


def _check_guard(what):
    levels = _guard.levels
    if (levels[-1] if levels else _guard_default) == "disallow":
        raise RuntimeError(f"transfer_guard('disallow'): {what} would copy between host "
                           f"and device. Keep the data where it is, or leave the guard.")


def device_put(x, device="cpu", *, chunks=None):
    """Move every array leaf of the pytree ``x`` to ``device`` ('cpu', 'cuda', or
    a backend's name).  ``chunks`` (Dask's chunk spec) is for ``"dask"`` only."""
    dev = str(device).split(":")[0]
    try:
        to = get_backend(dev)
    except ValueError:
        raise ValueError(f"device_put: unknown device {device!r}; use 'cpu', 'cuda' or a "
                         f"backend's name ({', '.join(known())})") from None
    if chunks is not None and to.name != "dask":
        raise ValueError(f"device_put: chunks= is for device 'dask' (a chunked backend); "
                         f"device {device!r} has no chunks. Drop chunks= or use 'dask'.")

    def put(a):
        if type(a) in to.array_types:
            return a if chunks is None else a.rechunk(chunks)
        try:
            src = backend_of(a)
        except TypeError:      # lists, other libraries' arrays: read on the host
            src = NUMPY
        if not src.is_host:
            _check_guard(f"device_put of a {src.name} device array of shape {a.shape}")
            a = src.to_host(a)
        if not to.is_host:
            _check_guard(f"device_put of a host array of shape {np.shape(a)}")
        return to.from_host(a) if chunks is None else to.from_host(a, chunks)
    return tu.tree_map(put, x)


@contextlib.contextmanager
def transfer_guard(level="disallow"):
    """``with transfer_guard("disallow"):`` — host<->device copies through the
    library raise (device_put, Tensor .cpu()/.item()/.numpy() of device data).
    The context holds in the thread that enters it (``set_default_transfer_guard``
    sets the level for all threads outside one)."""
    _check_level(level, "transfer_guard")
    levels = _guard.levels
    levels.append(level)
    try:
        yield
    finally:
        levels.pop()


def set_default_transfer_guard(level):
    """The level of every thread outside a ``transfer_guard`` context ("allow"
    unless set; a context in any thread overrides it there)."""
    global _guard_default
    _check_level(level, "set_default_transfer_guard")
    _guard_default = level


def _check_level(level, who):
    if level not in _GUARD_LEVELS:
        raise ValueError(f"{who}: level must be 'allow' or 'disallow', not {level!r}")


def check_transfer(what):
    """Called before an implicit device->host copy (the facade's item()/float(),
    a tracer's bool()/float() over a device value)."""
    _check_guard(what)


_core_hooks.append(check_transfer)


if "cupy" in sys.modules:  # a user who already imported cupy can pass its arrays in
    _load_cupy()
if sys.modules.get("dask.array") is not None:   # a user's dask arrays are known to bind
    _load_dask()

# the full docstrings (Args/Returns/Example) live in _docs.py: this module stays short
from ..core.mirror_docs import document as _document  # noqa: E402
from ._docs import DOCS as _DOCS  # noqa: E402

_document(globals(), _DOCS)
