"""Model ensembling with stack_module_state + vmap: several MLPs run as one
batched model, on different minibatches or on the same one (the pattern of
PyTorch's ensembling tutorial, written for functorch_lite; synthetic data).

    python examples/func/ensembling.py [--models N] [--torch]
"""
import copy
import sys
from typing import TYPE_CHECKING

import numpy as np

if "--torch" in sys.argv and not TYPE_CHECKING:   # mypy reads the other branch
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    from torch.func import functional_call, stack_module_state, vmap
else:
    import functorch_lite as torch
    import functorch_lite.nn as nn
    import functorch_lite.nn.functional as F
    from functorch_lite.func import functional_call, stack_module_state, vmap


class SimpleMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(64, 32)
        self.fc2 = nn.Linear(32, 32)
        self.fc3 = nn.Linear(32, 10)

    def forward(self, x):
        x = x.flatten(1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


def init_from_numpy(model, rng):
    with torch.no_grad():
        for _, p in model.named_parameters():
            p.copy_(torch.tensor(rng.normal(size=tuple(p.shape)) * 0.2, dtype=torch.float32))
    return model


def main(num_models):
    rng = np.random.default_rng(0)
    data = torch.tensor(rng.normal(size=(num_models, 16, 1, 8, 8)), dtype=torch.float32)
    models = [init_from_numpy(SimpleMLP(), rng) for _ in range(num_models)]

    # each model on its own minibatch, and every model on the same minibatch
    loop_diff = torch.stack([m(x) for m, x in zip(models, data)])
    loop_same = torch.stack([m(data[0]) for m in models])

    params, buffers = stack_module_state(models)
    base_model = copy.deepcopy(models[0])      # the structure; its tensors are swapped out

    def fmodel(params, buffers, x):
        return functional_call(base_model, (params, buffers), (x,))

    diff = vmap(fmodel)(params, buffers, data)
    same = vmap(fmodel, in_dims=(0, 0, None))(params, buffers, data[0])
    assert torch.allclose(diff, loop_diff, atol=1e-5)
    assert torch.allclose(same, loop_same, atol=1e-5)
    print("stacked", [tuple(p.shape) for p in params.values()][:2])
    print(f"different-minibatches sum {diff.sum().item():.8g} abs {diff.abs().sum().item():.8g}")
    print(f"same-minibatch sum {same.sum().item():.8g} abs {same.abs().sum().item():.8g}")
    print(f"model0 first row {[round(v, 6) for v in same[0, 0, :4].tolist()]}")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(int(args[args.index("--models") + 1]) if "--models" in args else 10)
