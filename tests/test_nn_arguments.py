"""The layers take PyTorch's arguments and nothing else: an argument PyTorch
has but this library does not implement raises, an unknown one raises, and
``inplace=True`` writes into the input (found while writing the docstrings,
issue 18)."""
import numpy as np
import pytest

import functorch_lite as fl
from functorch_lite import nn

torch = fl   # the facade as PyTorch users import it

ACTIVATIONS = ["ELU", "SELU", "ReLU6", "SiLU", "Mish", "Hardswish", "Hardsigmoid",
               "Hardtanh", "CELU", "LeakyReLU"]
X = [1.0, -1.0, 0.3]
# d/dx sum(w * act(x)) at X, w = (1, 2, 3): PyTorch's values
GRADS = {"ELU": [1.0, 0.7357589, 3.0], "ReLU6": [1.0, 0.0, 3.0], "LeakyReLU": [1.0, 0.02, 3.0]}


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_inplace_writes_into_the_input_and_differentiates(name):
    x = fl.tensor(X, requires_grad=True)
    y = x * 1
    out = getattr(nn, name)(inplace=True)(y)
    assert out is y
    np.testing.assert_allclose(y.detach().numpy(), getattr(nn, name)()(fl.tensor(X)).numpy())
    (out * fl.tensor([1.0, 2.0, 3.0])).sum().backward()
    if name in GRADS:
        np.testing.assert_allclose(x.grad.numpy(), GRADS[name], rtol=1e-6)
    assert "inplace=True" in repr(getattr(nn, name)(inplace=True)) or \
        name in ("Hardswish", "Hardsigmoid")        # PyTorch's reprs omit it there


@pytest.mark.parametrize("name", ["ELU", "ReLU6"])
def test_inplace_matches_pytorch(name):
    torch = pytest.importorskip("torch")
    xt = torch.tensor(X, requires_grad=True)
    (getattr(torch.nn, name)(inplace=True)(xt * 1) * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
    np.testing.assert_allclose(xt.grad.numpy(), GRADS[name], rtol=1e-6)


def test_unknown_arguments_raise():
    with pytest.raises(TypeError, match="GELU: takes the arguments"):
        nn.GELU(foo=1)
    with pytest.raises(TypeError, match="GELU"):
        nn.GELU("tanh", 3)
    with pytest.raises(TypeError, match="MSELoss: unexpected argument.*size_average"):
        nn.MSELoss(size_average=True)
    with pytest.raises(TypeError, match="LSTM: unexpected argument nonlinearity"):
        nn.LSTM(2, 3, nonlinearity="relu")
    assert nn.RNN(2, 3, nonlinearity="relu").nonlinearity == "relu"


def test_hardtanh_deprecated_aliases():
    m = nn.Hardtanh(min_value=-2.0)
    assert (m.min_val, m.max_val) == (-2.0, 1.0)


def test_conv2d_refuses_what_it_cannot_do():
    with pytest.raises(NotImplementedError, match="padding_mode='reflect'"):
        nn.Conv2d(1, 2, 3, padding=1, padding_mode="reflect")
    with pytest.raises(NotImplementedError, match="padding='same'"):
        nn.Conv2d(1, 2, 3, padding="same")


def test_lbfgs_step_returns_the_closures_loss():
    w = fl.tensor([1.0, -2.0], requires_grad=True)
    opt = fl.optim.LBFGS([w], max_iter=5)

    def closure():
        opt.zero_grad()
        loss = (w ** 2).sum()
        loss.backward()
        return loss
    out = opt.step(closure)
    assert isinstance(out, fl.Tensor) and out.item() == 5.0


@pytest.mark.parametrize("name", ["relu6", "hardtanh", "leaky_relu", "silu", "mish", "elu",
                                  "selu", "celu", "hardsigmoid", "hardswish"])
def test_functional_inplace_backward_equals_out_of_place(name):
    fn = getattr(nn.functional, name)
    grads = []
    for inplace in (False, True):
        x = fl.tensor([1.0, -1.0, 0.3, -2.5], requires_grad=True)
        y = x * 1
        out = fn(y, inplace=inplace)
        assert (out is y) == inplace
        (out * fl.tensor([1.0, 2.0, 3.0, 4.0])).sum().backward()
        grads.append(x.grad.numpy())
    np.testing.assert_allclose(grads[1], grads[0])


def test_interpolate_and_kl_div_arguments():
    F = nn.functional
    x = fl.tensor(np.arange(7.0).reshape(1, 1, 7))
    # recompute_scale_factor: indices from the output size's scale (PyTorch's values)
    out = F.interpolate(x, scale_factor=1.7, recompute_scale_factor=True)
    assert out.numpy().ravel().tolist() == [0.0, 0.0, 1.0, 1.0, 2.0, 3.0, 3.0, 4.0, 5.0, 5.0, 6.0]
    with pytest.raises(ValueError, match="align_corners"):
        F.interpolate(x, scale_factor=2, align_corners=True)
    with pytest.raises(ValueError, match="antialias"):
        F.interpolate(x, scale_factor=2, antialias=True)
    with pytest.raises(TypeError, match="size_average/reduce"):
        F.kl_div(fl.zeros(2), fl.ones(2) / 2, size_average=False)


# ---- the facade's creation functions: no keyword accepted and ignored (stored from torch 2.13)

@pytest.mark.parametrize("call", [
    lambda: torch.zeros(2, foo=1), lambda: torch.ones_like(torch.ones(2), foo=3),
    lambda: torch.arange(3, foo=2), lambda: torch.rand(2, bogus=True),
    lambda: torch.full((2,), 1.0, fill=2)])
def test_creation_refuses_unknown_keywords(call):
    with pytest.raises(TypeError, match="unexpected keyword argument"):
        call()


def test_creation_layout_keywords_at_their_defaults_only():
    assert torch.zeros(2, layout=None, pin_memory=False, memory_format=None).shape == (2,)
    with pytest.raises(RuntimeError, match="pin_memory=True requires"):
        torch.zeros(2, pin_memory=True)
    with pytest.raises(RuntimeError, match="pin_memory=True requires"):
        torch.tensor([1.0], pin_memory=True)
    with pytest.raises(NotImplementedError, match="memory_format"):
        torch.empty_like(torch.ones(2), memory_format="channels_last")


def test_creation_out_is_written():
    # torch 2.13: zeros(2, 2, out=t) resizes t in its own dtype and returns t
    t = torch.ones(3, dtype=torch.int64)
    r = torch.zeros(2, 2, out=t)
    assert r is t and t.dtype == torch.int64 and t.tolist() == [[0, 0], [0, 0]]
    u = torch.zeros(3)
    assert torch.ones(3, out=u) is u and u.tolist() == [1.0, 1.0, 1.0]
    b = torch.empty(4)
    assert torch.bernoulli(torch.ones(4), out=b) is b and b.tolist() == [1.0] * 4
