"""PyTorch's "Quickstart" / "Optimizing model parameters" tutorials with only
the import changed (synthetic FashionMNIST-shaped data instead of a
download): Dataset/DataLoader with shuffling, random_split, an MLP and a
small CNN (BatchNorm, pooling, dropout), SGD + StepLR and AdamW + OneCycleLR,
a checkpoint through save/load.  Random numbers are PyTorch's, so after
``manual_seed`` the printed values are PyTorch's (``--torch`` runs PyTorch
itself for comparison).

    python examples/data_quickstart.py [epochs] [--torch]
"""
import os
import sys
from typing import TYPE_CHECKING
import tempfile

if "--torch" in sys.argv and not TYPE_CHECKING:   # mypy reads the other branch
    import torch
    from torch import nn
    from torch.utils.data import DataLoader, TensorDataset, random_split
else:
    import functorch_lite as torch
    from functorch_lite import nn
    from functorch_lite.utils.data import DataLoader, TensorDataset, random_split

args = [a for a in sys.argv[1:] if not a.startswith("--")]
EPOCHS = int(args[0]) if args else 3
torch.manual_seed(0)

# ---- data: 10 classes of 8x8 images, each class a noisy template
templates = torch.rand(10, 1, 8, 8)
labels = torch.randint(0, 10, (320,))
images = templates[labels] + 0.3 * torch.randn(320, 1, 8, 8)
full = TensorDataset(images, labels)
train_data, test_data = random_split(full, [256, 64])
train_dataloader = DataLoader(train_data, batch_size=32, shuffle=True)
test_dataloader = DataLoader(test_data, batch_size=32)
for X, y in test_dataloader:
    print(f"Shape of X [N, C, H, W]: {X.shape}")
    print(f"Shape of y: {y.shape} {y.dtype}")
    break


class NeuralNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(64, 32), nn.ReLU(), nn.Dropout(0.1), nn.Linear(32, 10))

    def forward(self, x):
        return self.linear_relu_stack(self.flatten(x))


class SmallCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2),
            nn.AdaptiveAvgPool2d((2, 2)))
        self.classifier = nn.Linear(16, 10)

    def forward(self, x):
        return self.classifier(self.features(x).flatten(1))


def train(dataloader, model, loss_fn, optimizer, scheduler=None):
    model.train()
    for batch, (X, y) in enumerate(dataloader):
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        if scheduler is not None:
            scheduler.step()
        if batch % 4 == 0:
            print(f"loss: {loss.item():>7f}  [{(batch + 1) * len(X):>3d}/{len(dataloader.dataset):>3d}]")


def test(dataloader, model, loss_fn):
    model.eval()
    test_loss, correct = 0, 0
    with torch.no_grad():
        for X, y in dataloader:
            pred = model(X)
            test_loss += loss_fn(pred, y).item()
            correct += (pred.argmax(1) == y).type(torch.float).sum().item()
    test_loss /= len(dataloader)
    correct /= len(dataloader.dataset)
    print(f"Test Error: \n Accuracy: {(100 * correct):>0.1f}%, Avg loss: {test_loss:>8f} \n")


model = NeuralNetwork()
print(model)
print(model.linear_relu_stack[0].weight[0, :4])
loss_fn = nn.CrossEntropyLoss(label_smoothing=0.05)
optimizer = torch.optim.SGD(model.parameters(), lr=0.2, momentum=0.9)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=8, gamma=0.5)
for t in range(EPOCHS):
    print(f"Epoch {t + 1}\n-------------------------------")
    train(train_dataloader, model, loss_fn, optimizer, scheduler)
    test(test_dataloader, model, loss_fn)
print("lr now", scheduler.get_last_lr())

cnn = SmallCNN()
print(cnn)
opt2 = torch.optim.AdamW(cnn.parameters(), lr=0.01)
sched2 = torch.optim.lr_scheduler.OneCycleLR(opt2, max_lr=0.05, epochs=EPOCHS,
                                             steps_per_epoch=len(train_dataloader))
for t in range(EPOCHS):
    print(f"CNN epoch {t + 1}")
    train(train_dataloader, cnn, nn.CrossEntropyLoss(), opt2, sched2)
    test(test_dataloader, cnn, nn.CrossEntropyLoss())
print("running mean", cnn.features[1].running_mean)

path = os.path.join(tempfile.mkdtemp(), "checkpoint.pt")
torch.save({"model": cnn.state_dict(), "optimizer": opt2.state_dict(), "epoch": EPOCHS}, path)
ck = torch.load(path)
again = SmallCNN()
again.load_state_dict(ck["model"])
again.eval()
cnn.eval()
X, _ = next(iter(test_dataloader))
print("reloaded epoch", ck["epoch"], "same predictions:",
      bool((again(X).argmax(1) == cnn(X).argmax(1)).all()))
