"""Jacobians and Hessians: jacrev, jacfwd, hessian, batched Jacobians with vmap,
and torch.autograd.functional's high-level API on the same functions (the
topics of PyTorch's jacobians-hessians tutorial and the "High-Level API" part
of its autograd tutorial, written for functorch_lite; synthetic data).

    python examples/func/jacobians_hessians.py [--d D] [--torch]
"""
import sys
from typing import TYPE_CHECKING

import numpy as np

if "--torch" in sys.argv and not TYPE_CHECKING:   # mypy reads the other branch
    import torch
    import torch.nn.functional as F
    from torch.autograd.functional import hessian as af_hessian
    from torch.autograd.functional import hvp, jacobian, jvp as af_jvp, vjp as af_vjp
    from torch.func import hessian, jacfwd, jacrev, vmap
else:
    import functorch_lite as torch
    import functorch_lite.nn.functional as F
    from functorch_lite.autograd.functional import hessian as af_hessian
    from functorch_lite.autograd.functional import hvp, jacobian, jvp as af_jvp, vjp as af_vjp
    from functorch_lite.func import hessian, jacfwd, jacrev, vmap


def predict(weight, bias, x):
    return F.linear(x, weight, bias).tanh()


def main(d):
    rng = np.random.default_rng(0)
    weight = torch.tensor(rng.normal(size=(d, d)), dtype=torch.float64)
    bias = torch.tensor(rng.normal(size=(d,)), dtype=torch.float64)
    x = torch.tensor(rng.normal(size=(d,)), dtype=torch.float64)
    batch = torch.tensor(rng.normal(size=(5, d)), dtype=torch.float64)

    jr = jacrev(predict, argnums=2)(weight, bias, x)
    jf = jacfwd(predict, argnums=2)(weight, bias, x)
    assert torch.allclose(jr, jf)
    jw, jb = jacrev(predict, argnums=(0, 1))(weight, bias, x)
    print("jacobian wrt x", tuple(jr.shape), f"sum {jr.sum().item():.10g}")
    print("jacobian wrt weight", tuple(jw.shape), f"sum {jw.sum().item():.10g}",
          f"bias sum {jb.sum().item():.10g}")

    batched = vmap(jacrev(predict, argnums=2), in_dims=(None, None, 0))(weight, bias, batch)
    print("batched jacobian", tuple(batched.shape), f"sum {batched.sum().item():.10g}")

    def scalar(x):
        return predict(weight, bias, x).pow(2).sum()
    h1 = hessian(scalar)(x)
    h2 = jacfwd(jacrev(scalar))(x)
    h3 = jacrev(jacrev(scalar))(x)
    assert torch.allclose(h1, h2) and torch.allclose(h1, h3)
    print("hessian", tuple(h1.shape), f"sum {h1.sum().item():.10g}",
          f"trace {sum(h1[i, i].item() for i in range(d)):.10g}")

    # torch.autograd.functional on the same functions
    def f(x):
        return predict(weight, bias, x)
    j_af = jacobian(f, x)
    h_af = af_hessian(scalar, x)
    assert torch.allclose(j_af, jr) and torch.allclose(h_af, h1)
    v = torch.ones(d, dtype=torch.float64)
    _, vjp_v = af_vjp(f, x, v)
    _, jvp_v = af_jvp(f, x, v)
    _, hvp_v = hvp(scalar, x, v)
    print(f"vjp {vjp_v.sum().item():.10g} jvp {jvp_v.sum().item():.10g} "
          f"hvp {hvp_v.sum().item():.10g}")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(int(args[args.index("--d") + 1]) if "--d" in args else 16)
