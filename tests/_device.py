"""The device backends a test can run on: the real CuPy where a GPU is present,
and everywhere the strict CPU stand-in ``_fakecupy`` (see its docstring).

``device`` fixture -> Dev with put(host) / host(dev) / is_dev(x) / strict().
"""
import contextlib
import shutil

import numpy as np
import pytest

import functorch_lite as fl
import _fakecupy as fc

_REAL = []


def real_cupy_available():
    if not _REAL:
        fl.backends.forget_cupy()
        _REAL.append("cupy" in fl.backends.available())
        fl.backends.forget_cupy()
    return _REAL[0]


class Dev:
    def __init__(self, kind):
        self.kind = kind
        self._fusion = fl.config.fusion
        if kind == "fake":
            self.ns = fl.backends.use_cupy(fc, fc.cupyx)
            if shutil.which("g++") is None:   # the stand-in compiles fused kernels with g++
                fl.config.fusion = False
        else:
            fl.backends.forget_cupy()
            self.ns = fl.backends.get("cupy")

    def put(self, a):
        return fl.device_put(a, "cuda")

    def host(self, a):
        assert self.is_dev(a), f"expected a device array, got {type(a).__name__}"
        return fl.device_put(a, "cpu")

    def is_dev(self, a):
        return isinstance(a, self.ns.ndarray)

    @contextlib.contextmanager
    def strict(self):
        """No host<->device copy or sync may happen inside (fake: counted too)."""
        fc.STATS.reset()
        fc.STATS.strict = self.kind == "fake"
        try:
            with fl.backends.transfer_guard("disallow"):
                yield
        finally:
            fc.STATS.strict = False


@pytest.fixture(params=["fake", "cupy"])
def device(request):
    if request.param == "cupy" and not real_cupy_available():
        pytest.skip("needs CuPy and an NVIDIA GPU (none here); the CPU stand-in case ran")
    d = Dev(request.param)
    yield d
    fl.config.fusion = d._fusion
    fl.backends.forget_cupy()
    fc.STATS.reset()


def assert_close(dev, got, want, rtol=1e-12, atol=0.0):
    """got: device array(s); want: host array(s)."""
    if isinstance(want, (list, tuple)):
        assert len(got) == len(want)
        for g, w in zip(got, want):
            assert_close(dev, g, w, rtol, atol)
        return
    if want is None:
        assert got is None
        return
    g = dev.host(got)
    w = np.asarray(want)
    assert g.shape == w.shape and g.dtype == w.dtype, (g.shape, g.dtype, w.shape, w.dtype)
    np.testing.assert_allclose(g, w, rtol=rtol, atol=atol)
