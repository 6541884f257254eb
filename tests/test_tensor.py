"""Tensor facade: creation defaults, memory semantics, shapes, ops, printing,
devices, save/load.  Expectations come from NumPy; printing and promotion are
also compared with PyTorch where it is installed."""
import io

import numpy as np
import pytest

import functorch_lite as torch
import functorch_lite as fl


def test_creation_defaults():
    assert torch.tensor([5.5, 3]).dtype is torch.float32
    assert torch.tensor([1, 2]).dtype is torch.int64
    assert torch.tensor([True]).dtype is torch.bool
    assert torch.zeros(5, 3, dtype=torch.long).dtype is torch.int64
    assert torch.from_numpy(np.ones(3)).dtype is torch.float64
    x = torch.Tensor(5, 3)
    assert x.shape == (5, 3) and x.dtype is torch.float32
    y = torch.Tensor([[1, 2]])
    assert y.dtype is torch.float32 and y.tolist() == [[1.0, 2.0]]
    assert torch.rand(2, 3).dtype is torch.float32
    assert torch.randn(2, dtype=torch.double).dtype is torch.float64
    assert torch.arange(5).dtype is torch.int64 and torch.arange(0, 1, 0.25).dtype is torch.float32
    assert torch.FloatTensor([1, 2]).dtype is torch.float32
    assert torch.LongTensor([1, 2]).dtype is torch.int64
    assert torch.DoubleTensor(2, 2).shape == (2, 2)
    t = torch.tensor([5.5, 3]).new_ones(5, 3, dtype=torch.double)
    assert t.dtype is torch.float64 and t.shape == (5, 3)
    assert torch.randn_like(t, dtype=torch.float).dtype is torch.float32
    assert torch.zeros_like(t).dtype is torch.float64
    assert torch.full((2,), 7).dtype is torch.int64
    assert torch.eye(3).numpy().trace() == 3


def test_size_and_dtype_objects():
    s = torch.randn(4, 4).view(-1, 8).size()
    assert isinstance(s, tuple) and s == (2, 8)
    assert repr(s) == "torch.Size([2, 8])"
    assert repr(torch.float64) == "torch.float64"
    assert torch.float is torch.float32 and torch.double is torch.float64
    assert torch.long is torch.int64 and torch.half is torch.float16
    x = torch.ones(2, 3)
    assert x.size(1) == 3 and x.dim() == 2 and x.numel() == 6
    assert x.type() == "torch.FloatTensor" and x.double().type() == "torch.DoubleTensor"
    assert x.long().dtype is torch.int64 and x.int().dtype is torch.int32


def test_numpy_bridge_shares_memory():
    a = torch.ones(5)
    b = a.numpy()
    a.add_(1)
    assert b.tolist() == [2.0] * 5
    n = np.ones(5)
    t = torch.from_numpy(n)
    np.add(n, 1, out=n)
    assert t.tolist() == [2.0] * 5
    t.mul_(3)
    assert n.tolist() == [6.0] * 5


def test_views_share_storage_and_versions():
    x = torch.zeros(4, 4)
    v = x.view(16)
    col = x[:, 1]
    tt = x.t()
    d = x.detach()
    data = x.data
    v0 = x._version
    v[0] = 5.0
    assert x[0, 0].item() == 5.0
    col.fill_(2.0)
    assert x.numpy()[:, 1].tolist() == [2.0] * 4
    assert tt[1, 0].item() == 2.0
    d.add_(1)
    assert data[3, 3].item() == 1.0
    assert x._version > v0 and v._version == x._version
    with pytest.raises(RuntimeError, match="view size is not compatible"):
        x.t().view(16)
    assert x.t().reshape(16).shape == (16,)


def test_inplace_ops_and_out():
    x = torch.ones(2, 2)
    y = torch.full((2, 2), 2.0)
    r = torch.empty(2, 2)
    out = torch.add(x, y, out=r)
    assert out is r and r.tolist() == [[3.0, 3.0]] * 2
    y.add_(x).mul_(2).sub_(1).div_(5)
    assert np.allclose(y.numpy(), (2 + 1) * 2 / 5 - 0.2)
    y.zero_()
    assert y.sum().item() == 0
    y.copy_(torch.tensor([1.0, 2.0]))
    assert y.tolist() == [[1.0, 2.0], [1.0, 2.0]]
    y.clamp_(min=1.5)
    assert y.tolist() == [[1.5, 2.0], [1.5, 2.0]]
    z = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    z.t_()
    assert z.tolist() == [[1.0, 3.0], [2.0, 4.0]]
    z -= 1
    z *= 2
    z += z
    assert z.tolist() == [[0.0, 8.0], [4.0, 12.0]]
    u = torch.empty(3, 4).uniform_(0, 1)
    assert u.min().item() >= 0 and u.max().item() < 1
    with pytest.raises(RuntimeError, match="can't be cast"):
        torch.zeros(2, dtype=torch.long).add_(0.5)


RNG = np.random.default_rng(0)
A = RNG.standard_normal((3, 4))
B = RNG.standard_normal((3, 4))


@pytest.mark.parametrize("name,ref", [
    ("add", np.add), ("sub", np.subtract), ("mul", np.multiply), ("div", np.divide),
    ("maximum", np.maximum), ("minimum", np.minimum)])
def test_binary_ops_match_numpy(name, ref):
    a, b = torch.from_numpy(A.copy()), torch.from_numpy(B.copy())
    assert np.allclose(getattr(torch, name)(a, b).numpy(), ref(A, B))
    assert np.allclose(getattr(a, name)(b).numpy(), ref(A, B))


@pytest.mark.parametrize("name,ref", [
    ("exp", np.exp), ("sin", np.sin), ("cos", np.cos), ("tanh", np.tanh),
    ("abs", np.abs), ("neg", np.negative), ("sigmoid", lambda x: 1 / (1 + np.exp(-x))),
    ("relu", lambda x: np.maximum(x, 0))])
def test_unary_ops_match_numpy(name, ref):
    a = torch.from_numpy(A.copy())
    assert np.allclose(getattr(torch, name)(a).numpy(), ref(A))
    assert np.allclose(getattr(a, name)().numpy(), ref(A))
    p = torch.from_numpy(np.abs(A) + 0.1)
    assert np.allclose(p.log().numpy(), np.log(np.abs(A) + 0.1))
    assert np.allclose(p.sqrt().numpy(), np.sqrt(np.abs(A) + 0.1))


def test_operators_reductions_contractions():
    a, b = torch.from_numpy(A.copy()), torch.from_numpy(B.copy())
    assert np.allclose((a + b * 2 - 1 / (b * b + 1)).numpy(), A + B * 2 - 1 / (B * B + 1))
    assert np.allclose((2 - a).numpy(), 2 - A) and np.allclose((a ** 2).numpy(), A ** 2)
    assert np.allclose((2 ** a).numpy(), 2 ** A) and np.allclose((-a).numpy(), -A)
    assert np.allclose(abs(a).numpy(), abs(A))
    assert ((a > b).numpy() == (A > B)).all() and ((a == a).numpy()).all()
    assert np.isclose(a.sum().item(), A.sum()) and np.allclose(a.sum(0).numpy(), A.sum(0))
    assert np.allclose(a.sum(dim=1, keepdim=True).numpy(), A.sum(1, keepdims=True))
    assert np.allclose(a.mean(1).numpy(), A.mean(1))
    assert np.isclose(a.std().item(), A.std(ddof=1)) and np.isclose(a.var().item(), A.var(ddof=1))
    assert np.allclose(a.var(0, unbiased=False).numpy(), A.var(0))
    assert a.max().item() == A.max() and a.min().item() == A.min()
    v, i = a.max(dim=1)
    assert np.allclose(v.numpy(), A.max(1)) and (i.numpy() == A.argmax(1)).all()
    assert a.argmax().item() == A.argmax() and (a.argmax(0).numpy() == A.argmax(0)).all()
    assert np.isclose(a.norm().item(), np.linalg.norm(A))
    assert np.allclose(a.mm(b.t()).numpy(), A @ B.T)
    assert np.allclose(torch.matmul(a, b.t()).numpy(), A @ B.T)
    assert np.allclose((a @ b.t()).numpy(), A @ B.T)
    assert np.isclose(torch.dot(a[0], b[0]).item(), A[0] @ B[0])
    c = torch.from_numpy(RNG.standard_normal((2, 3, 4)))
    d = torch.from_numpy(RNG.standard_normal((2, 4, 5)))
    assert np.allclose(c.bmm(d).numpy(), c.numpy() @ d.numpy())
    assert np.allclose(a.clamp(-0.5, 0.5).numpy(), np.clip(A, -0.5, 0.5))
    assert np.allclose(torch.where(a > 0, a, b).numpy(), np.where(A > 0, A, B))
    with pytest.raises(RuntimeError, match="cannot be multiplied"):
        a.mm(b)


def test_shape_ops():
    x = torch.arange(24).view(2, 3, 4)
    n = np.arange(24).reshape(2, 3, 4)
    assert (x.permute(2, 0, 1).numpy() == n.transpose(2, 0, 1)).all()
    assert (x.transpose(0, 2).numpy() == n.swapaxes(0, 2)).all()
    assert x.unsqueeze(1).shape == (2, 1, 3, 4) and x.unsqueeze(-1).shape == (2, 3, 4, 1)
    assert x.view(2, 1, 12).squeeze().shape == (2, 12)
    assert x.flatten().shape == (24,) and x.flatten(1).shape == (2, 12)
    assert torch.ones(3, 1).expand(3, 4).shape == (3, 4)
    assert x.reshape(-1, 6).shape == (4, 6) and x.T.shape == (4, 3, 2)
    assert (torch.cat([x, x], 1).numpy() == np.concatenate([n, n], 1)).all()
    assert (torch.stack([x, x]).numpy() == np.stack([n, n])).all()
    assert x.contiguous().is_contiguous() and x.numel() == 24
    with pytest.raises(RuntimeError, match="invalid for input of size"):
        x.view(5, 5)


@pytest.mark.parametrize("idx", [
    (0,), (slice(1, None),), (slice(None), 1), (Ellipsis, -1), (None, 0),
    (slice(None, None, 2),), ([0, 2],), (np.array([True, False, True]),),
    (slice(None, None, -1),), ((np.array([0, 1]), np.array([1, 2])),)])
def test_indexing_read_and_write(idx):
    idx = idx[0]
    n = np.arange(12.0).reshape(3, 4)
    t = torch.from_numpy(n.copy())
    assert np.array_equal(np.asarray(t[idx].numpy()), n[idx])
    t[idx] = -1.0
    m = n.copy()
    m[idx] = -1.0
    assert np.array_equal(t.numpy(), m)


def test_mask_assignment_like_seed():
    h = torch.tensor([[-1.0, 2.0], [3.0, -4.0]])
    g = h.clone()
    g[h < 0] = 0
    assert g.tolist() == [[0.0, 2.0], [3.0, 0.0]]
    assert h.tolist() == [[-1.0, 2.0], [3.0, -4.0]]   # clone copied


def test_promotion_like_torch():
    i = torch.tensor([1, 2])
    f = torch.tensor([1.0, 2.0])
    assert (i * 1.5).dtype is torch.float32        # numpy would give float64
    assert (i + f).dtype is torch.float32
    assert (i / 2).dtype is torch.float32
    assert (f.double() + f).dtype is torch.float64
    assert (f + torch.tensor(1.0, dtype=torch.float64)).dtype is torch.float32
    assert (i + 1).dtype is torch.int64 and (f * 2).dtype is torch.float32


def test_item_tolist_bool():
    assert torch.tensor([3.5]).item() == 3.5
    assert torch.tensor([[1, 2]]).tolist() == [[1, 2]]
    with pytest.raises(RuntimeError, match="ambiguous"):
        bool(torch.ones(2))
    with pytest.raises(RuntimeError, match="cannot be converted to Scalar"):
        torch.ones(2).item()


def test_devices():
    d = torch.device("cuda:0")
    assert d.type == "cuda" and d.index == 0 and str(d) == "cuda:0"
    assert torch.device("cpu").index is None and torch.device("cuda").type == "cuda"
    assert repr(torch.device("cuda", 1)) == "device(type='cuda', index=1)"
    x = torch.ones(2)
    assert x.device == torch.device("cpu") and x.cpu() is x
    y = x.to("cpu", torch.double)
    assert y.dtype is torch.float64 and y.device.type == "cpu"
    assert x.to(torch.float64).dtype is torch.float64
    if not torch.cuda.is_available():
        with pytest.raises(RuntimeError, match="CUDA is not available"):
            x.cuda()
        with pytest.raises(RuntimeError, match="CUDA is not available"):
            x.to(torch.device("cuda"))
        with pytest.raises(RuntimeError, match="CUDA is not available"):
            torch.ones(2, device="cuda")
    with pytest.raises(RuntimeError, match="Expected one of cpu, cuda"):
        torch.device("tpu")


def test_cuda_is_available_needs_cupy():
    try:
        import cupy  # noqa: F401
    except Exception:  # noqa: BLE001
        assert torch.cuda.is_available() is False
        assert torch.cuda.device_count() == 0
        with pytest.raises(RuntimeError, match="No CUDA GPUs are available"):
            torch.cuda.current_device()
        with pytest.raises(RuntimeError, match=r"Cannot use device cuda: CUDA is not "
                                               r"available .*torch.cuda.is_available"):
            torch.ones(2).cuda()
        with pytest.raises(RuntimeError, match="CUDA is not available"):
            torch.randn(2, device="cuda:0")
        torch.cuda.manual_seed(0)          # harmless without a GPU, as in PyTorch
        torch.cuda.synchronize()


def test_cuda_availability_is_not_cached():
    """The stand-in installed by use_cupy counts as a GPU; forget_cupy undoes it."""
    import _fakecupy as fc
    before = torch.cuda.is_available()
    fl.backends.use_cupy(fc, fc.cupyx)
    try:
        assert torch.cuda.is_available() is True and torch.cuda.device_count() == 1
        assert torch.ones(2).cuda().is_cuda
    finally:
        fl.backends.forget_cupy()
    assert torch.cuda.is_available() is before


def test_save_load_npz(tmp_path):
    t = torch.randn(3, 2)
    torch.save(t, tmp_path / "t.npz")
    assert torch.equal(torch.load(tmp_path / "t.npz"), t)
    sd = {"w": torch.ones(2, 2), "b": torch.zeros(3, dtype=torch.long)}
    buf = io.BytesIO()
    torch.save(sd, buf)
    buf.seek(0)
    back = torch.load(buf)
    assert list(back) == ["w", "b"] and back["b"].dtype is torch.int64
    with pytest.raises(TypeError, match="only tensors"):
        torch.save({"f": lambda: 0}, tmp_path / "bad.npz")


def test_load_never_unpickles(tmp_path):
    p = tmp_path / "evil.npz"
    np.savez(p, x=np.array([object()], dtype=object))
    with pytest.raises(ValueError, match="allow_pickle"):
        torch.load(p)


def test_printing_basic():
    assert repr(torch.ones(2, 2, requires_grad=True)) == (
        "tensor([[1., 1.],\n        [1., 1.]], requires_grad=True)")
    assert repr(torch.tensor([5.5, 3])) == "tensor([5.5000, 3.0000])"
    x = torch.ones(2, 2, requires_grad=True)
    assert repr(((x + 2) * (x + 2) * 3).mean()) == "tensor(27., grad_fn=<MeanBackward0>)"
    assert repr(torch.ones(2, dtype=torch.float64)) == "tensor([1., 1.], dtype=torch.float64)"
    assert repr(torch.zeros(2, 2, dtype=torch.long)) == "tensor([[0, 0],\n        [0, 0]])"
    assert repr(torch.tensor([4.5, 4.5])) == "tensor([4.5000, 4.5000])"


PRINT_CASES = [
    np.array([102.4, 1024.0, 0.1024], np.float32), np.array([[1e-5, 1.0], [3.0, 4.0]]),
    np.array([0.0, 1.0, 2.0], np.float32), np.array([np.nan, 1.5, np.inf], np.float32),
    (np.arange(2000, dtype=np.float32).reshape(40, 50) / 7), np.array(3.5),
    np.array([True, False]), np.arange(12).reshape(3, 4) - 5,
    np.random.default_rng(1).standard_normal((5, 30)).astype(np.float32),
    np.zeros((0, 3), np.float32), np.array([], np.int64), np.array([1e10, 1.0]),
    np.array([-0.0001, 123.0]), np.arange(3000, dtype=np.int32),
    np.random.default_rng(2).standard_normal((2, 3, 4)).astype(np.float32)]


@pytest.mark.parametrize("k", range(len(PRINT_CASES)))
def test_printing_matches_torch(k):
    real = pytest.importorskip("torch")
    a = PRINT_CASES[k]
    assert repr(torch.from_numpy(a)) == repr(real.from_numpy(a))


def test_broadcast_mismatch_error_is_pytorchs():
    import functorch_lite as torch_
    with pytest.raises(RuntimeError, match=r"The size of tensor a \(3\) must match the size "
                                           r"of tensor b \(4\) at non-singleton dimension 1"):
        torch_.ones(2, 3) + torch_.ones(4)
