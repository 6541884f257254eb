"""Regression tests for issue 14's crashes and wrong results: Tensor code under
transforms (integer targets, comparisons with Python numbers, index writes),
eager clone + setitem, Function under grad, jvp's aux, is_grads_batched, MAML."""
import numpy as np
import pytest

import functorch_lite as fl
import functorch_lite.nn.functional as F
from functorch_lite.func import grad, vmap

X = np.array([[0.3, -1.2, 0.8], [1.5, 0.1, -0.4], [-0.7, 0.9, 0.2], [0.05, -0.3, 1.1]])
TG = np.array([0, 2, 1, 0])


def _logp():
    return X - np.log(np.exp(X).sum(1, keepdims=True))


def test_integer_targets_under_vmap():
    x, t = fl.tensor(X), fl.tensor(TG)
    lp = _logp()
    nll = vmap(lambda a, b: F.nll_loss(a[None], b[None]))(fl.tensor(lp), t)
    np.testing.assert_allclose(nll._v, -lp[np.arange(4), TG])
    ce = vmap(lambda a, b: F.cross_entropy(a[None], b[None]))(x, t)
    np.testing.assert_allclose(ce._v, -lp[np.arange(4), TG])
    oh = vmap(lambda b: F.one_hot(b, 3))(t)
    assert oh.dtype == fl.int64 and oh.tolist() == np.eye(3, dtype=int)[TG].tolist()
    with pytest.raises(ValueError, match="num_classes"):
        vmap(lambda b: F.one_hot(b))(t)
    picked = vmap(lambda a, b: a[fl.arange(4), b], in_dims=(None, 0))(
        x, fl.tensor(np.stack([TG, TG[::-1]])))
    np.testing.assert_allclose(picked._v, [X[np.arange(4), TG], X[np.arange(4), TG[::-1]]])
    E = np.arange(10.0).reshape(5, 2)
    emb = vmap(lambda i: F.embedding(i, fl.tensor(E)))(fl.tensor([[1, 2], [3, 4]]))
    np.testing.assert_allclose(emb._v, E[[[1, 2], [3, 4]]])


def test_per_sample_cross_entropy_grads_match_loop():
    w = fl.tensor(np.linspace(-1, 1, 9).reshape(3, 3))
    x, t = fl.tensor(X), fl.tensor(TG)

    def loss(w, a, b):
        return F.cross_entropy((a @ w)[None], b[None])
    g = vmap(grad(loss), in_dims=(None, 0, 0))(w, x, t)
    for i in range(4):
        wi = fl.tensor(w._v.copy(), requires_grad=True)
        loss(wi, x[i], t[i]).backward()
        np.testing.assert_allclose(g._v[i], wi.grad._v, rtol=1e-12)


def test_comparison_with_python_number_inside_grad():
    f = lambda a: a.sum() if a.sum() > 0 else -(a ** 2).sum()   # noqa: E731
    assert grad(f)(fl.tensor(X)).tolist() == np.ones((4, 3)).tolist()
    np.testing.assert_allclose(grad(f)(fl.tensor(-np.abs(X)))._v, 2 * np.abs(X))
    np.testing.assert_allclose(fl.grad(f)(fl.tensor(X))._v, np.ones((4, 3)))


def _clone_set(a):
    y = a.clone()
    y[0] = y[0] * 3
    return (y ** 2).sum()


def test_clone_setitem_under_transform_and_eagerly():
    want = 2 * X.copy()
    want[0] *= 9
    np.testing.assert_allclose(grad(_clone_set)(fl.tensor(X))._v, want)
    a = fl.tensor(X, requires_grad=True)
    _clone_set(a).backward()
    np.testing.assert_allclose(a.grad._v, want)
    # a view used after its base was written is still refused (stale history)
    b = fl.tensor(X, requires_grad=True) * 1
    v = b[0]
    b[1] = 0.0
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        (v * 2).sum()


def test_clone_backward():
    a = fl.tensor(X, requires_grad=True)
    (a.clone() * 2).sum().backward()
    np.testing.assert_allclose(a.grad._v, 2 * np.ones((4, 3)))


def test_int_argument_with_in_dims_none():
    x = fl.tensor(X)
    np.testing.assert_allclose(fl.vmap(lambda a, n: a * n, in_axes=(0, None))(x, 3)._v, 3 * X)
    np.testing.assert_allclose(vmap(lambda a, n: a * n, in_dims=(0, None))(x, 3)._v, 3 * X)


def test_linearize_of_tensor_code():
    out, fn = fl.linearize(lambda a: a.sin(), fl.tensor(X))
    assert isinstance(out, fl.Tensor)
    np.testing.assert_allclose(fn(fl.tensor(np.ones((4, 3))))._v, np.cos(X))


def test_leaky_relu_under_grad():
    g = grad(lambda a: F.leaky_relu(a, 0.1).sum())(fl.tensor(X))
    np.testing.assert_allclose(g._v, np.where(X > 0, 1.0, 0.1))


def test_jvp_aux_is_a_value_not_a_tracer():
    out, t, aux = fl.jvp(lambda a: (a.sin(), a.cos()), (fl.tensor(X),), (fl.tensor(X),),
                         has_aux=True)
    assert isinstance(aux, fl.Tensor) and isinstance(aux._v, np.ndarray)
    np.testing.assert_allclose(aux._v, np.cos(X))
    out, t, aux = fl.func.jvp(lambda a: (a.sin(), {"c": a.cos()}), (fl.tensor(X),),
                              (fl.tensor(X),), has_aux=True)
    assert isinstance(aux["c"]._v, np.ndarray)


class _Times2(fl.autograd.Function):
    @staticmethod
    def forward(ctx, a):
        return a * 2

    @staticmethod
    def backward(ctx, g):
        return g * 100


def test_function_backward_used_under_grad():
    for gr in (fl.grad, grad):
        assert gr(lambda a: _Times2.apply(a).sum())(fl.ones(3)).tolist() == [100.0] * 3


def test_is_grads_batched():
    a = fl.tensor(np.array([1.0, 2.0, 3.0]), requires_grad=True)
    y = a ** 2
    (g,) = fl.autograd.grad(y, a, fl.eye(3, dtype=fl.float64), is_grads_batched=True)
    np.testing.assert_allclose(g._v, np.diag([2.0, 4.0, 6.0]))
    torch = pytest.importorskip("torch")
    ta = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64, requires_grad=True)
    (tg,) = torch.autograd.grad(ta ** 2, ta, torch.eye(3, dtype=torch.float64),
                                is_grads_batched=True)
    np.testing.assert_allclose(g._v, tg.numpy())


def test_maml_grad_inside_backward_outside():
    v0 = np.array([0.5, -1.0, 2.0])
    w = fl.tensor(v0, requires_grad=True)
    x = fl.tensor(X)
    g = grad(lambda v: ((x @ v).sin() ** 2).sum())(w)
    assert g.requires_grad
    ((w - 0.1 * g) ** 2).sum().backward()
    want = [0.7799201368104925, -0.5318982653707656, 2.9503843209993668]  # torch 2.13
    np.testing.assert_allclose(w.grad._v, want, rtol=1e-8)
    torch = pytest.importorskip("torch")
    import torch.func
    tw = torch.tensor(v0, requires_grad=True)
    tx = torch.tensor(X)
    tg = torch.func.grad(lambda v: ((tx @ v).sin() ** 2).sum())(tw)
    ((tw - 0.1 * tg) ** 2).sum().backward()
    np.testing.assert_allclose(w.grad._v, tw.grad.numpy(), rtol=1e-12)
