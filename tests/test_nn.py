"""nn: Module bookkeeping, layers and losses (checked against NumPy formulas,
and against PyTorch forward + backward where it is installed)."""
import numpy as np
import pytest

import functorch_lite as torch
import functorch_lite.nn as nn
import functorch_lite.nn.functional as F


def test_module_registration_and_names():
    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
    names = [n for n, _ in model.named_parameters()]
    assert names == ["0.weight", "0.bias", "2.weight", "2.bias"]
    assert len(model) == 3 and isinstance(model[0], nn.Linear) and isinstance(model[1], nn.ReLU)
    assert len(list(model.children())) == 3 and len(list(model.modules())) == 4
    assert all(p.requires_grad and p.is_leaf for p in model.parameters())
    assert model[0].weight.shape == (8, 4) and model[0].bias.shape == (8,)
    sd = model.state_dict()
    assert list(sd) == names and not sd["0.weight"].requires_grad

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.body = nn.Sequential(nn.Linear(3, 3), nn.Tanh())
            self.head = nn.Linear(3, 1)
            self.scale = nn.Parameter(torch.ones(1))

        def forward(self, x):
            return self.head(self.body(x)) * self.scale

    net = Net()
    assert [n for n, _ in net.named_parameters()] == [
        "scale", "body.0.weight", "body.0.bias", "head.weight", "head.bias"]
    out = net(torch.randn(5, 3))
    assert out.shape == (5, 1) and out.grad_fn is not None
    out.sum().backward()
    assert all(p.grad is not None for p in net.parameters())
    net.zero_grad()
    assert all(p.grad is None for p in net.parameters())
    assert "Linear(in_features=3, out_features=1, bias=True)" in repr(net)


def test_state_dict_roundtrip_and_errors(tmp_path):
    a, b = nn.Linear(3, 2), nn.Linear(3, 2)
    b.load_state_dict(a.state_dict())
    assert torch.equal(a.weight, b.weight) and torch.equal(a.bias, b.bias)
    torch.save(a.state_dict(), tmp_path / "m.npz")
    c = nn.Linear(3, 2)
    c.load_state_dict(torch.load(tmp_path / "m.npz"))
    assert torch.equal(a.weight, c.weight)
    with pytest.raises(RuntimeError, match="missing keys"):
        c.load_state_dict({"weight": a.weight})
    with pytest.raises(RuntimeError, match="size mismatch"):
        nn.Linear(4, 2).load_state_dict(a.state_dict())


def test_train_eval_dropout():
    d = nn.Dropout(0.5)
    x = torch.ones(1000)
    y = d(x)
    assert set(np.unique(y.numpy())) <= {0.0, 2.0} and 300 < (y.numpy() == 0).sum() < 700
    d.eval()
    assert d(x) is x and not d.training
    m = nn.Sequential(nn.Dropout(), nn.Linear(2, 2)).eval()
    assert not m[0].training
    m.train()
    assert m[0].training


def test_linear_matches_formula():
    lin = nn.Linear(3, 2)
    x = torch.randn(4, 3)
    ref = x.numpy() @ lin.weight.detach().numpy().T + lin.bias.detach().numpy()
    assert np.allclose(lin(x).detach().numpy(), ref, atol=1e-6)


def test_losses_match_numpy():
    rng = np.random.default_rng(0)
    logits = rng.standard_normal((5, 4))
    target = np.array([0, 3, 1, 1, 2])
    lx = torch.tensor(logits, dtype=torch.float64)
    lse = np.log(np.exp(logits).sum(1))
    ce = np.mean(lse - logits[np.arange(5), target])
    assert np.isclose(nn.CrossEntropyLoss()(lx, torch.tensor(target)).item(), ce)
    logp = F.log_softmax(lx, dim=1)
    assert np.isclose(nn.NLLLoss()(logp, torch.tensor(target)).item(), ce)
    assert np.allclose(F.softmax(lx, axis=1).numpy(),
                       np.exp(logits) / np.exp(logits).sum(1, keepdims=True))
    a, b = rng.standard_normal(6), rng.standard_normal(6)
    assert np.isclose(nn.MSELoss()(torch.tensor(a), torch.tensor(b)).item(), np.mean((a - b) ** 2))
    assert np.isclose(nn.MSELoss(reduction="sum")(torch.tensor(a), torch.tensor(b)).item(),
                      np.sum((a - b) ** 2))
    p, t = 1 / (1 + np.exp(-a)), (b > 0).astype(float)
    bce = -np.mean(t * np.log(p) + (1 - t) * np.log(1 - p))
    assert np.isclose(nn.BCELoss()(torch.tensor(p), torch.tensor(t)).item(), bce)
    assert np.isclose(nn.BCEWithLogitsLoss()(torch.tensor(a), torch.tensor(t)).item(), bce)
    with pytest.raises(ValueError, match="shape"):
        nn.MSELoss()(torch.ones(3), torch.ones(4))


def test_stable_functions_extreme_inputs():
    x = torch.tensor([[1e4, -1e4, 0.0], [-np.inf, -np.inf, -np.inf]], dtype=torch.float64,
                     requires_grad=True)
    s = F.log_softmax(x[:1], dim=-1)
    assert np.isfinite(s.detach().numpy()[0, :2]).all()
    y = F.sigmoid(x[0]) + F.softplus(x[0])
    y.sum().backward()
    assert np.isfinite(x.grad.numpy()[0]).all()
    lse = F.logsumexp(x[1:], dim=1)
    assert lse.item() == -np.inf


def test_embedding_layernorm_flatten():
    emb = nn.Embedding(10, 3)
    idx = torch.tensor([[1, 2], [1, 9]])
    out = emb(idx)
    assert out.shape == (2, 2, 3)
    assert np.allclose(out.detach().numpy()[0, 0], emb.weight.detach().numpy()[1])
    out.sum().backward()
    g = emb.weight.grad.numpy()
    assert g[1].tolist() == [2.0] * 3 and g[9].tolist() == [1.0] * 3 and g[0].sum() == 0
    ln = nn.LayerNorm(4)
    x = torch.randn(3, 4)
    y = ln(x).detach().numpy()
    xn = x.numpy()
    ref = (xn - xn.mean(1, keepdims=True)) / np.sqrt(xn.var(1, keepdims=True) + 1e-5)
    assert np.allclose(y, ref, atol=1e-5)
    assert nn.Flatten()(torch.ones(2, 3, 4)).shape == (2, 12)


def _copy_params(src, dst):
    import torch as real
    with real.no_grad():
        for (n, p), (m, q) in zip(src.named_parameters(), dst.named_parameters()):
            q.copy_(real.from_numpy(p.detach().numpy().copy()))


def test_conv_pool_against_torch():
    real = pytest.importorskip("torch")
    rng = np.random.default_rng(0)
    xn = rng.standard_normal((2, 3, 9, 8))
    for kw in (dict(), dict(stride=2, padding=1), dict(padding=2, dilation=2)):
        conv = nn.Conv2d(3, 4, 3, **kw).double()
        rconv = real.nn.Conv2d(3, 4, 3, **kw).double()
        _copy_params(conv, rconv)
        x = torch.tensor(xn, dtype=torch.float64, requires_grad=True)
        rx = real.tensor(xn, requires_grad=True)
        y, ry = conv(x), rconv(rx)
        assert np.allclose(y.detach().numpy(), ry.detach().numpy(), atol=1e-10)
        w = torch.tensor(rng.standard_normal(y.shape))
        (y * w).sum().backward()
        (ry * real.from_numpy(w.numpy())).sum().backward()
        assert np.allclose(x.grad.numpy(), rx.grad.numpy(), atol=1e-10)
        assert np.allclose(conv.weight.grad.numpy(), rconv.weight.grad.numpy(), atol=1e-10)
        assert np.allclose(conv.bias.grad.numpy(), rconv.bias.grad.numpy(), atol=1e-10)
    x = torch.tensor(xn, requires_grad=True)
    rx = real.tensor(xn, requires_grad=True)
    p, rp = nn.MaxPool2d(2)(x), real.nn.MaxPool2d(2)(rx)
    assert np.allclose(p.detach().numpy(), rp.detach().numpy())
    p.sum().backward()
    rp.sum().backward()
    assert np.allclose(x.grad.numpy(), rx.grad.numpy())


def test_conv_net_trains():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Flatten(), nn.Linear(4 * 4 * 4, 2))
    x = torch.randn(8, 1, 8, 8)
    y = torch.tensor([0, 1] * 4)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    losses = []
    for _ in range(15):
        opt.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    assert losses[-1] < losses[0]


def test_functional_dim_and_axis():
    x = torch.randn(2, 3)
    assert torch.allclose(F.softmax(x, dim=0), F.softmax(x, axis=0))
    assert np.allclose(F.softmax(x, dim=1).sum(1).numpy(), 1.0)
    with pytest.raises(TypeError, match="either dim= or axis="):
        F.softmax(x, dim=0, axis=1)


def test_init_functions():
    w = torch.empty(50, 40)
    nn.init.xavier_uniform_(w)
    a = np.sqrt(6 / 90)
    assert np.abs(w.numpy()).max() <= a
    nn.init.zeros_(w)
    assert w.sum().item() == 0
    nn.init.constant_(w, 0.5)
    assert w.mean().item() == 0.5
    nn.init.kaiming_normal_(w)
    assert 0.1 < w.std().item() < 0.4
