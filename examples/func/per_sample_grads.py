"""Per-sample gradients of a small CNN with vmap(grad(functional_call)),
checked against a loop of ordinary backward passes (the pattern of PyTorch's
per-sample-gradients tutorial, written for functorch_lite; synthetic data).

    python examples/func/per_sample_grads.py [--batch N] [--torch]

``--torch`` runs the very same program on PyTorch (only the imports differ):
tests/test_func_examples.py compares the two outputs.
"""
import sys
from typing import TYPE_CHECKING

import numpy as np

if "--torch" in sys.argv and not TYPE_CHECKING:   # mypy reads the other branch
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    from torch.func import functional_call, grad, vmap
else:
    import functorch_lite as torch
    import functorch_lite.nn as nn
    import functorch_lite.nn.functional as F
    from functorch_lite.func import functional_call, grad, vmap


class SmallCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, 3, 1)
        self.conv2 = nn.Conv2d(8, 16, 3, 1)
        self.fc1 = nn.Linear(16 * 5 * 5, 32)
        self.fc2 = nn.Linear(32, 10)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        x = F.max_pool2d(x, 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        return F.log_softmax(self.fc2(x), dim=1)


def init_from_numpy(model, seed):
    """Same weights on either library: drawn by NumPy, in named_parameters order."""
    rng = np.random.default_rng(seed)
    with torch.no_grad():
        for _, p in model.named_parameters():
            fan_in = int(np.prod(p.shape[1:])) if p.ndim > 1 else 10
            p.copy_(torch.tensor(rng.normal(size=tuple(p.shape)) / np.sqrt(fan_in),
                                 dtype=torch.float32))
    return model


def loss_fn(predictions, targets):
    return F.nll_loss(predictions, targets)


def main(batch):
    rng = np.random.default_rng(0)
    data = torch.tensor(rng.normal(size=(batch, 1, 14, 14)), dtype=torch.float32)
    targets = torch.tensor(rng.integers(0, 10, size=batch))
    model = init_from_numpy(SmallCNN(), 1)

    # the slow way: one backward per sample
    def compute_grad(sample, target):
        loss = loss_fn(model(sample.unsqueeze(0)), target.unsqueeze(0))
        return torch.autograd.grad(loss, list(model.parameters()))
    loop = [torch.stack(g) for g in zip(*[compute_grad(data[i], targets[i])
                                          for i in range(batch)])]

    # the transform way: grad of a per-sample loss, vmapped over the batch
    params = {k: v.detach() for k, v in model.named_parameters()}
    buffers = {k: v.detach() for k, v in model.named_buffers()}

    def compute_loss(params, buffers, sample, target):
        predictions = functional_call(model, (params, buffers), (sample.unsqueeze(0),))
        return loss_fn(predictions, target.unsqueeze(0))
    per_sample = vmap(grad(compute_loss), in_dims=(None, None, 0, 0))(
        params, buffers, data, targets)

    for (name, g), lg in zip(per_sample.items(), loop):
        assert torch.allclose(g, lg, atol=1e-5, rtol=1e-4), name
        print(f"{name} {tuple(g.shape)} abs-sum {g.abs().sum().item():.8g} "
              f"sample0-abs-sum {g[0].abs().sum().item():.8g}")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(int(args[args.index("--batch") + 1]) if "--batch" in args else 64)
