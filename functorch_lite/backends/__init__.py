"""Backends are array namespaces (numpy, later cupy) behind one seam.

``available()`` lists usable backends, ``get(name)`` returns the namespace.
The interpreter that runs a jaxpr lives in ``interpreter``.
"""
import numpy as np

_default = "numpy"


def available():
    names = ["numpy"]
    try:  # cupy is optional; a GPU must also be visible
        import cupy  # noqa: F401
        if cupy.cuda.runtime.getDeviceCount() > 0:
            names.append("cupy")
    except Exception:  # noqa: BLE001 - any failure means "not available"
        pass
    return names


def get(name=None):
    name = name or _default
    if name == "numpy":
        return np
    if name == "cupy":
        if "cupy" not in available():
            raise RuntimeError("backend 'cupy' is not available: install cupy "
                               "(pip install functorch_lite[cuda]) on a machine with an NVIDIA GPU")
        import cupy
        return cupy
    raise ValueError(f"unknown backend {name!r}; choose from {available()}")


def set_default_backend(name):
    global _default
    get(name)
    _default = name


def default_backend():
    return _default
