"""optim: each optimiser against its update rule written in NumPy (and
PyTorch's own optimiser where installed), param_groups, state_dict, StepLR."""
import numpy as np
import pytest

import functorch_lite as torch
import functorch_lite.optim as optim

W0 = np.array([[0.5, -1.0], [2.0, 0.3]])


def _loss(mod, w):
    return ((w * w * w).sum() + (w * mod.tensor([[1.0, 2.0], [3.0, 4.0]],
                                                 dtype=mod.float64)).sum())


def _run(mod, make_opt, steps=5):
    w = mod.tensor(W0.copy(), dtype=mod.float64, requires_grad=True)
    opt = make_opt(mod, [w])
    for _ in range(steps):
        opt.zero_grad()
        _loss(mod, w).backward()
        opt.step()
    return w.detach().numpy()


CONFIGS = {
    "sgd": lambda m, p: m.optim.SGD(p, lr=0.01),
    "sgd_momentum_wd": lambda m, p: m.optim.SGD(p, lr=0.01, momentum=0.9, weight_decay=0.1),
    "sgd_nesterov": lambda m, p: m.optim.SGD(p, lr=0.01, momentum=0.9, nesterov=True),
    "adam": lambda m, p: m.optim.Adam(p, lr=0.05),
    "adam_wd_amsgrad": lambda m, p: m.optim.Adam(p, lr=0.05, weight_decay=0.1, amsgrad=True),
    "adamw": lambda m, p: m.optim.AdamW(p, lr=0.05, weight_decay=0.1),
    "rmsprop": lambda m, p: m.optim.RMSprop(p, lr=0.01),
    "rmsprop_centered_momentum": lambda m, p: m.optim.RMSprop(p, lr=0.01, momentum=0.5,
                                                             centered=True),
    "adagrad": lambda m, p: m.optim.Adagrad(p, lr=0.1, lr_decay=0.01),
}


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_optimizers_match_torch(name):
    real = pytest.importorskip("torch")
    ours = _run(torch, CONFIGS[name])
    ref = _run(real, CONFIGS[name])
    assert np.allclose(ours, ref, rtol=1e-12, atol=1e-12)


def test_sgd_momentum_matches_numpy():
    ours = _run(torch, CONFIGS["sgd_momentum_wd"], steps=3)
    w, buf = W0.copy(), None
    c = np.array([[1.0, 2.0], [3.0, 4.0]])
    for _ in range(3):
        g = 3 * w * w + c + 0.1 * w
        buf = g if buf is None else 0.9 * buf + g
        w = w - 0.01 * buf
    assert np.allclose(ours, w)


def test_adam_matches_numpy():
    ours = _run(torch, CONFIGS["adam"], steps=4)
    w, m, v = W0.copy(), 0.0, 0.0
    c = np.array([[1.0, 2.0], [3.0, 4.0]])
    for t in range(1, 5):
        g = 3 * w * w + c
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w = w - 0.05 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    assert np.allclose(ours, w)


def test_param_groups_state_dict_and_errors():
    a = torch.ones(2, requires_grad=True)
    b = torch.ones(2, requires_grad=True)
    opt = optim.SGD([{"params": [a]}, {"params": [b], "lr": 0.5}], lr=0.1, momentum=0.9)
    assert [g["lr"] for g in opt.param_groups] == [0.1, 0.5]
    (a.sum() + b.sum()).backward()
    opt.step()
    assert np.allclose(a.tolist(), [0.9, 0.9]) and np.allclose(b.tolist(), [0.5, 0.5])
    sd = opt.state_dict()
    assert sd["param_groups"][1]["lr"] == 0.5 and 0 in sd["state"]
    opt2 = optim.SGD([{"params": [a]}, {"params": [b]}], lr=1.0, momentum=0.9)
    opt2.load_state_dict(sd)
    assert opt2.param_groups[1]["lr"] == 0.5
    opt.zero_grad()
    assert a.grad is None
    with pytest.raises(ValueError, match="empty parameter list"):
        optim.SGD([], lr=0.1)
    with pytest.raises(ValueError, match="Invalid learning rate"):
        optim.SGD([a], lr=-1)


def test_step_lr():
    p = torch.ones(1, requires_grad=True)
    opt = optim.SGD([p], lr=1.0)
    sched = optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
    lrs = []
    for _ in range(6):
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    assert lrs == [1.0, 1.0, 0.5, 0.5, 0.25, 0.25]
    assert sched.get_last_lr() == [0.125]


def test_float32_stays_float32():
    w = torch.ones(3, requires_grad=True)
    opt = optim.Adam([w], lr=0.1)
    (w * w).sum().backward()
    opt.step()
    assert w.dtype is torch.float32 and w.grad.dtype is torch.float32
