"""A small classifier trained with nn + optim: Sequential, CrossEntropyLoss,
Adam, StepLR, state_dict round trip through save/load (.npz)."""
import os
import sys
import tempfile

import numpy as np

import functorch_lite as torch
import functorch_lite.nn as nn
import functorch_lite.optim as optim

STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 200
torch.manual_seed(0)
rng = np.random.default_rng(0)
# three Gaussian blobs in 2-D
centers = np.array([[0.0, 3.0], [3.0, -2.0], [-3.0, -2.0]])
labels = rng.integers(0, 3, 300)
points = centers[labels] + rng.standard_normal((300, 2))
x = torch.tensor(points, dtype=torch.float32)
y = torch.tensor(labels)

model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 3))
loss_fn = nn.CrossEntropyLoss()
opt = optim.Adam(model.parameters(), lr=0.05)
sched = optim.lr_scheduler.StepLR(opt, step_size=100, gamma=0.5)
for step in range(STEPS):
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
    sched.step()
    if step % 50 == 0:
        print(step, round(loss.item(), 4))

with torch.no_grad():
    acc = (model(x).argmax(dim=1) == y).float().mean().item()
print("accuracy", acc)
print([name for name, _ in model.named_parameters()])

path = os.path.join(tempfile.mkdtemp(), "model.npz")
torch.save(model.state_dict(), path)
clone = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 3))
clone.load_state_dict(torch.load(path))
with torch.no_grad():
    same = torch.equal(clone(x), model(x))
print("reloaded model agrees:", same)
