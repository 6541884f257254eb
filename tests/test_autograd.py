"""Autograd on the facade: the seeds' examples, grad_fn naming and graph
structure, backward options and errors, higher-order gradients, custom
Functions, in-place safety, and gradients checked against NumPy/finite
differences (and PyTorch where installed)."""
import numpy as np
import pytest

import functorch_lite as torch
from functorch_lite import autograd
from functorch_lite.autograd import Variable


def test_seed_mean_gradient_is_4_5():
    x = Variable(torch.ones(2, 2), requires_grad=True)
    y = x + 2
    assert y.creator is y.grad_fn and y.grad_fn.name() == "AddBackward0"
    z = y * y * 3
    out = z.mean()
    assert repr(out) == "tensor(27., grad_fn=<MeanBackward0>)"
    out.backward(torch.Tensor([1.0]))     # old style: a 1-element gradient
    assert repr(x.grad) == "tensor([[4.5000, 4.5000],\n        [4.5000, 4.5000]])"


def test_seed_while_loop_vjp():
    x = torch.randn(3, requires_grad=True)
    y = x * 2
    k = 1
    while y.data.norm() < 1000:
        y = y * 2
        k += 1
    v = torch.tensor([0.1, 1.0, 0.0001], dtype=torch.float)
    y.backward(v)
    assert np.allclose(x.grad.numpy(), 2.0 ** k * v.numpy())


def test_requires_grad_propagation_and_no_grad():
    x = torch.randn(3, requires_grad=True)
    assert (x ** 2).requires_grad
    with torch.no_grad():
        assert not (x ** 2).requires_grad
        with torch.enable_grad():
            assert (x ** 2).requires_grad
    a = torch.randn(2, 2)
    a = (a * 3) / (a - 1)
    assert not a.requires_grad
    a.requires_grad_(True)
    assert a.requires_grad and (a * a).sum().grad_fn.name() == "SumBackward0"

    @torch.no_grad()
    def f(t):
        return t * 2
    assert not f(x).requires_grad
    torch.set_grad_enabled(False)
    assert not (x * 2).requires_grad
    torch.set_grad_enabled(True)
    with torch.set_grad_enabled(False):
        assert not (x * 2).requires_grad
    assert (x * 2).requires_grad and torch.is_grad_enabled()


def test_leaf_and_grad_fn_structure():
    a = torch.tensor([1.0, 2, 3, 4], requires_grad=True)
    b = torch.tensor([1.0, 2, 3, 4])
    c = a + b
    assert a.is_leaf and b.is_leaf and not c.is_leaf
    assert a.grad_fn is None and b.grad_fn is None
    assert str(c.grad_fn).startswith("<AddBackward0 object at 0x")
    (acc, i), (none, j) = c.grad_fn.next_functions
    assert type(acc).__name__ == "AccumulateGrad" and acc.variable is a and none is None
    z = (c * c) * 3
    (m, _), (n, _) = z.grad_fn.next_functions
    assert m.name() == "MulBackward0" and n is None
    assert [f.name() for f, _ in m.next_functions] == ["AddBackward0", "AddBackward0"]
    mean = z.mean()       # a composite (sum / n): inner nodes are hidden
    assert [f.name() for f, _ in mean.grad_fn.next_functions] == ["MulBackward0"]
    d = torch.sum(b + a)
    d.backward()
    assert b.grad is None and not b.requires_grad and d.requires_grad


GRAD_FN_CASES = [
    ("x + 2", "AddBackward0"), ("x * x", "MulBackward0"), ("x.mean()", "MeanBackward0"),
    ("x.sum()", "SumBackward0"), ("x.pow(2)", "PowBackward0"), ("x ** x", "PowBackward1"),
    ("x.mm(x.t())", "MmBackward0"), ("x.clamp(min=0)", "ClampBackward1"),
    ("x.clamp(0, 1)", "ClampBackward1"), ("x - 1", "SubBackward0"), ("x / 2", "DivBackward0"),
    ("x.exp()", "ExpBackward0"), ("x.t()", "TBackward0"), ("x.view(-1)", "ViewBackward0"),
    ("x[0]", "SelectBackward0"), ("x[:, 1:]", "SliceBackward0"), ("x.relu()", "ReluBackward0"),
    ("x.tanh()", "TanhBackward0"), ("x.sigmoid()", "SigmoidBackward0"),
    ("x.sum(0)", "SumBackward1"), ("x.mean(1)", "MeanBackward1"), ("-x", "NegBackward0"),
    ("x.abs()", "AbsBackward0"), ("x.unsqueeze(0)", "UnsqueezeBackward0"),
    ("x.clone()", "CloneBackward0"), ("x.max()", "MaxBackward1"), ("x.std()", "StdBackward0"),
    ("x.double()", "ToCopyBackward0"), ("x.permute(1, 0)", "PermuteBackward0"),
    ("torch.cat([x, x])", "CatBackward0"), ("x.sqrt()", "SqrtBackward0"),
]


@pytest.mark.parametrize("expr,name", GRAD_FN_CASES)
def test_grad_fn_names(expr, name):
    x = torch.rand(2, 2, requires_grad=True) + 0.5   # noqa: F841 - used by eval
    x = x.detach().requires_grad_()
    assert type(eval(expr).grad_fn).__name__ == name
    real = pytest.importorskip("torch")
    x = real.rand(2, 2, requires_grad=True)    # noqa: F841
    assert type(eval(expr, {"torch": real, "x": x}).grad_fn).__name__ == name


def test_backward_errors_and_retain_graph():
    x = torch.ones(3, requires_grad=True)
    y = x * 2
    with pytest.raises(RuntimeError, match="grad can be implicitly created only for scalar"):
        y.backward()
    with pytest.raises(RuntimeError, match="does not require grad"):
        torch.ones(2).sum().backward()
    with pytest.raises(RuntimeError, match="Mismatch in shape"):
        y.backward(torch.ones(2))
    z = (x * x).sum()
    z.backward(retain_graph=True)
    z.backward()
    assert x.grad.tolist() == [4.0, 4.0, 4.0]        # accumulated twice
    with pytest.raises(RuntimeError, match="backward through the graph a second time"):
        z.backward()
    w = (x + 1).sum()          # no saved tensors: a second backward is fine, as in torch
    w.backward()
    w.backward()


def test_retain_grad_and_accumulation():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    h = x * 3
    h.retain_grad()
    (h * h).sum().backward()
    assert h.grad.tolist() == [6.0, 12.0] and x.grad.tolist() == [18.0, 36.0]
    (x * 1).sum().backward()
    assert x.grad.tolist() == [19.0, 37.0]
    x.grad.zero_()
    assert x.grad.tolist() == [0.0, 0.0]


def test_grads_do_not_alias():
    x = torch.ones(3, requires_grad=True)
    y = torch.ones(3, requires_grad=True)
    g = torch.ones(3)
    (x + y).backward(g)
    x.grad.zero_()
    assert y.grad.tolist() == [1.0] * 3 and g.tolist() == [1.0] * 3


def test_autograd_grad_and_higher_order():
    x = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64, requires_grad=True)
    y = (x ** 3).sum()
    (g,) = autograd.grad(y, x, create_graph=True)
    assert np.allclose(g.detach().numpy(), 3 * x.detach().numpy() ** 2)
    assert g.requires_grad and x.grad is None
    (h,) = autograd.grad(g.sum(), x)
    assert np.allclose(h.numpy(), 6 * x.detach().numpy())
    x2 = torch.tensor([0.5, -1.0], dtype=torch.float64, requires_grad=True)
    (g2,) = autograd.grad((x2.sin() * x2.exp()).sum(), x2, create_graph=True)
    g2.sum().backward()
    xv = x2.detach().numpy()
    # d2/dx2 [sin x e^x] = 2 cos x e^x
    assert np.allclose(x2.grad.numpy(), 2 * np.cos(xv) * np.exp(xv))
    a = torch.ones(2, requires_grad=True)
    b = torch.ones(2, requires_grad=True)
    with pytest.raises(RuntimeError, match="allow_unused"):
        autograd.grad((a * 2).sum(), [a, b])
    ga, gb = autograd.grad((a * 2).sum(), [a, b], allow_unused=True)
    assert gb is None and ga.tolist() == [2.0, 2.0]
    mid = a * 3
    (gm,) = autograd.grad((mid * mid).sum(), mid)     # w.r.t. a non-leaf
    assert gm.tolist() == [6.0, 6.0]


def test_double_backward_matches_torch():
    real = pytest.importorskip("torch")
    v = np.array([0.3, -0.7, 1.2])
    out = []
    for mod in (torch, real):
        x = mod.tensor(v, dtype=mod.float64, requires_grad=True)
        y = (x.tanh() * x.pow(2) / (1 + x.exp())).sum()
        (g,) = mod.autograd.grad(y, x, create_graph=True)
        (h,) = mod.autograd.grad((g * g).sum(), x)
        out.append(h.detach().numpy())
    assert np.allclose(out[0], out[1], rtol=1e-10)


class Cube(autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x * x

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * 3 * x * x


def test_custom_function():
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = Cube.apply(x)
    assert y.grad_fn.name() == "CubeBackward"
    y.sum().backward()
    assert x.grad.tolist() == [3.0, 12.0]
    x2 = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
    (g,) = autograd.grad(Cube.apply(x2).sum(), x2, create_graph=True)
    (h,) = autograd.grad(g.sum(), x2)
    assert h.tolist() == [6.0, 12.0]


def test_inplace_on_saved_tensor_raises_with_details():
    x = torch.ones(2, 2, requires_grad=True)
    y = x.exp()
    y.add_(1)                         # ExpBackward0 saved its output
    with pytest.raises(RuntimeError) as e:
        y.sum().backward()
    msg = str(e.value)
    assert "ExpBackward0" in msg and "[2, 2]" in msg
    assert "is at version 1; expected version 0" in msg and "test_autograd.py:" in msg
    a = x * 2
    b = a * a
    a.mul_(3)
    with pytest.raises(RuntimeError, match="MulBackward0"):
        b.sum().backward()
    c = x * 2
    d = c + 1                         # add saves nothing: mutating c is fine
    c.add_(1)
    d.sum().backward()


def test_inplace_on_leaf_and_views():
    w = torch.ones(3, requires_grad=True)
    with pytest.raises(RuntimeError, match="leaf Variable that requires grad"):
        w.add_(1)
    with pytest.raises(RuntimeError, match="leaf Variable that requires grad"):
        w[0] = 2.0
    with pytest.raises(RuntimeError, match="view of a leaf Variable"):
        w[0:2].mul_(2)
    with torch.no_grad():
        w -= 0.5 * torch.ones(3)
    assert w.tolist() == [0.5, 0.5, 0.5]
    a = w * 1
    v = a[0:2]
    a.mul_(2)                         # the view's history is now stale: error, not a wrong grad
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        v.sum().backward()
    b = w * 1
    b[0:2].mul_(2)                    # rebases b's history, as PyTorch (CopySlices)
    assert b.grad_fn.name() == "torch::autograd::CopySlices"
    b.sum().backward()
    assert w.grad.tolist() == [2.0, 2.0, 1.0]


def test_inplace_on_nonleaf_gives_right_gradient():
    v = np.array([0.5, 1.5, -2.0])
    x = torch.tensor(v, dtype=torch.float64, requires_grad=True)
    y = x * 2
    y.add_(1)
    y.mul_(x)                        # y = (2x + 1) x
    y.sin_()
    y.sum().backward()
    assert y.grad_fn.name() == "SinBackward0"
    assert np.allclose(x.grad.numpy(), np.cos((2 * v + 1) * v) * (4 * v + 1))


def test_setitem_under_autograd():
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    s = torch.tensor(5.0, requires_grad=True)
    y = x * 1
    y[0] = s * 2
    y[2] = 0.0
    (y * y).sum().backward()
    assert y.tolist() == [10.0, 2.0, 0.0]
    assert x.grad.tolist() == [0.0, 4.0, 0.0] and s.grad.item() == 40.0


def test_fancy_index_gradient_accumulates():
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    x[[0, 0, 2]].sum().backward()
    assert x.grad.tolist() == [2.0, 0.0, 1.0]
    y = torch.arange(6.0).view(2, 3).requires_grad_()
    y[y > 2].sum().backward()
    assert y.grad.tolist() == [[0.0, 0.0, 0.0], [1.0, 1.0, 1.0]]


def _numgrad(f, v, eps=1e-6):
    g = np.zeros_like(v)
    for i in range(v.size):
        d = np.zeros_like(v)
        d.flat[i] = eps
        g.flat[i] = (f(v + d) - f(v - d)) / (2 * eps)
    return g


OP_CASES = {
    "mul_add": lambda x: ((x * 3 + 1) * x).sum(),
    "div": lambda x: (1 / (x * x + 1)).sum(),
    "pow": lambda x: (x.abs() + 1).pow(1.5).sum(),
    "exp_log": lambda x: (x.exp() + 1).log().sum(),
    "trig": lambda x: (x.sin() * x.cos() + x.tanh()).sum(),
    "sqrt": lambda x: (x * x + 1).sqrt().sum(),
    "mean_std": lambda x: x.mean() * x.std(),
    "var_dim": lambda x: x.view(2, 3).var(1).sum(),
    "max": lambda x: x.max() + x.view(2, 3).max(1)[0].sum(),
    "mm": lambda x: x.view(2, 3).mm(x.view(3, 2)).sum(),
    "clamp": lambda x: x.clamp(-0.5, 0.8).pow(2).sum(),
    "sigmoid": lambda x: x.sigmoid().sum(),
    "index": lambda x: (x[1:4] * x[[0, 0, 5]]).sum(),
    "transpose": lambda x: (x.view(2, 3).t() * torch.arange(6.0).double().view(3, 2)).sum(),
    "norm": lambda x: x.norm(),
    "expand": lambda x: (x.view(1, 6).expand(3, 6) * torch.arange(18.0).double().view(3, 6)).sum(),
}


@pytest.mark.parametrize("name", sorted(OP_CASES))
def test_gradients_against_finite_differences(name):
    f = OP_CASES[name]
    v = np.array([0.3, -0.2, 0.7, 1.1, -0.9, 0.45])
    x = torch.tensor(v, dtype=torch.float64, requires_grad=True)
    f(x).backward()

    def fv(a):
        with torch.no_grad():
            return f(torch.from_numpy(a)).item()
    assert np.allclose(x.grad.numpy(), _numgrad(fv, v), rtol=1e-6, atol=1e-8)


def test_transforms_accept_tensor_code():
    import functorch_lite as fl
    x = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)
    g = fl.grad(lambda t: (t.sin() * t).pow(2).sum())(x)
    assert isinstance(g, torch.Tensor)
    v = x.numpy()
    assert np.allclose(g.numpy(), 2 * np.sin(v) * v * (np.cos(v) * v + np.sin(v)))
    out, vjp_fn = fl.vjp(lambda t: t.exp(), x)
    (ct,) = vjp_fn(torch.ones(3, dtype=torch.float64))
    assert isinstance(out, torch.Tensor) and np.allclose(ct.numpy(), np.exp(v))
    b = fl.vmap(lambda r: r.mm(r.t()).sum())(torch.ones(4, 2, 3))
    assert b.shape == (4,) and b.tolist() == [12.0] * 4


def _numpy_net(x, y, w1, w2, steps, lr):
    for _ in range(steps):
        h = x.dot(w1)
        h_relu = np.maximum(h, 0)
        y_pred = h_relu.dot(w2)
        grad_y_pred = 2.0 * (y_pred - y)
        grad_w2 = h_relu.T.dot(grad_y_pred)
        grad_h = grad_y_pred.dot(w2.T)
        grad_h[h < 0] = 0
        grad_w1 = x.T.dot(grad_h)
        w1 -= lr * grad_w1
        w2 -= lr * grad_w2
    return w1, w2


@pytest.mark.parametrize("steps", [60, pytest.param(500, marks=pytest.mark.slow)])
def test_two_layer_net_same_numbers_as_numpy(steps):
    """The seeds' autograd net in float64 ends at the hand-written NumPy
    backprop's weights to 1e-10 relative (the full 500 steps: -m slow, ~10 s)."""
    rng = np.random.default_rng(0)
    N, D_in, H, D_out, lr = 64, 1000, 100, 10, 1e-6
    xn, yn = rng.standard_normal((N, D_in)), rng.standard_normal((N, D_out))
    w1n, w2n = rng.standard_normal((D_in, H)), rng.standard_normal((H, D_out))
    x, y = torch.from_numpy(xn), torch.from_numpy(yn)
    w1 = torch.tensor(w1n, requires_grad=True)
    w2 = torch.tensor(w2n, requires_grad=True)
    for _ in range(steps):
        y_pred = x.mm(w1).clamp(min=0).mm(w2)
        loss = (y_pred - y).pow(2).sum()
        loss.backward()
        with torch.no_grad():
            w1 -= lr * w1.grad
            w2 -= lr * w2.grad
            w1.grad.zero_()
            w2.grad.zero_()
    r1, r2 = _numpy_net(xn, yn, w1n.copy(), w2n.copy(), steps, lr)
    assert np.abs(w1.detach().numpy() - r1).max() <= 1e-10 * np.abs(r1).max()
    assert np.abs(w2.detach().numpy() - r2).max() <= 1e-10 * np.abs(r2).max()


def test_at_functional_updates_on_tensors():
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    v = torch.tensor(5.0, requires_grad=True)
    y = x.at[0].set(v)
    assert y.tolist() == [5.0, 2.0, 3.0] and x.tolist() == [1.0, 2.0, 3.0]
    z = y.at[[0, 0, 2]].add(torch.tensor([1.0, 1.0, 1.0]))
    (z * z).sum().backward()
    assert x.grad.tolist() == [0.0, 4.0, 8.0] and v.grad.item() == 14.0


# ------------------------------------------------ backward(inputs=...) (PyTorch's values)

def test_backward_inputs_accumulates_only_into_listed_leaves():
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    b = torch.tensor([3.0, 4.0], requires_grad=True)
    (a * b).sum().backward(inputs=[a])
    assert a.grad.tolist() == [3.0, 4.0] and b.grad is None
    (a * b).sum().backward(inputs=a)               # a single Tensor; accumulates
    (a * b).sum().backward(inputs=(a, b))
    assert a.grad.tolist() == [9.0, 12.0] and b.grad.tolist() == [1.0, 2.0]
    torch.autograd.backward([(a * b).sum()], inputs=[b])
    assert b.grad.tolist() == [2.0, 4.0] and a.grad.tolist() == [9.0, 12.0]


def test_backward_inputs_non_leaf_and_unused():
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    h = a * 2
    (h * h).sum().backward(inputs=[h])
    assert h.grad.tolist() == [4.0, 8.0] and a.grad is None
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    h = a * 2
    (h * h).sum().backward(inputs=[h, a], retain_graph=True)
    assert h.grad.tolist() == [4.0, 8.0] and a.grad.tolist() == [8.0, 16.0]
    c = torch.tensor([1.0], requires_grad=True)    # not in the graph: stays None
    (a * a).sum().backward(inputs=[c])
    assert c.grad is None
    # a retained intermediate on the path still gets its gradient (PyTorch does)
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    h = a * 2
    h.retain_grad()
    (h * h).sum().backward(inputs=[a])
    assert a.grad.tolist() == [8.0, 16.0] and h.grad.tolist() == [4.0, 8.0]


def test_backward_inputs_errors():
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    with pytest.raises(RuntimeError, match="cannot be empty"):
        (a * a).sum().backward(inputs=[])
    with pytest.raises(RuntimeError, match="requires_grad=False"):
        (a * 2).sum().backward(inputs=[torch.tensor([1.0])])


def test_autograd_grad_still_leaves_grad_untouched():
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    b = torch.tensor([3.0, 4.0], requires_grad=True)
    ga, = autograd.grad((a * b).sum(), [a])
    assert ga.tolist() == [3.0, 4.0] and a.grad is None and b.grad is None


# ------------------------------------------------ names and the tape from the primitive

def test_grad_fn_names_come_from_the_primitive():
    from types import SimpleNamespace
    from functorch_lite.facade._dispatch import grad_fn_name
    from functorch_lite.primitives.elementwise import tanh_p
    assert grad_fn_name(tanh_p) == tanh_p.torch_name == "TanhBackward0"
    undeclared = SimpleNamespace(name="scatter_add_rows", torch_name=None)
    assert grad_fn_name(undeclared) == "ScatterAddRowsBackward0"
    x = torch.tensor([0.5, 1.0], requires_grad=True)
    assert x.tanh().grad_fn.name() == "TanhBackward0"
    assert (x @ x).grad_fn.name() == "DotBackward0"


def test_facade_methods_come_from_the_registry():
    from functorch_lite.core.primitive import REGISTRY
    declared = {n: p for p in REGISTRY.values() for n in p.facade}
    assert {"tanh", "exp", "abs", "absolute"} <= set(declared)
    x = torch.tensor([-1.0, 0.5])
    for name in declared:
        assert callable(getattr(torch, name)) and callable(getattr(torch.Tensor, name))
    assert torch.abs(torch.tensor([-2, 3])).dtype == torch.int64      # int kept
    assert torch.exp(torch.tensor([0, 1])).dtype == torch.float32     # promoted
    assert torch.absolute(x).tolist() == [1.0, 0.5]


def test_tape_keeps_what_the_primitive_saves():
    from functorch_lite.core.ir import ShapedArray
    x = torch.randn(3, requires_grad=True)
    y = x + 1.0                    # add: saves shapes -> avals, no version check
    assert all(isinstance(v, ShapedArray) for v in y.grad_fn.ins)
    assert y.grad_fn.saved == ()
    with torch.no_grad():
        x2 = torch.randn(3)
    z = (x2.requires_grad_() * 1.0)
    w = z.exp()                    # exp: saves out -> the output is version-checked
    assert w.grad_fn.ins == (None,) and w.grad_fn.out is w._v
    w.add_(1.0)
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        w.sum().backward()
    y.sum().backward()
    y.sum().backward()             # nothing saved but avals: a second backward is legal
    assert x.grad.tolist() == [2.0, 2.0, 2.0]


def test_function_and_device_copy_are_registered_primitives():
    from functorch_lite.core.primitive import REGISTRY, missing_rules
    from functorch_lite.facade._engine import device_copy_p
    fn_p = autograd.function_p
    assert REGISTRY["autograd_function"] is fn_p and REGISTRY["device_copy"] is device_copy_p
    assert missing_rules(fn_p) == [] and missing_rules(device_copy_p) == []

    class Twice(autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2

        @staticmethod
        def backward(ctx, g):
            return g * 2

    class Thrice(Twice):
        @staticmethod
        def backward(ctx, g):
            return g * 3

    x = torch.tensor([1.0], requires_grad=True)
    y, z = Twice.apply(x), Thrice.apply(x)
    assert y.grad_fn.prim is z.grad_fn.prim is fn_p
    assert (y.grad_fn.name(), z.grad_fn.name()) == ("TwiceBackward", "ThriceBackward")
    (y + z).sum().backward()
    assert x.grad.tolist() == [5.0]
