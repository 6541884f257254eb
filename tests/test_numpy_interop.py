"""Interop (issue 13 item 6): fnp.asarray/from_dlpack of other libraries' arrays,
__dlpack__ on facade Tensors, and the rule that a Tensor requiring grad given to
an fnp function raises instead of silently dropping its gradient."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.numpy as fnp


class _ArrayLike:
    """Any object with __array__ (no shape/dtype attributes)."""

    def __array__(self, dtype=None, copy=None):
        return np.array([1.0, 2.0])


class _Shaped:
    """A foreign array type with shape/dtype and __array__ (not a registered backend)."""
    shape, dtype = (2,), np.dtype(np.float32)

    def __array__(self, dtype=None, copy=None):
        return np.array([0.5, 1.5], np.float32)


def test_asarray_of_array_likes():
    np.testing.assert_array_equal(fnp.asarray(_ArrayLike()), [1.0, 2.0])
    got = fnp.asarray(_Shaped())
    assert type(got) is fl.Array and got.dtype == np.float32
    np.testing.assert_allclose(fnp.sin(_Shaped()), np.sin(np.array([0.5, 1.5], np.float32)))


def test_asarray_copy_and_device():
    x = np.ones(3)
    # an immutable Array viewing x's memory (no copy; JAX would copy to its device)
    for a in (fnp.asarray(x), fnp.asarray(x, copy=False)):
        assert type(a) is fl.Array and np.shares_memory(a, x) and a.shape == x.shape
    y = fnp.asarray(x, copy=True)
    assert y is not x and np.array_equal(y, x)
    with pytest.raises(ValueError, match="copy=False"):
        fnp.asarray([1.0, 2.0], copy=False)
    with pytest.raises(ValueError, match="copy=False"):
        fnp.asarray(x, dtype=np.float32, copy=False)
    assert fnp.zeros(2, device="cpu").dtype == np.float64
    assert fnp.asarray([1, 2], device=x.device).dtype == np.int64
    with pytest.raises(ValueError, match="unknown device 'tpu'"):
        fnp.ones(2, device="tpu")


def test_facade_tensor_requiring_grad_is_refused():
    t = fl.tensor([0.5, 1.0], requires_grad=True)
    with pytest.raises(TypeError, match=r"sin: got a functorch_lite Tensor that requires "
                                        r"grad.*detach"):
        fnp.sin(t)
    with pytest.raises(TypeError, match="requires grad"):
        fnp.sum(t)
    np.testing.assert_allclose(fnp.sin(t.detach()), np.sin([0.5, 1.0]))
    # a Tensor without grad, and Tensors inside transforms, still work
    np.testing.assert_allclose(fnp.sin(fl.tensor([0.5])), np.sin([0.5]))
    g = fl.grad(lambda v: fnp.sum(fnp.sin(v)))(np.array([0.5]))
    np.testing.assert_allclose(g, np.cos([0.5]))


def test_facade_tensor_dlpack():
    t = fl.tensor([1.0, 2.0, 3.0])
    a = np.from_dlpack(t)
    np.testing.assert_array_equal(a, [1.0, 2.0, 3.0])
    a[0] = 9.0  # shared memory, as DLPack promises
    assert float(t[0]) == 9.0
    b = fnp.from_dlpack(t)
    assert type(b) is fl.Array and b[0] == 9.0
    assert t.__dlpack_device__()[0] == 1  # kDLCPU
    with pytest.raises(RuntimeError, match="require gradient"):
        np.from_dlpack(fl.tensor([1.0], requires_grad=True))
    with pytest.raises(TypeError, match="from_dlpack: .*requires grad"):
        fnp.from_dlpack(fl.tensor([1.0], requires_grad=True))
    with pytest.raises(TypeError, match="no __dlpack__"):
        fnp.from_dlpack([1.0])
    c = fnp.from_dlpack(np.arange(3.0), copy=True)
    np.testing.assert_array_equal(c, [0.0, 1.0, 2.0])


def test_torch_tensors():
    torch = pytest.importorskip("torch")
    x = torch.arange(4, dtype=torch.float32)
    a = fnp.asarray(x)
    assert type(a) is fl.Array and a.dtype == np.float32
    np.testing.assert_allclose(fnp.sin(x), np.sin(np.arange(4, dtype=np.float32)))
    np.testing.assert_allclose(fnp.from_dlpack(x), np.arange(4.0))
    with pytest.raises(TypeError, match=r"requires grad.*detach"):
        fnp.asarray(torch.ones(2, requires_grad=True))
    with pytest.raises(TypeError, match=r"requires grad.*detach"):
        fnp.exp(torch.ones(2, requires_grad=True))
    # and the other way: a PyTorch tensor sharing a facade Tensor's memory
    t = fl.tensor([1.0, 2.0])
    tt = torch.from_dlpack(t)
    tt[1] = 5.0
    assert float(t[1]) == 5.0


def test_array_api_odds_and_ends():
    x = np.array([[1.0, 2.0, 4.0], [0.5, 0.5, 3.0]])
    np.testing.assert_allclose(fnp.var(x, axis=1, correction=1), np.var(x, axis=1, ddof=1))
    np.testing.assert_allclose(fnp.std(x, correction=1.5), np.std(x, ddof=1.5))
    assert fnp.__array_api_version__ == "2023.12"
    info = fnp.__array_namespace_info__()
    assert info.default_device() == "cpu" and info.default_dtypes()["integral"] == np.int64
    assert set(info.dtypes(kind="real floating")) == {"float32", "float64"}
    f = fnp.finfo(np.float32)
    assert isinstance(f.eps, float) and f.eps == float(np.finfo(np.float32).eps)
    assert fnp.iinfo(fnp.int8).max == 127 and fnp.iinfo(np.zeros(1, np.uint16)).max == 65535
    assert fnp.isdtype(fnp.float32, "real floating") and not fnp.isdtype(fnp.bool, "numeric")
    assert fnp.can_cast(fnp.int8, fnp.int16) and not fnp.can_cast(fnp.float64, fnp.int64)
    y = np.ones(2, np.float32)
    assert fnp.astype(y, np.float32, copy=False) is y
    assert fnp.astype(y, np.float32) is not y
    with pytest.raises(np.exceptions.AxisError):  # both ValueError and IndexError
        fnp.expand_dims(np.ones(()), axis=-2)
    np.testing.assert_array_equal(fnp.reshape(np.arange(6), shape=(2, 3)),
                                  np.arange(6).reshape(2, 3))
    np.testing.assert_array_equal(fnp.clip(np.arange(5), min=1, max=3), [1, 1, 2, 3, 3])
