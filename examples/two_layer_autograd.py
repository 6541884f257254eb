"""Two-layer network with autograd (seed tutorial, part 3): loss.backward(),
the update under torch.no_grad(), and grad.zero_()."""
import sys

import functorch_lite as torch

STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 500
dtype = torch.float
device = torch.device("cpu")

N, D_in, H, D_out = 64, 1000, 100, 10
x = torch.randn(N, D_in, device=device, dtype=dtype)
y = torch.randn(N, D_out, device=device, dtype=dtype)
w1 = torch.randn(D_in, H, device=device, dtype=dtype, requires_grad=True)
w2 = torch.randn(H, D_out, device=device, dtype=dtype, requires_grad=True)

learning_rate = 1e-6
for t in range(STEPS):
    y_pred = x.mm(w1).clamp(min=0).mm(w2)
    loss = (y_pred - y).pow(2).sum()
    if t % 100 == 99:
        print(t, loss.item())
    loss.backward()
    with torch.no_grad():
        g1, g2 = w1.grad, w2.grad
        assert g1 is not None and g2 is not None   # backward() set them (for the type checker)
        w1 -= learning_rate * g1
        w2 -= learning_rate * g2
        g1.zero_()
        g2.zero_()
print("final loss", (x.mm(w1).clamp(min=0).mm(w2) - y).pow(2).sum().item())
