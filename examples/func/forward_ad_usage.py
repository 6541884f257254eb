"""Forward-mode AD: dual tensors with forward_ad (plain functions and nn
modules), a custom autograd.Function with a jvp staticmethod, and
torch.func.jvp (the topics of PyTorch's forward-mode AD tutorial, written for
functorch_lite; synthetic data).

    python examples/func/forward_ad_usage.py [--torch]
"""
import sys
from typing import TYPE_CHECKING

import numpy as np

if "--torch" in sys.argv and not TYPE_CHECKING:   # mypy reads the other branch
    import torch
    import torch.autograd.forward_ad as fwAD
    import torch.nn as nn
    from torch.func import functional_call, jvp
else:
    import functorch_lite as torch
    import functorch_lite.autograd.forward_ad as fwAD
    import functorch_lite.nn as nn
    from functorch_lite.func import functional_call, jvp


def fn(x, y):
    return x ** 2 + y ** 2


class Fn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, foo):
        result = torch.exp(foo)
        ctx.result = result
        return result

    @staticmethod
    def jvp(ctx, gI):
        return gI * ctx.result


def main():
    rng = np.random.default_rng(0)
    primal = torch.tensor(rng.normal(size=(10, 10)), dtype=torch.float64)
    tangent = torch.tensor(rng.normal(size=(10, 10)), dtype=torch.float64)
    plain = torch.tensor(rng.normal(size=(10, 10)), dtype=torch.float64)

    with fwAD.dual_level():
        dual_input = fwAD.make_dual(primal, tangent)
        dual_output = fn(dual_input, plain)
        jvp_out = fwAD.unpack_dual(dual_output).tangent
        print(f"fn jvp sum {jvp_out.sum().item():.10g}")
        assert fwAD.unpack_dual(dual_output).tangent is not None

    model = nn.Linear(5, 5).double()
    with torch.no_grad():
        model.weight.copy_(torch.tensor(rng.normal(size=(5, 5)), dtype=torch.float64))
        model.bias.copy_(torch.tensor(rng.normal(size=(5,)), dtype=torch.float64))
    x = torch.tensor(rng.normal(size=(16, 5)), dtype=torch.float64)
    params = {name: p for name, p in model.named_parameters()}
    tangents = {name: torch.ones_like(p) for name, p in params.items()}
    with fwAD.dual_level():
        dual_params = {name: fwAD.make_dual(p, tangents[name]) for name, p in params.items()}
        out = functional_call(model, dual_params, x)
        jvp_params = fwAD.unpack_dual(out).tangent
        print(f"module jvp wrt params sum {jvp_params.sum().item():.10g}")

    x = torch.tensor(rng.normal(size=(10,)), dtype=torch.float64)
    t = torch.tensor(rng.normal(size=(10,)), dtype=torch.float64)
    with fwAD.dual_level():
        dual_out = Fn.apply(fwAD.make_dual(x, t))
        jvp_fn = fwAD.unpack_dual(dual_out).tangent
    assert torch.allclose(jvp_fn, torch.exp(x) * t)
    print(f"custom Function jvp sum {jvp_fn.sum().item():.10g}")

    out, jvp_func = jvp(lambda a, b: (a.sin() * b).sum(0), (primal, plain), (tangent, plain))
    print(f"func.jvp out {out.sum().item():.10g} tangent {jvp_func.sum().item():.10g}")


if __name__ == "__main__":
    main()
