"""The NumPy backend: host arrays, the namespace is numpy itself.

It is the backend every other one is compared with: kernels write into dead
buffers (``out=``), a BLAS dot over a host array is the cheap inf/nan probe
``mul_safe`` uses, and a jit plan keeps host constants as they are.
"""
import numpy as np

from ..core.backend import Backend


class NumpyBackend(Backend):
    name = "numpy"
    device = "cpu"
    aliases = ("cpu",)
    array_types = (np.ndarray,)
    namespace = np

    is_host = True
    out_reuse = True
    fusion = False            # no CuPy-style kernel classes: NumPy plans fuse through
                              # generated C instead (backends/cpu_fusion.py)
    finiteness_probe = True
    host_constants = True
    special_module = "scipy.special"

    def to_host(self, x):
        return np.asarray(x)

    def from_host(self, a):
        return np.asarray(a)


NUMPY = NumpyBackend()
