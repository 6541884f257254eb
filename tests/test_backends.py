"""The backend seam: selection, placement, mixing errors, transfer guard.

CuPy itself only runs on a machine with an NVIDIA GPU; those cases skip here
with a reason.  Mixing detection is tested with a stand-in array type
registered as a second backend."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.core import trace as core_trace

HAS_CUPY = "cupy" in fl.backends.available()
gpu = pytest.mark.skipif(not HAS_CUPY, reason="needs CuPy and an NVIDIA GPU (none here)")


def test_available_and_get():
    assert fl.backends.available()[0] == "numpy"
    assert fl.backends.get("numpy") is np
    with pytest.raises(ValueError, match="unknown backend"):
        fl.backends.get("tpu")
    if not HAS_CUPY:
        with pytest.raises(RuntimeError, match="CuPy"):
            fl.backends.get("cupy")
        with pytest.raises(RuntimeError, match="CuPy"):
            fl.set_default_backend("cupy")
        with pytest.raises(RuntimeError, match="CuPy"):
            fl.device_put(np.ones(2), "cuda")


def test_device_put_cpu_is_identity_like():
    tree = {"a": np.ones(2), "b": [np.zeros(3)]}
    out = fl.device_put(tree, "cpu")
    np.testing.assert_array_equal(out["b"][0], np.zeros(3))
    with pytest.raises(ValueError, match="unknown device"):
        fl.device_put(tree, "tpu")


class _OtherArray(np.ndarray):
    """Stands in for a second backend's array type."""


def test_mixing_backends_is_an_error_naming_inputs():
    import types
    # a distinct namespace object, so the two array types count as two backends
    fake = fl.backends.Backend()
    fake.name, fake.device, fake.array_types = "fakebackend", "fakedev", (_OtherArray,)
    fake.namespace = types.SimpleNamespace(__name__="fakebackend", add=np.add)
    fl.backends.register_backend(fake)
    try:
        other = np.ones(3).view(_OtherArray)
        with pytest.raises(ValueError, match=r"add at .*test_backends.py:\d+: inputs live on "
                                             r"different backends.*input 0 f64\[3\] on cpu "
                                             r"\(numpy\).*input 1 f64\[3\] on fakedev "
                                             r"\(fakebackend\).*device_put\(x, 'cpu'\) or "
                                             r"fl.device_put\(x, 'fakedev'\)"):
            fnp.add(np.ones(3), other)
        # scalars go anywhere
        assert fnp.add(np.ones(3), 2.0).shape == (3,)
        assert fl.backends.backend_of(other) is fake
        assert fl.backends.backend_of(fake.namespace) is fake
        assert fl.backends.backend_of(np.float32(1)) is fl.backends.get_backend("cpu")
    finally:
        fl.backends.unregister_backend(fake)
    assert not core_trace._extra_array_types     # NumPy alone again: bind's fast path
    with pytest.raises(TypeError, match="no functorch_lite backend owns"):
        fl.backends.backend_of(object())


def test_registering_a_taken_array_type_is_an_error():
    b = fl.backends.Backend()
    b.name, b.array_types, b.namespace = "again", (np.ndarray,), np
    with pytest.raises(ValueError, match="already belongs to backend 'numpy'"):
        fl.backends.register_backend(b)


def test_numpy_backend_capabilities():
    b = fl.backends.get_backend("numpy")
    assert fl.backends.backend_of(np) is b and fl.backends.get_backend("cpu") is b
    assert b.namespace is np and b.is_host and b.out_reuse and b.finiteness_probe
    assert b.host_constants and not b.fusion
    import scipy.special
    assert b.special is scipy.special
    a = np.arange(3.0)
    assert b.to_host(a) is a and b.from_host(a) is a
    out = np.zeros(3)
    b.scatter_add(out, np.array([0, 0, 2]), np.ones(3))
    np.testing.assert_array_equal(out, [2.0, 0.0, 1.0])


def test_transfer_guard_blocks_device_put():
    with fl.transfer_guard("disallow"):
        fl.device_put(np.ones(2), "cpu")  # host -> host is not a transfer
        if HAS_CUPY:
            with pytest.raises(RuntimeError, match="transfer_guard"):
                fl.device_put(np.ones(2), "cuda")
    with pytest.raises(ValueError):
        with fl.transfer_guard("sometimes"):
            pass


@gpu
def test_cupy_grad_matches_numpy():  # runs only where a GPU is present
    import cupy as cp
    x = np.linspace(-1, 1, 7)
    f = lambda v: fnp.sum(fnp.tanh(v) ** 2)  # noqa: E731
    g_cpu = fl.grad(f)(x)
    g_gpu = fl.grad(f)(fl.device_put(x, "cuda"))
    assert isinstance(g_gpu, cp.ndarray)
    np.testing.assert_allclose(cp.asnumpy(g_gpu), g_cpu, rtol=1e-12)
