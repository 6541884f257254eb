"""Backends are array namespaces (numpy, cupy) behind one seam.

``available()`` lists usable backends, ``get(name)`` returns the namespace,
``device_put`` moves arrays explicitly (nothing moves implicitly), and
``transfer_guard("disallow")`` turns any host<->device copy made through the
library into an error.  The interpreter that runs a jaxpr is ``interpreter``.
"""
import contextlib
import sys

import numpy as np

from ..core import tree_util as tu
from ..core.trace import register_array_type

_default = "numpy"
_guard = ["allow"]
_cupy = None


def _load_cupy():
    """Import cupy and register its array type with the core (once)."""
    global _cupy
    if _cupy is None:
        try:
            import cupy
            if cupy.cuda.runtime.getDeviceCount() < 1:
                return None
        except Exception:  # noqa: BLE001 - no cupy, no driver or no GPU: not available
            return None
        register_array_type(cupy.ndarray, cupy)
        _cupy = cupy
    return _cupy


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
    if _guard[-1] == "disallow":
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
            return cp.asarray(a)
        if on_gpu:
            _check_guard(f"device_put of a device array of shape {a.shape}")
            return cp.asnumpy(a)
        return np.asarray(a)
    return tu.tree_map(put, x)


@contextlib.contextmanager
def transfer_guard(level="disallow"):
    """``with transfer_guard("disallow"):`` — host<->device copies through the
    library raise (device_put, Tensor .cpu()/.item()/.numpy() of device data)."""
    if level not in ("allow", "disallow"):
        raise ValueError("transfer_guard: level must be 'allow' or 'disallow'")
    _guard.append(level)
    try:
        yield
    finally:
        _guard.pop()


def check_transfer(what):
    """Called by the facade before an implicit device->host copy (item(), float())."""
    _check_guard(what)


if "cupy" in sys.modules:  # a user who already imported cupy can pass its arrays in
    _load_cupy()
