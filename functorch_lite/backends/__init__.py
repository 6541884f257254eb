"""Backends are array namespaces (numpy, cupy) behind one seam.

``available()`` lists usable backends, ``get(name)`` returns the namespace,
``device_put`` moves arrays explicitly (nothing moves implicitly), and
``transfer_guard("disallow")`` turns any host<->device copy made through the
library into an error.  The interpreter that runs a jaxpr is ``interpreter``.
"""
import contextlib
import sys
import threading

import numpy as np

from ..core import tree_util as tu
from ..core.trace import register_array_type
from ..core.trace import transfer_hook as _core_hooks

_default = "numpy"
_GUARD_LEVELS = ("allow", "disallow")
_guard_default = "allow"   # the process-wide level, for threads without a guard of their own


class _GuardState(threading.local):
    """transfer_guard contexts are per thread (as JAX's): a guard entered in one
    thread leaves another thread's transfers alone."""

    def __init__(self):
        self.levels = []   # this thread's open transfer_guard levels, innermost last


_guard = _GuardState()
_cupy = None       # the CupyNamespace once loaded (None: not tried yet or unavailable)
_tried = [False]


def _register(ns):
    global _cupy
    register_array_type(ns.ndarray, ns)
    _cupy = ns
    return ns


_load_lock = threading.Lock()   # a second thread waits for the first load, not "unavailable"


def _load_cupy():
    """The cupy namespace, registered with the core on first success."""
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


def use_cupy(cupy_module, cupyx_module, name="cupy"):
    """Install the 'cupy' backend over the given modules (tests use this with a
    CPU stand-in for CuPy; returns the namespace).  ``forget_cupy()`` undoes it."""
    from .cupy import CupyNamespace
    forget_cupy()
    _tried[0] = True
    return _register(CupyNamespace(cupy_module, cupyx_module, name))


def forget_cupy():
    global _cupy, _default
    from ..core.trace import _extra_array_types
    if _cupy is not None:
        _extra_array_types.pop(_cupy.ndarray, None)
    _cupy = None
    _tried[0] = False
    _default = "numpy"


def available():
    return ["numpy"] + (["cupy"] if _load_cupy() is not None else [])


def get(name=None):
    name = name or _default
    if name in ("numpy", "cpu"):
        return np
    if name in ("cupy", "cuda", "gpu"):
        cp = _load_cupy()
        if cp is None:
            raise RuntimeError(
                "backend 'cupy' is not available here: it needs CuPy (pip install "
                "'functorch_lite[cuda]') and a visible NVIDIA GPU. Use 'numpy' instead.")
        return cp
    raise ValueError(f"unknown backend {name!r}; choose from {available()}")


def set_default_backend(name):
    """Where new constants (fnp.zeros, ...) are created when no input decides."""
    global _default
    get(name)
    _default = "cupy" if name in ("cupy", "cuda", "gpu") else "numpy"


def default_backend():
    return _default


def backend_of(x):
    """'numpy' or 'cupy' for an array (scalars count as numpy)."""
    return "cupy" if _cupy is not None and isinstance(x, _cupy.ndarray) else "numpy"


def _check_guard(what):
    levels = _guard.levels
    if (levels[-1] if levels else _guard_default) == "disallow":
        raise RuntimeError(f"transfer_guard('disallow'): {what} would copy between host "
                           f"and device. Keep the data where it is, or leave the guard.")


def device_put(x, device="cpu"):
    """Move every array leaf of the pytree ``x`` to ``device`` ('cpu' or 'cuda')."""
    dev = str(device).split(":")[0]
    if dev not in ("cpu", "cuda", "numpy", "cupy", "gpu"):
        raise ValueError(f"device_put: unknown device {device!r}; use 'cpu' or 'cuda'")
    to_gpu = dev in ("cuda", "cupy", "gpu")
    cp = get("cupy") if to_gpu else _cupy

    def put(a):
        on_gpu = cp is not None and isinstance(a, cp.ndarray)
        if to_gpu:
            if on_gpu:
                return a
            _check_guard(f"device_put of a host array of shape {np.shape(a)}")
            return cp.from_host(a)
        if on_gpu:
            _check_guard(f"device_put of a device array of shape {a.shape}")
            return cp.to_host(a)
        return np.asarray(a)
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
