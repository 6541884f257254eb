"""nn layers of issue 15 against PyTorch 2.13: after manual_seed(0) the same
parameters (PyTorch's initialisation order and RNG), the same output, grad_fn
name, parameter and input gradients, and repr (stored answers in
tests/_nn_layers_expected.py; recomputed live where torch is installed)."""
import numpy as np
import pytest

import functorch_lite as torch
import functorch_lite.nn as nn
from _nn_layers_expected import EXPECTED

X4 = np.linspace(-2, 2, 2 * 3 * 5 * 5).reshape(2, 3, 5, 5)
X3 = np.linspace(-2, 2, 5 * 2 * 3).reshape(5, 2, 3)
INPUTS = {"X4": X4, "X3": X3, "X3t": X3.transpose(1, 2, 0),
          "X3e": np.linspace(-2, 2, 5 * 2 * 4).reshape(5, 2, 4)}
CASES = [
    ("nn.BatchNorm2d(3)", "X4", True), ("nn.BatchNorm2d(3)", "X4", False),
    ("nn.BatchNorm1d(3)", "X3t", True), ("nn.GroupNorm(3, 3)", "X4", True),
    ("nn.InstanceNorm2d(3, affine=True)", "X4", True), ("nn.AvgPool2d(2)", "X4", True),
    ("nn.AdaptiveAvgPool2d((2, 3))", "X4", True), ("nn.AdaptiveMaxPool2d(2)", "X4", True),
    ("nn.Conv1d(3, 4, 2, stride=2, padding=1)", "X3t", True),
    ("nn.ConvTranspose2d(3, 2, 3, stride=2, padding=1, output_padding=1)", "X4", True),
    ("nn.Upsample(scale_factor=2)", "X4", True), ("nn.GELU()", "X4", True),
    ("nn.SiLU()", "X4", True), ("nn.ELU()", "X4", True), ("nn.Mish()", "X4", True),
    ("nn.Hardtanh(-0.5, 0.5)", "X4", True), ("nn.Softsign()", "X4", True),
    ("nn.RNN(3, 4, 2)", "X3", True), ("nn.LSTM(3, 4, 2, bidirectional=True)", "X3", True),
    ("nn.GRU(3, 4, batch_first=True)", "X3", True), ("nn.MultiheadAttention(3, 1)", "X3", False),
    ("nn.TransformerEncoderLayer(4, 2, 8)", "X3e", False),
    ("nn.Embedding(5, 3, padding_idx=1)", "IDX", True), ("nn.Unflatten(1, (2, 1))", "X3", True),
    ("nn.Linear(3, 2)", "X3", True), ("nn.Conv2d(3, 2, 3)", "X4", True),
]
# PyTorch's batch_first GRU ends in its own transpose overload's node
NAME_DIFFERS = {"nn.GRU(3, 4, batch_first=True)"}


def _run(torch, nn, code, xin, train):
    torch.manual_seed(0)
    m = eval(code, {"nn": nn})
    if not train:
        m.eval()
    if xin == "IDX":
        x = torch.tensor([[0, 1, 4], [1, 2, 3]])
    else:
        x = torch.tensor(INPUTS[xin], dtype=torch.float32, requires_grad=True)
    y = m(x, x, x) if "Multihead" in code else m(x)
    y = y[0] if isinstance(y, tuple) else y
    w = torch.tensor(np.linspace(-1, 1, y.numel()).reshape(tuple(y.shape)),
                     dtype=torch.float32)
    (y * w).sum().backward()
    return dict(repr=repr(m), y=y.detach().numpy(),
                name=y.grad_fn.name() if y.grad_fn is not None else None,
                params={n: p.detach().numpy() for n, p in m.named_parameters()},
                grads={n: None if p.grad is None else p.grad.numpy()
                       for n, p in m.named_parameters()},
                bufs={n: np.asarray(b) for n, b in m.named_buffers()},
                gx=None if xin == "IDX" or x.grad is None else x.grad.numpy())


def _close(a, b, tol=2e-5):
    if a is None and b is None:
        return
    if a is None or b is None:
        assert np.allclose(np.asarray(a if a is not None else b, float), 0)
        return
    np.testing.assert_allclose(np.asarray(a, float), np.asarray(b, float), rtol=tol, atol=tol)


def test_table_matches():
    assert [e["code"] for e in EXPECTED] == [c[0] for c in CASES]


@pytest.mark.parametrize("case,want", list(zip(CASES, EXPECTED)), ids=[c[0] for c in CASES])
def test_layer_matches_pytorch(case, want):
    got = _run(torch, nn, *case)
    assert got["repr"] == want["repr"]
    if case[0] not in NAME_DIFFERS:
        assert got["name"] == want["name"]
    assert list(got["params"]) == list(want["params"])
    for k in want["params"]:
        _close(got["params"][k], want["params"][k], 1e-7)     # the same initial weights
        _close(got["grads"][k], want["grads"][k])
    for k in want["bufs"]:
        _close(got["bufs"][k], want["bufs"][k])
    _close(got["y"], want["y"])
    _close(got["gx"], want["gx"])


def test_live_pytorch_agrees_with_the_stored_answers():
    real = pytest.importorskip("torch")
    import torch.nn as tnn
    for case, want in list(zip(CASES, EXPECTED))[::5]:
        got = _run(real, tnn, *case)
        assert got["repr"] == want["repr"]
        _close(got["y"], want["y"])


def test_embedding_padding_row_gets_no_gradient():
    torch.manual_seed(0)
    e = nn.Embedding(4, 2, padding_idx=0)
    assert e.weight[0].tolist() == [0.0, 0.0]
    e(torch.tensor([0, 1, 0])).sum().backward()
    assert e.weight.grad[0].tolist() == [0.0, 0.0] and e.weight.grad[1].tolist() == [1.0, 1.0]


def test_batchnorm_running_stats_and_eval():
    bn = nn.BatchNorm1d(2)
    x = torch.tensor([[1.0, 2.0], [3.0, 6.0]])
    bn(x)
    np.testing.assert_allclose(bn.running_mean.numpy(), [0.2, 0.4], rtol=1e-6)
    np.testing.assert_allclose(bn.running_var.numpy(), [1.1, 1.7], rtol=1e-6)
    assert bn.num_batches_tracked.item() == 1
    bn.eval()
    y = bn(x)
    np.testing.assert_allclose(y.detach().numpy(), (x.numpy() - [0.2, 0.4]) /
                               np.sqrt(np.array([1.1, 1.7]) + 1e-5), rtol=1e-5)
    with pytest.raises(ValueError, match="expected 2D or 3D input"):
        bn(torch.ones(2))


def test_forward_hooks_and_nn_utils():
    m = nn.Linear(2, 2)
    seen = []
    h = m.register_forward_hook(lambda mod, args, out: seen.append(tuple(out.shape)))
    p = m.register_forward_pre_hook(lambda mod, args: (args[0] * 0,))
    out = m(torch.ones(3, 2))
    np.testing.assert_allclose(out.detach().numpy(), np.broadcast_to(m.bias.detach().numpy(),
                                                                     (3, 2)))
    h.remove()
    p.remove()
    m(torch.ones(1, 2))
    assert seen == [(3, 2)]
    from functorch_lite.nn.utils import (clip_grad_norm_, clip_grad_value_,
                                         parameters_to_vector, vector_to_parameters)
    from functorch_lite.nn.utils.rnn import pad_sequence
    m.weight.grad = torch.full((2, 2), 3.0)
    m.bias.grad = torch.full((2,), 4.0)
    n = clip_grad_norm_(m.parameters(), 1.0)
    assert abs(n.item() - np.sqrt(4 * 9 + 2 * 16)) < 1e-4
    tot = np.sqrt((m.weight.grad.numpy() ** 2).sum() + (m.bias.grad.numpy() ** 2).sum())
    assert abs(tot - 1.0) < 1e-4
    clip_grad_value_(m.parameters(), 0.1)
    assert m.weight.grad.abs().max().item() <= 0.1 + 1e-7
    v = parameters_to_vector(m.parameters())
    assert tuple(v.shape) == (6,)
    vector_to_parameters(torch.arange(6.), m.parameters())
    assert m.bias.tolist() == [4.0, 5.0]
    ps = pad_sequence([torch.ones(2), torch.ones(3)], batch_first=True)
    assert ps.tolist() == [[1, 1, 0], [1, 1, 1]]
