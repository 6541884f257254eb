"""Transforms over functions written with Tensor methods (as torch.func):
Tensors in, Tensors out, for every transform, jit and the Jacobians included."""
import numpy as np

import functorch_lite as fl
import functorch_lite as torch


def f(v):
    return (v.sin() * v).sum()


def test_every_transform_accepts_tensor_code():
    x = np.array([1.0, 2.0, 3.0], np.float32)
    t = torch.tensor(x)
    g = np.cos(x) * x + np.sin(x)
    for out in (fl.grad(f)(t), fl.jit(fl.grad(f))(t), fl.vmap(fl.grad(f))(t[None])[0]):
        assert isinstance(out, torch.Tensor) and out.dtype == torch.float32
        np.testing.assert_allclose(out.numpy(), g, rtol=1e-5)
    jf = fl.jit(f)
    assert isinstance(jf(t), torch.Tensor)
    jf(t)
    assert jf.trace_count == 1
    jr = fl.jacrev(lambda v: v.sin())(t)
    jw = fl.jacfwd(lambda v: v.sin())(t)
    for j in (jr, jw):
        assert isinstance(j, torch.Tensor)
        np.testing.assert_allclose(j.numpy(), np.diag(np.cos(x)), rtol=1e-6, atol=1e-7)
    h = fl.hessian(f)(t)
    np.testing.assert_allclose(h.numpy(), np.diag(2 * np.cos(x) - x * np.sin(x)), rtol=1e-5,
                               atol=1e-6)
