"""Regression tests for the facade bugs of issue 15: values, gradients and
grad_fn names as PyTorch 2.13 gives them (stored here, so the tests run
without torch; test_facade_bugs_vs_torch re-derives them where torch exists)."""
import warnings

import numpy as np
import pytest

import functorch_lite as torch
import functorch_lite.nn as nn
import functorch_lite.nn.functional as F
import functorch_lite.optim as optim


def _close(a, b, tol=1e-5):
    np.testing.assert_allclose(np.asarray(a, np.float64), np.asarray(b, np.float64),
                               rtol=tol, atol=tol)


def test_clone_backward():
    x = torch.tensor([1., 2.], requires_grad=True)
    c = x.clone()
    (c * x).sum().backward()
    assert c.grad_fn.name() == "CloneBackward0"
    assert x.grad.tolist() == [2.0, 4.0]
    m = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
    y = m.t().contiguous()
    (y * torch.tensor([[1., 2.], [3., 4.]])).sum().backward()
    assert y.grad_fn.name() == "CloneBackward0"
    assert m.grad.tolist() == [[1.0, 3.0], [2.0, 4.0]]
    torch.clone(m).sum().backward()


def test_ellipsis_index_with_grad():
    x = torch.ones(2, 3, requires_grad=True)
    y = x[..., 1]
    y.sum().backward()
    assert y.grad_fn.name() == "SelectBackward0"
    assert x.grad.tolist() == [[0, 1, 0], [0, 1, 0]]
    z = torch.ones(2, 3, 4, requires_grad=True)
    w = z[0, ..., 1:3]
    assert tuple(w.shape) == (3, 2) and w.grad_fn.name() == "SliceBackward0"
    assert z[..., None].shape == (2, 3, 4, 1)


@pytest.mark.parametrize("idx,name", [
    ((0, None), "UnsqueezeBackward0"), ((None, 0), "SelectBackward0"),
    ((slice(None), slice(None)), "AliasBackward0"), ((0, slice(1, None)), "SliceBackward0"),
    ((slice(0, 2),), "AliasBackward0"), ((Ellipsis,), "AliasBackward0"),
    ((slice(None, None, 2),), "SliceBackward0"), ((0, 1), "SelectBackward0"),
    ((slice(None), 1), "SelectBackward0")])
def test_basic_index_grad_fn_names(idx, name):
    m = torch.ones(2, 3, requires_grad=True)
    assert m[idx].grad_fn.name() == name


def test_cross_entropy_label_smoothing():
    x = torch.tensor([[1., 2., 0.5], [0.1, 0.2, 3.]], requires_grad=True)
    t = torch.tensor([0, 2])
    loss = F.cross_entropy(x, t, label_smoothing=0.1)
    loss.backward()
    assert loss.grad_fn.name() == "AddBackward0"
    _close(loss.item(), 0.873652)
    _close(x.grad.numpy(), [[-0.351055, 0.297599, 0.053456], [0.007989, 0.010582, -0.018571]])
    crit = nn.CrossEntropyLoss(label_smoothing=0.1)
    _close(crit(x, t).item(), 0.873652)


def test_cross_entropy_label_smoothing_weight_ignore():
    x = torch.tensor([[1., 2., 0.5], [0.1, 0.2, 3.], [0.3, -1., 2.]], dtype=torch.float64,
                     requires_grad=True)
    t = torch.tensor([0, 2, -100])
    w = torch.tensor([1., 2., 0.5], dtype=torch.float64)
    for red, want in [("mean", 1.3550635585167585), ("sum", 2.032595337775138)]:
        loss = F.cross_entropy(x, t, weight=w, label_smoothing=0.2, reduction=red)
        _close(loss.item(), want, 1e-7)
    loss = F.cross_entropy(x, t, weight=w, label_smoothing=0.2, reduction="none")
    _close(loss.detach().numpy(), [1.3965144102448765, 0.6360809275302614, 0.0], 1e-7)


def test_cross_entropy_spatial_and_probabilities():
    x = (torch.arange(24.).reshape(2, 3, 2, 2) / 10).requires_grad_()
    t = torch.tensor([[[0, 1], [2, 0]], [[1, 1], [2, 2]]])
    loss = F.cross_entropy(x, t)
    loss.backward()
    assert loss.grad_fn.name() == "NllLoss2DBackward0"
    _close(loss.item(), 1.10125)
    _close(x.grad.numpy().ravel()[:6], [-0.0985, 0.0265, 0.0265, -0.0985, 0.0395,
                                        -0.0855], 1e-3)
    none = F.cross_entropy(x, t, reduction="none")
    assert tuple(none.shape) == (2, 2, 2) and none.grad_fn.name() == "NllLoss2DBackward0"
    x3 = torch.zeros(2, 3, 4, requires_grad=True)
    assert F.cross_entropy(x3, torch.zeros(2, 4, dtype=torch.int64),
                           reduction="none").grad_fn.name() == "ViewBackward0"
    with pytest.raises(RuntimeError, match="expected target size"):
        F.cross_entropy(x3, torch.zeros(2, 5, dtype=torch.int64))
    p = torch.tensor([[0.2, 0.3, 0.5], [0.1, 0.1, 0.8]])
    y = torch.tensor([[1., 2., 0.5], [0.1, 0.2, 3.]], requires_grad=True)
    lp = F.cross_entropy(y, p)
    assert lp.grad_fn.name() == "DivBackward1"
    _close(lp.item(), 1.046985149383545)


def test_softplus_threshold():
    x = torch.tensor([-1., 0.5, 3.], requires_grad=True)
    y = F.softplus(x, beta=2, threshold=1.)
    y.sum().backward()
    assert y.grad_fn.name() == "SoftplusBackward0"
    _close(y.detach().numpy(), [0.063464, 0.656631, 3.0])
    _close(x.grad.numpy(), [0.119203, 0.731059, 1.0])
    assert nn.Softplus(beta=2, threshold=1.)(x).detach().numpy()[2] == 3.0


def test_cumsum_prod_cumprod_under_autograd():
    x = torch.tensor([1., 2., 3.], requires_grad=True)
    y = x.cumsum(0)
    (y * y).sum().backward()
    assert y.grad_fn.name() == "CumsumBackward0" and x.grad.tolist() == [20., 18., 12.]
    m = torch.tensor([[1., 2., 3.], [2., 0., 1.]], requires_grad=True)
    p = m.prod()
    p.backward()
    assert p.grad_fn.name() == "ProdBackward0"
    assert m.grad.tolist() == [[0, 0, 0], [0, 12, 0]]
    m.grad = None
    q = torch.prod(m, 1)
    q.sum().backward()
    assert q.grad_fn.name() == "ProdBackward1"
    assert m.grad.tolist() == [[6, 3, 2], [0, 2, 0]]
    c = torch.tensor([1., 2., 3.], requires_grad=True)
    cp = c.cumprod(0)
    cp.sum().backward()
    assert cp.grad_fn.name() == "CumprodBackward0" and c.grad.tolist() == [9., 4., 2.]
    assert torch.cumprod(torch.tensor([1, 2, 3]), 0).dtype == torch.int64
    assert torch.tensor([True, True]).cumsum(0).tolist() == [1, 2]
    assert torch.tensor([1., 2.], dtype=torch.float32).prod(0).dtype == torch.float32


def test_std_of_identical_values_has_zero_gradient():
    x = torch.ones(3, requires_grad=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = x.std()
        s.backward()
    assert s.item() == 0.0 and x.grad.tolist() == [0.0, 0.0, 0.0]
    assert s.grad_fn.name() == "StdBackward0"
    y = torch.tensor([1., 2., 4.], dtype=torch.float64, requires_grad=True)
    y.std().backward()
    _close(y.grad.numpy(), [-0.43643578, -0.10910895, 0.54554473], 1e-7)


def test_inplace_on_views_of_graph_tensors():
    x = torch.ones(2, 3, requires_grad=True)
    y = x * 2
    v = y[0]
    v.mul_(3)
    assert y.grad_fn.name() == "torch::autograd::CopySlices"
    assert v.grad_fn.name() == "AsStridedBackward0"
    y.sum().backward()
    assert x.grad.tolist() == [[6, 6, 6], [2, 2, 2]]
    x2 = torch.ones(2, 3, requires_grad=True)
    y2 = x2 * 2
    w = y2[:, 1:]
    w[0] = 5.
    assert y2.tolist() == [[2, 5, 5], [2, 2, 2]]
    y2.sum().backward()
    assert x2.grad.tolist() == [[2, 0, 0], [2, 2, 2]]
    # a view of a constant written with a value that requires grad
    a = torch.tensor([1., 2.], requires_grad=True)
    z = torch.zeros(2, 3)
    z[:, 0:2].copy_(a.expand(2, 2) * 3)
    (z * z).sum().backward()
    assert a.grad.tolist() == [36., 72.]


def test_setitem_with_repeated_indices_is_index_put():
    x = torch.ones(3, requires_grad=True)
    y = x * 1
    y[[0, 0, 1]] += 1
    assert y.grad_fn.name() == "IndexPutBackward0"
    assert y.tolist() == [2., 2., 1.]
    (y * y).sum().backward()
    assert x.grad.tolist() == [8., 4., 2.]
    z = torch.zeros(3)
    z[[0, 0, 1]] += 1
    assert z.tolist() == [1., 1., 0.]
    m = torch.ones(2, 3, requires_grad=True) * 1
    m[0, [0, 2]] = 7.
    assert m.grad_fn.name() == "torch::autograd::CopySlices"


def test_grad_fn_names():
    M = torch.ones(2, 3, requires_grad=True)
    v = torch.ones(3, requires_grad=True)
    assert (v @ M.t()).grad_fn.name() == "SqueezeBackward4"
    assert M.amax(1, keepdim=True).grad_fn.name() == "AmaxBackward0"
    assert v.flatten() is v and M.flatten(1) is M
    assert M.flatten().grad_fn.name() == "ViewBackward0"
    loss = F.binary_cross_entropy_with_logits(torch.tensor([0.5, -1.], requires_grad=True),
                                              torch.tensor([1., 0.]))
    assert loss.grad_fn.name() == "BinaryCrossEntropyWithLogitsBackward0"
    _close(loss.item(), 0.393669)


def test_flatten_repr():
    assert repr(nn.Flatten()) == "Flatten(start_dim=1, end_dim=-1)"
    assert repr(nn.Flatten(0, 2)) == "Flatten(start_dim=0, end_dim=2)"


def test_no_overflow_warning_from_the_finiteness_probe():
    import subprocess
    import sys
    code = ("import numpy as np, functorch_lite as torch\n"
            "x = torch.tensor(np.full(64, 1e30, np.float32), requires_grad=True)\n"
            "x.sqrt().sum().backward()\n"          # sqrt's vjp: a mul_safe probe of 1e15s
            "from functorch_lite.primitives._safe_kernels import _finite\n"
            "assert not _finite(np.full(10, 1e30, np.float32))\n")
    r = subprocess.run([sys.executable, "-W", "default", "-c", code], capture_output=True,
                       text=True, cwd=__file__.rsplit("/tests/", 1)[0])
    assert r.returncode == 0, r.stderr
    assert "overflow encountered in dot" not in r.stderr


def test_optimizers_accept_frozen_and_refuse_bad_params():
    a = torch.ones(2, requires_grad=True)
    b = torch.ones(2)
    o = optim.SGD([a, b], lr=0.1)
    (a * 2).sum().backward()
    o.step()
    _close(a.detach().numpy(), [0.8, 0.8])
    assert b.tolist() == [1., 1.]
    optim.Adam([b], lr=0.1).step()
    with pytest.raises(TypeError, match="params argument given to the optimizer should be "
                                        "an iterable of Tensors or dicts, but got "
                                        "torch.FloatTensor"):
        optim.SGD(a, lr=0.1)
    with pytest.raises(ValueError, match="can't optimize a non-leaf Tensor"):
        optim.SGD([a * 2], lr=0.1)
    with pytest.raises(TypeError, match="optimizer can only optimize Tensors, but one of "
                                        "the params is float"):
        optim.SGD([1.0])


def test_tensor_register_hook():
    x = torch.tensor([1., 2.], requires_grad=True)
    h = x.register_hook(lambda g: g * 10)           # a leaf's hook may replace its grad
    y = x * 3
    seen = []
    y.register_hook(lambda g: seen.append(g.tolist()))     # a non-leaf's observes it
    (y * y).sum().backward()
    assert x.grad.tolist() == [180., 360.] and seen == [[6., 12.]]
    assert not y.retains_grad and y.grad is None
    h.remove()
    x.grad = None
    (x * 3).sum().backward()
    assert x.grad.tolist() == [3., 3.]
    z = x * 2
    z.register_hook(lambda g: g * 2)
    with pytest.raises(RuntimeError, match="only leaf tensors' hooks may replace"):
        z.sum().backward()
    with pytest.raises(RuntimeError, match="doesn't require gradient"):
        torch.ones(2).register_hook(print)
