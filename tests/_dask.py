"""The Dask backend as a test device: ``Dev``-like helpers for the
backend-parameterised suite (tests/test_dask_backend.py re-runs
tests/test_device_backend.py's tests with this ``device`` fixture).

Arrays are split into two chunks along every axis of length > 1, so every
kernel meets a chunked operand.  ``strict()`` proves a block computes nothing:
a Dask callback counts every compute (the library's and any hidden one inside
Dask), and transfer_guard('disallow') refuses the library's reads.
"""
import contextlib

import numpy as np
import pytest

import functorch_lite as fl

dask = pytest.importorskip("dask")
da = pytest.importorskip("dask.array")
from dask.callbacks import Callback  # noqa: E402


class ComputeCounter(Callback):
    """Counts graph executions (each dask.compute / .compute() is one)."""

    def __init__(self):
        super().__init__()
        self.n = 0
        self.strict = False

    def _start(self, dsk):
        self.n += 1
        if self.strict:
            raise AssertionError("a Dask graph was computed inside strict()")


def two_chunks(shape):
    return tuple(max(1, (s + 1) // 2) for s in shape) if shape else ()


class DaskDev:
    kind = "dask"

    def __init__(self):
        self.backend = fl.backends.get_backend("dask")
        self.ns = self.backend.namespace
        self.counter = ComputeCounter()

    def put(self, a):
        a = np.asarray(a)
        return fl.device_put(a, "dask", chunks=two_chunks(a.shape))

    def host(self, a):
        assert self.is_dev(a), f"expected a Dask array, got {type(a).__name__}"
        return fl.device_put(a, "cpu")

    def is_dev(self, a):
        return isinstance(a, da.Array)

    @contextlib.contextmanager
    def strict(self):
        """Nothing inside computes a Dask graph or reads one back."""
        self.counter.strict = True
        try:
            with fl.backends.transfer_guard("disallow"):
                yield
        finally:
            self.counter.strict = False


@pytest.fixture
def dask_device():
    d = DaskDev()
    try:
        with dask.config.set(scheduler="sync"), d.counter:
            yield d
    finally:
        fl.backends.forget_dask()     # later tests see NumPy alone (bind's fast path)
