"""Per-sample gradients of a small CNN (the per-sample-gradients tutorial's
pattern): batch 64 of 1x12x12 images, conv(1->8, 3x3) relu conv(8->16, 3x3)
relu linear(1024->10) log_softmax, NLL loss; the result is each parameter's
[64, ...] per-sample gradient.

functorch_lite: ``func.vmap(func.grad(loss))`` with ``func.functional_call``
over an ``nn.Module`` (eager, and under ``fl.jit``); torch: ``torch.func``
the same way.  Floor: the forward and backward by hand in NumPy, batched over
samples (im2col windows and einsum; col2im by nine shifted adds).
"""
import numpy as np

from ..common import Entry, Workload, fl_feature, peer, torch_like

NAMES = ("conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc.weight", "fc.bias")


def setup(ctx):
    b = 8 if ctx.quick else 64
    rng = np.random.default_rng(14)
    f32 = np.float32
    shapes = [(8, 1, 3, 3), (8,), (16, 8, 3, 3), (16,), (10, 1024), (10,)]
    fans = [9, 9, 72, 72, 1024, 1024]
    params = {n: ctx.put((rng.standard_normal(s) / np.sqrt(f)).astype(f32))
              for n, s, f in zip(NAMES, shapes, fans)}
    x = ctx.put(rng.standard_normal((b, 1, 12, 12)).astype(f32))
    t = ctx.put(rng.integers(0, 10, b).astype(np.int64))
    return dict(P=params, x=x, t=t, params=dict(batch=b, image="1x12x12",
                                                layers="conv8-conv16-fc10", dtype="float32"))


def _windows(xp, a):
    """(B, C, H, W) -> (B, C, H-2, W-2, 3, 3) views of the 3x3 patches."""
    return np.lib.stride_tricks.sliding_window_view(a, (3, 3), axis=(2, 3)) \
        if xp is np else xp.lib.stride_tricks.sliding_window_view(a, (3, 3), axis=(2, 3))


def floor(d, ctx):
    xp, P, x, t = ctx.xp, d["P"], d["x"], d["t"]
    W1, b1, W2, b2, Wf, bf = (P[n] for n in NAMES)

    def per_sample():
        B = x.shape[0]
        P1 = _windows(xp, x)
        a1 = xp.einsum("bchwij,ocij->bohw", P1, W1, optimize=True) + b1[:, None, None]
        h1 = xp.maximum(a1, 0)
        P2 = _windows(xp, h1)
        a2 = xp.einsum("bchwij,ocij->bohw", P2, W2, optimize=True) + b2[:, None, None]
        h2 = xp.maximum(a2, 0)
        f = h2.reshape(B, -1)
        z = f @ Wf.T + bf
        e = xp.exp(z - z.max(1, keepdims=True))
        dz = e / e.sum(1, keepdims=True)
        dz[xp.arange(B), t] -= 1
        dWf = dz[:, :, None] * f[:, None, :]
        da2 = (dz @ Wf).reshape(a2.shape) * (a2 > 0)
        dW2 = xp.einsum("bohw,bchwij->bocij", da2, P2, optimize=True)
        G = xp.einsum("bohw,ocij->bchwij", da2, W2, optimize=True)
        dh1 = xp.zeros(h1.shape, h1.dtype)
        for i in range(3):
            for j in range(3):
                dh1[:, :, i:i + 8, j:j + 8] += G[..., i, j]
        da1 = dh1 * (a1 > 0)
        dW1 = xp.einsum("bohw,bchwij->bocij", da1, P1, optimize=True)
        out = dict(zip(NAMES, [dW1, da1.sum((2, 3)), dW2, da2.sum((2, 3)), dWf, dz]))
        ctx.sync()
        return out
    return per_sample


def _model(T):
    nn, F = T.nn, T.nn.functional

    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 8, 3)
            self.conv2 = nn.Conv2d(8, 16, 3)
            self.fc = nn.Linear(1024, 10)

        def forward(self, x):
            x = F.relu(self.conv1(x))
            x = F.relu(self.conv2(x))
            return F.log_softmax(self.fc(x.flatten(1)), dim=1)
    return CNN()


def _make(which, jit=False):
    def make(d, ctx):
        T, tensor = torch_like(which, ctx)
        if which == "facade":
            import functorch_lite.func as func
        else:
            func = peer("torch", ctx).func
        model = _model(T)
        params = {n: tensor(d["P"][n]) for n in NAMES}
        x, t = tensor(d["x"]), tensor(d["t"])

        def loss(params, sample, target):
            out = func.functional_call(model, params, (sample.unsqueeze(0),))
            return T.nn.functional.nll_loss(out, target.unsqueeze(0))
        g = func.vmap(func.grad(loss), in_dims=(None, 0, 0))
        if jit:
            g = fl_feature("jit")(g)
        return lambda: g(params, x, t)
    return make


WORKLOADS = [Workload(
    name="psgrad",
    title="per-sample gradients of a small CNN (torch.func tutorial), float32",
    description=("The per-sample gradients of a conv-conv-linear CNN over a batch of 64 "
                 "1x12x12 images (float32): func.vmap(func.grad(loss)) with "
                 "functional_call, as the per-sample-gradients tutorial writes it, "
                 "against torch.func and the backward by hand in NumPy."),
    setup=setup, dtype="float32",
    entries=[
        Entry("numpy (floor)", "numpy", floor, floor=True),
        Entry("fl func.vmap(grad)", "functorch_lite", _make("facade")),
        Entry("fl.jit(func.vmap(grad))", "functorch_lite", _make("facade", jit=True)),
        Entry("torch.func", "torch", _make("torch")),
    ])]
