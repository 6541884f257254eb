"""Empirical neural tangent kernels of a small CNN, two ways: contracting
per-sample Jacobians (vmap(jacrev)) and NTK-vector products (vjp + jvp under
vmap) (the methods of PyTorch's NTK tutorial, written for functorch_lite;
synthetic data).

    python examples/func/neural_tangent_kernels.py [--n1 N] [--n2 M] [--torch]
"""
import sys
from typing import TYPE_CHECKING

import numpy as np

if "--torch" in sys.argv and not TYPE_CHECKING:   # mypy reads the other branch
    import torch
    import torch.nn as nn
    from torch.func import functional_call, jacrev, jvp, vjp, vmap
else:
    import functorch_lite as torch
    import functorch_lite.nn as nn
    from functorch_lite.func import functional_call, jacrev, jvp, vjp, vmap


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, (3, 3))
        self.conv2 = nn.Conv2d(8, 8, (3, 3))
        self.fc = nn.Linear(8 * 4 * 4, 4)

    def forward(self, x):
        x = self.conv1(x).relu()
        x = self.conv2(x).relu()
        return self.fc(x.flatten(1))


def init_from_numpy(model, rng):
    with torch.no_grad():
        for _, p in model.named_parameters():
            fan_in = int(np.prod(p.shape[1:])) if p.ndim > 1 else 8
            p.copy_(torch.tensor(rng.normal(size=tuple(p.shape)) / np.sqrt(fan_in),
                                 dtype=torch.float32))
    return model


def ntk_jacobian_contraction(fnet_single, params, x1, x2, compute="full"):
    jac1 = [j.flatten(2) for j in vmap(jacrev(fnet_single), (None, 0))(params, x1).values()]
    jac2 = [j.flatten(2) for j in vmap(jacrev(fnet_single), (None, 0))(params, x2).values()]
    # sum over parameters of J1 J2^T: [N, a, f] x [M, b, f] -> [N, M, a, b]
    result = 0
    for j1, j2 in zip(jac1, jac2):
        n, a, f = j1.shape
        m, b, _ = j2.shape
        prod = j1.reshape(n * a, f) @ j2.reshape(m * b, f).T
        result = result + prod.reshape(n, a, m, b).permute(0, 2, 1, 3)
    if compute == "trace":
        return (result * torch.eye(result.shape[-1])).sum((2, 3))
    return result


def ntk_vector_products(func, params, x1, x2):
    def get_ntk(x1, x2):
        def func_x1(params):
            return func(params, x1)

        def func_x2(params):
            return func(params, x2)

        output, vjp_fn = vjp(func_x1, params)

        def get_ntk_slice(vec):
            vjps = vjp_fn(vec)                       # vec @ J(x1)
            _, jvps = jvp(func_x2, (params,), vjps)  # J(x2) @ that
            return jvps

        basis = torch.eye(output.numel(), dtype=output.dtype).view(output.numel(), -1)
        return vmap(get_ntk_slice)(basis)

    return vmap(vmap(get_ntk, (None, 0)), (0, None))(x1, x2)


def main(n1, n2):
    rng = np.random.default_rng(0)
    net = init_from_numpy(CNN(), rng)
    x_train = torch.tensor(rng.normal(size=(n1, 3, 8, 8)), dtype=torch.float32)
    x_test = torch.tensor(rng.normal(size=(n2, 3, 8, 8)), dtype=torch.float32)
    params = {k: v.detach() for k, v in net.named_parameters()}

    def fnet_single(params, x):
        return functional_call(net, params, (x.unsqueeze(0),)).squeeze(0)

    full = ntk_jacobian_contraction(fnet_single, params, x_train, x_test)
    trace = ntk_jacobian_contraction(fnet_single, params, x_train, x_test, "trace")
    vps = ntk_vector_products(fnet_single, params, x_test, x_train)
    assert torch.allclose(vps, full.permute(1, 0, 3, 2), atol=1e-4, rtol=1e-4)
    print("ntk shape", tuple(full.shape), "trace shape", tuple(trace.shape))
    print(f"ntk sum {full.sum().item():.8g} abs {full.abs().sum().item():.8g}")
    print(f"trace {[round(v, 4) for v in trace[0].tolist()]}")
    print(f"vps sum {vps.sum().item():.8g}")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(int(args[args.index("--n1") + 1]) if "--n1" in args else 6,
         int(args[args.index("--n2") + 1]) if "--n2" in args else 3)
