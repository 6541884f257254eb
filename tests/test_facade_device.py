"""The Tensor facade on the device backend (``import functorch_lite as torch``
with device='cuda'), run on the strict CPU stand-in for CuPy (and on real CuPy
where a GPU is present).  Inside ``device.strict()`` any host<->device copy
or sync raises, so a training step there proves none happens."""
import contextlib
import io

import numpy as np
import pytest

import functorch_lite as torch
import functorch_lite as fl
from functorch_lite import nn
from functorch_lite.nn import functional as F
from _device import device, real_cupy_available  # noqa: F401 - the fixture

SAME = "Expected all tensors to be on the same device, but found at least two devices, " \
       "cuda:0 and cpu!"
NUMPY = r"can't convert cuda:0 device type tensor to numpy\. Use Tensor\.cpu\(\) to copy " \
        r"the tensor to host memory first\."


def host(t):
    """Values of a tensor for checking (explicit, outside strict mode)."""
    return t.cpu().detach().numpy()


# ------------------------------------------------------------ availability

def test_cuda_queries_follow_the_backend(device):
    assert torch.cuda.is_available() is True
    assert torch.cuda.device_count() == 1 and torch.cuda.current_device() == 0
    torch.cuda.synchronize()
    fl.backends.forget_cupy()
    try:
        if device.kind == "fake" and not real_cupy_available():
            assert torch.cuda.is_available() is False
            assert torch.cuda.device_count() == 0
            with pytest.raises(RuntimeError, match="CUDA is not available"):
                torch.ones(2).cuda()
    finally:
        device.__init__(device.kind)       # re-install for the fixture's teardown


def test_devices_and_placement(device):
    for spec in ("cuda", "cuda:0", torch.device("cuda"), torch.device("cuda", 0)):
        t = torch.zeros(2, 3, device=spec)
        assert t.is_cuda and device.is_dev(t._v)
        assert t.device == torch.device("cuda", 0)
        assert repr(t.device) == "device(type='cuda', index=0)"
    c = torch.ones(2)
    assert not c.is_cuda and c.device == torch.device("cpu")
    with pytest.raises(RuntimeError, match="invalid device ordinal"):
        torch.zeros(2, device="cuda:1")


CREATORS = [
    ("tensor", lambda d: torch.tensor([[1.0, 2.0], [3.0, 4.0]], device=d), (2, 2), "float32"),
    ("tensor_int", lambda d: torch.tensor([1, 2, 3], device=d), (3,), "int64"),
    ("as_tensor", lambda d: torch.as_tensor(np.arange(4.0), device=d), (4,), "float64"),
    ("Tensor", lambda d: torch.Tensor([1, 2], device=d), (2,), "float32"),
    ("zeros", lambda d: torch.zeros(2, 3, device=d), (2, 3), "float32"),
    ("ones", lambda d: torch.ones((2, 3), dtype=torch.float64, device=d), (2, 3), "float64"),
    ("empty", lambda d: torch.empty(4, device=d), (4,), "float32"),
    ("full", lambda d: torch.full((2,), 7, device=d), (2,), "int64"),
    ("arange", lambda d: torch.arange(5, device=d), (5,), "int64"),
    ("arange_f", lambda d: torch.arange(0, 1, 0.25, device=d), (4,), "float32"),
    ("linspace", lambda d: torch.linspace(0, 1, 5, device=d), (5,), "float32"),
    ("eye", lambda d: torch.eye(3, device=d), (3, 3), "float32"),
    ("rand", lambda d: torch.rand(3, 2, device=d), (3, 2), "float32"),
    ("randn", lambda d: torch.randn(3, device=d), (3,), "float32"),
    ("randint", lambda d: torch.randint(0, 5, (6,), device=d), (6,), "int64"),
    ("randperm", lambda d: torch.randperm(5, device=d), (5,), "int64"),
    ("normal", lambda d: torch.normal(0.0, 1.0, (4,), device=d), (4,), "float32"),
]


@pytest.mark.parametrize("name,make,shape,dt", CREATORS, ids=[c[0] for c in CREATORS])
def test_creation_on_the_device(device, name, make, shape, dt):
    t = make("cuda")
    assert device.is_dev(t._v) and t.is_cuda
    assert tuple(t.shape) == shape and str(t._v.dtype) == dt
    c = make("cpu")
    assert not c.is_cuda and str(c._v.dtype) == dt
    if name in ("tensor", "tensor_int", "as_tensor", "zeros", "ones", "full", "arange",
                "arange_f", "linspace", "eye", "Tensor"):
        np.testing.assert_allclose(host(t), c.numpy())
    if name == "randperm":
        assert sorted(host(t).tolist()) == list(range(5))


def test_device_creation_makes_no_transfer(device):
    with device.strict():
        torch.zeros(3, device="cuda")
        torch.ones(3, device="cuda")
        torch.full((2,), 1.5, device="cuda")
        torch.arange(4, device="cuda")
        torch.randn(5, device="cuda")              # drawn on the device
        torch.rand(5, device="cuda")
        x = torch.empty(2, 2, device="cuda")
        torch.zeros_like(x), torch.ones_like(x), torch.randn_like(x)
        x.new_zeros(3), x.new_ones(2, 2), x.new_full((2,), 3.0)


def test_random_on_the_device_is_seeded(device):
    torch.manual_seed(3)
    a = torch.randn(5, device="cuda")
    torch.cuda.manual_seed(3)
    b = torch.randn(5, device="cuda")
    torch.manual_seed(3)
    c = torch.randn(5, device="cuda")
    np.testing.assert_array_equal(host(a), host(b))
    np.testing.assert_array_equal(host(a), host(c))
    assert not np.array_equal(host(a), host(torch.randn(5, device="cuda")))


def test_like_and_new_follow_the_source_device(device):
    x = torch.ones(2, 3, device="cuda")
    for t in (torch.zeros_like(x), torch.ones_like(x), torch.empty_like(x),
              torch.full_like(x, 2.0), torch.rand_like(x), torch.randn_like(x),
              x.new_zeros(4), x.new_ones(4), x.new_empty(4), x.new_full((4,), 1.0),
              x.new_tensor([1.0, 2.0])):
        assert t.is_cuda, t
    assert not torch.zeros_like(x, device="cpu").is_cuda
    assert not x.new_zeros(2, device="cpu").is_cuda
    assert torch.zeros_like(torch.ones(2), device="cuda").is_cuda
    np.testing.assert_array_equal(host(torch.full_like(x, 2.0)), np.full((2, 3), 2.0))


# ------------------------------------------------------------- conversions

def test_to_cuda_cpu_roundtrip(device):
    c = torch.tensor([1.0, 2.0, 3.0])
    for g in (c.cuda(), c.to("cuda"), c.to(device="cuda"), c.to(torch.device("cuda:0")),
              c.to(torch.zeros(1, device="cuda"))):
        assert g.is_cuda and device.is_dev(g._v)
        back = g.cpu()
        assert not back.is_cuda and type(back._v) is np.ndarray
        np.testing.assert_array_equal(back.numpy(), c.numpy())
        np.testing.assert_array_equal(g.to("cpu").numpy(), c.numpy())
    g = c.cuda()
    assert g.cuda() is g and g.to("cuda") is g and c.cpu() is c
    d = g.to("cuda", torch.float64)
    assert d.is_cuda and d.dtype is torch.float64
    assert g.to(torch.ones(1, dtype=torch.float64)).device.type == "cpu"
    assert g.double().is_cuda and g.long().dtype is torch.int64


def test_host_reads(device):
    g = torch.tensor([[1.5, 2.0]], device="cuda")
    assert g.sum().item() == 3.5
    assert float(g[0, 0]) == 1.5 and int(g[0, 1]) == 2 and bool(g[0, 0]) is True
    assert g.tolist() == [[1.5, 2.0]]
    with pytest.raises(TypeError, match=NUMPY):
        g.numpy()
    with pytest.raises(TypeError, match=NUMPY):
        np.asarray(g)                    # __array__ never copies silently
    with pytest.raises(TypeError, match=NUMPY):
        g.detach().numpy()


@pytest.mark.parametrize("what,fn,msg", [
    ("item", lambda g: g.sum().item(), r"Tensor\.item\(\) of a cuda tensor"),
    ("float", lambda g: float(g[0]), r"Tensor\.item\(\) of a cuda tensor"),
    ("int", lambda g: int(g[0]), r"Tensor\.item\(\) of a cuda tensor"),
    ("bool", lambda g: bool(g[0]), r"bool\(\) of a cuda tensor"),
    ("tolist", lambda g: g.tolist(), r"Tensor\.tolist\(\) of a cuda tensor"),
    ("cpu", lambda g: g.cpu(), r"Tensor\.cpu\(\)"),
    ("to_cpu", lambda g: g.to("cpu"), r"Tensor\.cpu\(\) / \.to\('cpu'\)"),
    ("save", lambda g: torch.save(g, io.BytesIO()), r"torch\.save of the cuda tensor"),
])
def test_host_reads_raise_under_the_guard(device, what, fn, msg):
    g = torch.tensor([1.0, 2.0], device="cuda")
    with fl.backends.transfer_guard("disallow"):
        with pytest.raises(RuntimeError, match=msg):
            fn(g)


def test_to_cuda_raises_under_the_guard(device):
    c = torch.ones(3)
    with fl.backends.transfer_guard("disallow"):
        with pytest.raises(RuntimeError, match=r"Tensor\.to\('cuda'\) / \.cuda\(\)"):
            c.cuda()


def test_printing(device):
    g = torch.tensor([1.0, 2.0], device="cuda")
    assert repr(g) == "tensor([1., 2.], device='cuda:0')"
    w = torch.tensor([1.0, 2.0], device="cuda", requires_grad=True)
    assert repr(w) == "tensor([1., 2.], device='cuda:0', requires_grad=True)"
    assert repr(w * 2) == "tensor([2., 4.], device='cuda:0', grad_fn=<MulBackward0>)"
    d = torch.tensor([1, 2], dtype=torch.int32, device="cuda")
    assert repr(d) == "tensor([1, 2], device='cuda:0', dtype=torch.int32)"
    h = torch.tensor([1.0], dtype=torch.float64, device="cuda", requires_grad=True)
    assert repr(h) == "tensor([1.], device='cuda:0', dtype=torch.float64, requires_grad=True)"
    assert str(torch.tensor(3.0, device="cuda")) == "tensor(3., device='cuda:0')"
    with fl.backends.transfer_guard("disallow"):    # printing is always allowed
        assert "device='cuda:0'" in repr(g)


# ---------------------------------------------------------------- mixing

def test_mixing_devices_raises(device):
    g = torch.ones(3, device="cuda")
    c = torch.ones(3)
    for fn in (lambda: g + c, lambda: c + g, lambda: g * c, lambda: torch.maximum(g, c),
               lambda: g.dot(c), lambda: torch.ones(2, 3, device="cuda").mm(torch.ones(3, 2)),
               lambda: torch.where(g > 0, g, c), lambda: torch.cat([g, c]),
               lambda: g.add_(c), lambda: c.sub_(g), lambda: g == c,
               lambda: torch.ones(3, requires_grad=True) * g):
        with pytest.raises(RuntimeError, match=SAME):
            fn()


def test_scalars_and_0d_cpu_tensors_mix(device):
    g = torch.tensor([1.0, 2.0], device="cuda")
    with device.strict():
        r = g * 2 + 1.5 - torch.tensor(0.5)
        r = r / torch.tensor(2.0) + 3
        s = torch.tensor(1.0) + g
        g.clamp(min=0.5, max=1.5)
        torch.where(g > 1, g, 0.0)
    np.testing.assert_allclose(host(r), (np.array([1.0, 2.0]) * 2 + 1.0) / 2 + 3)
    np.testing.assert_allclose(host(s), [2.0, 3.0])
    assert r.is_cuda and s.is_cuda


# ------------------------------------------------------------------- ops

def test_ops_match_the_cpu(device):
    rng = np.random.default_rng(0)
    a = rng.standard_normal((3, 4)).astype(np.float32)
    b = rng.standard_normal((4, 2)).astype(np.float32)

    def run(d):
        x, w = torch.tensor(a, device=d), torch.tensor(b, device=d)
        return [x.mm(w), x.exp().sum(1), x.relu().mean(), x.max(1).values, x.argmax(1),
                x.t().reshape(2, 6), x[1:, ::2], x[torch.tensor([0, 2], device=d)],
                torch.cat([x, x], 0), torch.stack([x, x]), x.sigmoid(), x.tanh().pow(2),
                x.floor(), x > 0, (x > 0) & (x < 1), x.abs().sqrt(), x.softmax(1)
                if hasattr(x, "softmax") else F.softmax(x, dim=1), x.var(), x.norm(),
                x.argmin(), x.cumsum(1), x.min(1).indices, x.std(0), x.amax(0),
                torch.matmul(x, w), x.unsqueeze(0).expand(2, 3, 4), x.clamp(-0.5, 0.5)]
    for i, (g, c) in enumerate(zip(run("cuda"), run("cpu"))):
        assert g.is_cuda, i
        np.testing.assert_allclose(host(g), c.numpy(), rtol=1e-6, atol=1e-6, err_msg=str(i))
    x = torch.tensor(a, device="cuda")
    assert torch.allclose(x, x.clone()) and torch.equal(x, x + 0)


def test_indexing_and_inplace_writes(device):
    g = torch.zeros(3, 4, device="cuda")
    with device.strict():
        g[0] = 1.0
        g[1, 2:] = torch.ones(2, device="cuda") * 5
        g[2, 0] = torch.tensor(7.0)                     # a 0-d cpu tensor is a scalar
        g.add_(1).mul_(2)
        g[:, 3].fill_(0)
        g.clamp_(max=10)
    want = np.zeros((3, 4))
    want[0] = 1
    want[1, 2:] = 5
    want[2, 0] = 7
    want = np.minimum((want + 1) * 2, 10)
    want[:, 3] = 0
    np.testing.assert_allclose(host(g), want)
    c = torch.zeros(2)
    c.copy_(torch.ones(2, device="cuda"))              # copy_ across devices: explicit
    np.testing.assert_allclose(c.numpy(), [1, 1])
    g2 = torch.zeros(2, device="cuda")
    g2.copy_(torch.tensor([3.0, 4.0]))
    np.testing.assert_allclose(host(g2), [3, 4])
    g2.uniform_(0, 1)
    g2.normal_()
    assert g2.is_cuda
    with pytest.raises(RuntimeError, match="found at least two devices, cpu and cuda:0"):
        torch.ones(3)[torch.tensor([0], device="cuda")]


# -------------------------------------------------------------- autograd

def test_autograd_on_the_device(device):
    x = torch.tensor([1.0, 2.0, 3.0], device="cuda", requires_grad=True)
    with device.strict():
        y = (x * x).sum() + x.exp().mean()
        y.backward()
    assert x.grad.is_cuda and device.is_dev(x.grad._v)
    want = 2 * np.array([1.0, 2.0, 3.0]) + np.exp([1.0, 2.0, 3.0]) / 3
    np.testing.assert_allclose(host(x.grad), want, rtol=1e-6)
    with device.strict():
        (g,) = torch.autograd.grad((x ** 3).sum(), x)
        with torch.no_grad():
            z = x * 2
        x.grad.zero_()
    assert g.is_cuda and not z.requires_grad
    np.testing.assert_allclose(host(g), 3 * np.array([1.0, 2.0, 3.0]) ** 2, rtol=1e-6)
    np.testing.assert_array_equal(host(x.grad), 0)
    # second order on the device
    (g1,) = torch.autograd.grad((x ** 3).sum(), x, create_graph=True)
    (g2,) = torch.autograd.grad(g1.sum(), x)
    np.testing.assert_allclose(host(g2), 6 * np.array([1.0, 2.0, 3.0]), rtol=1e-6)


def test_gradient_flows_across_a_device_move(device):
    c = torch.tensor([1.0, 2.0], requires_grad=True)
    y = (c.cuda() * 3).sum()
    assert y.is_cuda
    y.backward()
    assert not c.grad.is_cuda
    np.testing.assert_allclose(c.grad.numpy(), [3.0, 3.0])
    g = torch.tensor([1.0, 2.0], device="cuda", requires_grad=True)
    (g.cpu() ** 2).sum().backward()
    assert g.grad.is_cuda
    np.testing.assert_allclose(host(g.grad), [2.0, 4.0])


def _two_layer(x, y, w1, w2, steps, strict=None):
    lr = 1e-6
    losses = []
    for _ in range(steps):
        with strict() if strict else contextlib.nullcontext():
            y_pred = x.mm(w1).clamp(min=0).mm(w2)
            loss = (y_pred - y).pow(2).sum()
            loss.backward()
            with torch.no_grad():
                w1 -= lr * w1.grad
                w2 -= lr * w2.grad
                w1.grad.zero_()
                w2.grad.zero_()
        losses.append(loss.item())         # read outside strict mode
    return losses


def test_two_layer_net_trains_on_the_device_without_transfers(device):
    """The acceptance test: the PyTorch blitz two-layer net, a whole training
    step on the device with no transfer and no sync, same loss trajectory as
    the CPU from the same initial values."""
    N, D_in, H, D_out = 64, 1000, 100, 10
    torch.manual_seed(0)
    x, y = torch.randn(N, D_in), torch.randn(N, D_out)
    w1, w2 = torch.randn(D_in, H), torch.randn(H, D_out)
    cpu = _two_layer(x, y, w1.clone().requires_grad_(), w2.clone().requires_grad_(), 5)
    dev = torch.device("cuda")
    xd, yd = x.to(dev), y.to(dev)
    w1d, w2d = w1.to(dev).requires_grad_(), w2.to(dev).requires_grad_()
    gpu = _two_layer(xd, yd, w1d, w2d, 5, device.strict)
    np.testing.assert_allclose(gpu, cpu, rtol=1e-5)
    assert w1d.is_cuda and w1d.grad.is_cuda and device.is_dev(w1d._v)


def test_two_layer_net_created_with_device_kwarg(device):
    dev = torch.device("cuda")
    x = torch.randn(8, 20, device=dev)
    y = torch.randn(8, 3, device=dev)
    w1 = torch.randn(20, 5, device=dev, requires_grad=True)
    w2 = torch.randn(5, 3, device=dev, requires_grad=True)
    losses = _two_layer(x, y, w1, w2, 3, device.strict)
    assert all(np.isfinite(losses))


@pytest.mark.parametrize("opt", ["sgd", "adam"])
def test_nn_training_step_on_the_device(device, opt):
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 3))
    ref = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 3))
    ref.load_state_dict(model.state_dict())
    assert model.cuda() is model
    assert all(p.is_cuda for p in model.parameters())
    x = torch.randn(5, 6)
    t = torch.tensor([0, 2, 1, 1, 0])
    xd, td = x.cuda(), t.cuda()

    def make(m):
        ps = m.parameters()
        return (torch.optim.SGD(ps, lr=0.1, momentum=0.9) if opt == "sgd" else
                torch.optim.Adam(ps, lr=0.01))
    o, oref = make(model), make(ref)
    losses, want = [], []
    for _ in range(3):
        with device.strict():
            o.zero_grad()
            loss = F.cross_entropy(model(xd), td) + F.mse_loss(model(xd), torch.zeros(
                5, 3, device="cuda"))
            loss.backward()
            o.step()
            with pytest.raises(RuntimeError, match=r"item\(\)"):
                loss.item()                  # a host read: refused in strict mode
        losses.append(loss.item())
        oref.zero_grad()
        lr_ = F.cross_entropy(ref(x), t) + F.mse_loss(ref(x), torch.zeros(5, 3))
        lr_.backward()
        oref.step()
        want.append(lr_.item())
    np.testing.assert_allclose(losses, want, rtol=1e-5)
    for s in o.state.values():
        for v in s.values():
            if not isinstance(v, (int, float)):
                assert device.is_dev(v)          # optimiser state on the device
    model.cpu()
    assert not any(p.is_cuda for p in model.parameters())
    for p, q in zip(model.parameters(), ref.parameters()):
        np.testing.assert_allclose(p.detach().numpy(), q.detach().numpy(), rtol=1e-5,
                                   atol=1e-6)


def test_module_device_kwarg_and_buffers(device):
    lin = nn.Linear(3, 2, device="cuda")
    assert lin.weight.is_cuda and lin.bias.is_cuda and isinstance(lin.weight, nn.Parameter)
    m = nn.Module()
    m.register_buffer("steps", torch.zeros(2))
    m.to("cuda")
    assert m.steps.is_cuda
    m.to("cpu")
    assert not m.steps.is_cuda
    e = nn.Embedding(5, 3, device="cuda")
    out = e(torch.tensor([0, 4], device="cuda"))
    assert out.is_cuda and tuple(out.shape) == (2, 3)
    with pytest.raises(RuntimeError, match=SAME):
        lin(torch.ones(4, 3))


def test_losses_on_the_device(device):
    logits = torch.randn(4, 3)
    tgt = torch.tensor([0, 2, 1, 2])
    lg = logits.cuda().requires_grad_()
    tg = tgt.cuda()
    with device.strict():
        ce = F.cross_entropy(lg, tg)
        ce.backward()
        mse = F.mse_loss(lg, torch.ones(4, 3, device="cuda"))
        nll = F.nll_loss(F.log_softmax(lg, dim=1), tg, reduction="sum")
    lc = logits.clone().requires_grad_()
    F.cross_entropy(lc, tgt).backward()
    np.testing.assert_allclose(ce.item(), F.cross_entropy(logits, tgt).item(), rtol=1e-6)
    np.testing.assert_allclose(host(lg.grad), lc.grad.numpy(), rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(mse.item(), F.mse_loss(logits, torch.ones(4, 3)).item(),
                               rtol=1e-6)
    np.testing.assert_allclose(nll.item(), F.nll_loss(F.log_softmax(logits, dim=1), tgt,
                                                      reduction="sum").item(), rtol=1e-6)
    with pytest.raises(RuntimeError, match=SAME):
        F.cross_entropy(lg, tgt)
    # an out-of-range target: checking it on the host would sync every step, so
    # (like PyTorch's device-side assert) it poisons the loss and gradient instead
    lg.grad = None
    bad = torch.tensor([0, 3, 1, -2]).cuda()
    with device.strict():
        ce = F.cross_entropy(lg, bad)
        ce.backward()
    assert np.isnan(ce.item()) and np.isnan(host(lg.grad)).all()
    with pytest.raises(IndexError, match="out of bounds"):
        F.cross_entropy(logits, torch.tensor([0, 3, 1, 2]))


def test_save_load_device_tensors(device, tmp_path):
    sd = {"w": torch.arange(4.0, device="cuda"), "b": torch.ones(2)}
    torch.save(sd, tmp_path / "m.npz")
    back = torch.load(tmp_path / "m.npz")
    assert back["w"].is_cuda and not back["b"].is_cuda
    np.testing.assert_array_equal(host(back["w"]), [0, 1, 2, 3])
    cpu = torch.load(tmp_path / "m.npz", map_location="cpu")
    assert not cpu["w"].is_cuda
    torch.save(torch.ones(2, device="cuda"), tmp_path / "t.npz")
    assert torch.load(tmp_path / "t.npz").is_cuda
    fl.backends.forget_cupy()
    try:
        if device.kind == "fake" and not real_cupy_available():
            with pytest.raises(RuntimeError, match="torch.cuda.is_available\\(\\) is False"):
                torch.load(tmp_path / "t.npz")
            assert not torch.load(tmp_path / "t.npz", map_location="cpu").is_cuda
    finally:
        device.__init__(device.kind)


def test_creation_from_host_data_asks_the_guard(device):
    with fl.backends.transfer_guard("disallow"):
        with pytest.raises(RuntimeError, match="creating a cuda tensor of shape \\[2\\] "
                                               "from host data"):
            torch.tensor([1.0, 2.0], device="cuda")
        with pytest.raises(RuntimeError, match="from host data"):
            torch.as_tensor(np.ones(3), device="cuda")
        torch.zeros(2, device="cuda")          # made on the device: no transfer


def test_transforms_of_tensor_code_on_the_device(device):
    x = torch.tensor([1.0, 2.0], device="cuda")
    with device.strict():
        g = fl.grad(lambda t: (t.sin() * 2 + 1).pow(2).sum())(x)
        v = fl.vmap(lambda t: t * 2 + 1)(torch.ones(3, 2, device="cuda"))
    assert g.is_cuda and v.is_cuda
    a = np.array([1.0, 2.0], np.float32)
    np.testing.assert_allclose(host(g), 4 * (2 * np.sin(a) + 1) * np.cos(a), rtol=1e-6)
    np.testing.assert_allclose(host(v), np.full((3, 2), 3.0))


def test_backward_gradient_argument_must_match_the_device(device):
    y = torch.ones(2, device="cuda", requires_grad=True) * 2
    with pytest.raises(RuntimeError, match="expected device cuda:0 but got cpu"):
        y.backward(torch.ones(2))


def test_init_and_random_fills_on_the_device(device):
    w = torch.empty(3, 3, device="cuda")
    with device.strict():
        nn.init.eye_(w)
        nn.init.kaiming_uniform_(torch.empty(4, 3, device="cuda"))
        nn.init.normal_(torch.empty(5, device="cuda"))
        nn.init.zeros_(torch.empty(5, device="cuda"))
        F.dropout(torch.ones(10, device="cuda"), 0.5)
    np.testing.assert_array_equal(host(w), np.eye(3))
    u = torch.empty(1000, device="cuda").uniform_(2.0, 3.0)
    assert 2.0 <= host(u).min() and host(u).max() <= 3.0
    n = torch.normal(5.0, 0.1, (1000,), device="cuda")
    assert abs(host(n).mean() - 5.0) < 0.05
