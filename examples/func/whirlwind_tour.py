"""A whirlwind tour of the function transforms: grad, vjp, jvp, vmap,
jacrev/jacfwd/hessian and their compositions (the tour of PyTorch's torch.func
docs, written for functorch_lite; synthetic data).

    python examples/func/whirlwind_tour.py [--torch]
"""
import sys
from typing import TYPE_CHECKING

import numpy as np

if "--torch" in sys.argv and not TYPE_CHECKING:   # mypy reads the other branch
    import torch
    from torch.func import grad, hessian, jacfwd, jacrev, jvp, vjp, vmap
else:
    import functorch_lite as torch
    from functorch_lite.func import grad, hessian, jacfwd, jacrev, jvp, vjp, vmap


def main():
    rng = np.random.default_rng(0)
    x = torch.tensor(rng.normal(size=()), dtype=torch.float64)
    xs = torch.tensor(rng.normal(size=(5,)), dtype=torch.float64)

    # grad, and grad of grad
    cos_x = grad(lambda x: torch.sin(x))(x)
    neg_sin_x = grad(grad(lambda x: torch.sin(x)))(x)
    assert torch.allclose(cos_x, x.cos()) and torch.allclose(neg_sin_x, -x.sin())
    print(f"grad {cos_x.item():.10g} grad-grad {neg_sin_x.item():.10g}")

    # vjp and jvp
    (out, vjp_fn) = vjp(torch.sin, xs)
    (vjp_x,) = vjp_fn(torch.ones_like(xs))
    _, jvp_x = jvp(torch.sin, (xs,), (torch.ones_like(xs),))
    assert torch.allclose(vjp_x, xs.cos()) and torch.allclose(jvp_x, xs.cos())
    print(f"vjp {vjp_x.sum().item():.10g} jvp {jvp_x.sum().item():.10g}")

    # vmap: batched dot products and per-example gradients
    batch = torch.tensor(rng.normal(size=(4, 5)), dtype=torch.float64)
    dots = vmap(torch.dot)(batch, batch)
    w = torch.tensor(rng.normal(size=(5,)), dtype=torch.float64)
    targets = torch.tensor(rng.normal(size=(4,)), dtype=torch.float64)

    def loss(w, x, t):
        return ((x * w).sum() - t) ** 2
    per_example = vmap(grad(loss), in_dims=(None, 0, 0))(w, batch, targets)
    print(f"dots {dots.sum().item():.10g} per-example-grads {per_example.sum().item():.10g}")

    # Jacobians and Hessians
    jr = jacrev(torch.sin)(xs)
    jf = jacfwd(torch.sin)(xs)
    assert torch.allclose(jr, torch.eye(5, dtype=torch.float64) * xs.cos())
    assert torch.allclose(jr, jf)
    h = hessian(lambda v: v.sin().sum())(xs)
    print(f"jacobian trace {sum(jr[i, i].item() for i in range(5)):.10g} "
          f"hessian sum {h.sum().item():.10g}")
    batch_jac = vmap(jacrev(torch.sin))(batch)
    print(f"batched jacobian {tuple(batch_jac.shape)} sum {batch_jac.sum().item():.10g}")


if __name__ == "__main__":
    main()
