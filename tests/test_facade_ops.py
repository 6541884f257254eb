"""The torch.* ops, Tensor methods and nn.functional functions added for
issue 15 against PyTorch 2.13: values, grad_fn names, dtypes and gradients
(float64), from stored answers (tests/_facade_ops_expected.py), and live
where torch is installed.  A zero gradient PyTorch materialises may be None
here (functorch_lite never materialises zero cotangents)."""
import numpy as np
import pytest

import functorch_lite as torch
import functorch_lite.nn.functional as F
from _facade_ops_cases import CASES, inputs
from _facade_ops_expected import EXPECTED


def _run(torch, F, expr):
    env = inputs(torch)
    env.update(torch=torch, F=F)
    r = eval(expr, env)
    n = max(r.numel(), 1)
    w = np.linspace(-1, 1, n).reshape(tuple(r.shape)) if r.numel() else np.zeros(tuple(r.shape))
    name = r.grad_fn.name() if r.grad_fn is not None else None
    gx = gm = None
    if r.requires_grad:
        (r * torch.tensor(w, dtype=r.dtype)).sum().backward()
        gx = None if env["x"].grad is None else env["x"].grad.numpy()
        gm = None if env["m"].grad is None else env["m"].grad.numpy()
    return str(r.dtype).replace("torch.", ""), name, r.detach().numpy(), gx, gm


def _same(a, b):
    if a is None and b is None:
        return
    a = np.zeros_like(np.asarray(b, float)) if a is None else np.asarray(a, float)
    b = np.zeros_like(a) if b is None else np.asarray(b, float)
    np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-10)


def test_table_is_complete():
    assert [e[0] for e in EXPECTED] == CASES


@pytest.mark.parametrize("row", EXPECTED, ids=[e[0] for e in EXPECTED])
def test_op_matches_pytorch(row):
    expr, dtype, name, vals, gx, gm = row
    got = _run(torch, F, expr)
    assert got[0] == dtype
    assert got[1] == name
    _same(got[2], vals)
    _same(got[3], gx)
    _same(got[4], gm)


def test_live_pytorch_agrees_with_the_stored_answers():
    real = pytest.importorskip("torch")
    import torch.nn.functional as TF
    for expr, dtype, name, vals, gx, gm in EXPECTED[::7]:
        got = _run(real, TF, expr)
        assert got[1] == name
        _same(got[2], vals)


def test_integer_and_selection_results():
    x = torch.tensor([[3, 1, 2], [1, 1, 0]])
    assert torch.argsort(x, dim=1).tolist() == [[1, 2, 0], [2, 0, 1]]
    assert x.sort(1, descending=True).indices.tolist() == [[0, 2, 1], [0, 1, 2]]
    assert torch.nonzero(x).tolist() == [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1]]
    u, inv, cnt = torch.unique(x, return_inverse=True, return_counts=True)
    assert u.tolist() == [0, 1, 2, 3] and inv.tolist() == [[3, 1, 2], [1, 1, 0]]
    assert cnt.tolist() == [1, 3, 1, 1]
    assert torch.bincount(torch.tensor([0, 2, 2])).tolist() == [1, 0, 2]
    assert torch.isclose(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.1])).tolist() == \
        [True, False]
    assert torch.tensor([1.0]).allclose(torch.tensor([1.0 + 1e-9]))
    assert torch.topk(torch.tensor([1., 5., 3.]), 2).indices.tolist() == [1, 2]
    assert torch.tensor([1., 2.], dtype=torch.float32).tan().dtype == torch.float32
    assert torch.tensor([1, 2]).sinh().dtype == torch.float32
    with pytest.raises(RuntimeError, match="masked_fill_ only supports boolean masks"):
        torch.ones(2).masked_fill(torch.tensor([1, 0]), 0.)
    with pytest.raises(IndexError, match="index out of range in self"):
        torch.ones(2, 3).index_select(1, torch.tensor([3]))
    y = torch.zeros(2, 3, requires_grad=True) * 1
    y.masked_fill_(torch.tensor([[True, False, True], [False, False, False]]), 2.0)
    assert y.tolist() == [[2, 0, 2], [0, 0, 0]]
    assert y.grad_fn.name() == "MaskedFillBackward0"
