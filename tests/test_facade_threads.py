"""Grad mode is per thread, as in PyTorch: facade training in some threads while
others toggle ``no_grad`` gives exactly the serial results, and every thread
(and the main one) ends with grad mode on."""
import threading
import time

import numpy as np

import functorch_lite as torch
from functorch_lite import optim

ROUNDS = 50
TRAINERS = 4
TOGGLERS = 2


def _train(seed, steps=3):
    """A small two-layer net trained with SGD; returns its final weights."""
    rng = np.random.default_rng(seed)
    x = torch.tensor(rng.standard_normal((16, 4)))
    y = torch.tensor(rng.standard_normal((16, 1)))
    w1 = torch.tensor(rng.standard_normal((4, 8)) * 0.5, requires_grad=True)
    w2 = torch.tensor(rng.standard_normal((8, 1)) * 0.5, requires_grad=True)
    opt = optim.SGD([w1, w2], lr=0.1)
    for _ in range(steps):
        opt.zero_grad()
        loss = ((torch.tanh(x @ w1) @ w2 - y) ** 2).mean()
        assert loss.requires_grad, "grad mode switched off by another thread"
        loss.backward()
        opt.step()
    return np.concatenate([w1.detach().numpy().ravel(), w2.detach().numpy().ravel()])


def _toggle(stop, errors):
    try:
        while not stop.is_set():
            # sleep(0) yields the GIL with grad mode off here: the trainers run then
            with torch.no_grad():
                time.sleep(0)
                assert not torch.is_grad_enabled()
            torch.set_grad_enabled(False)
            time.sleep(0)
            assert not torch.is_grad_enabled()
            torch.set_grad_enabled(True)
            with torch.enable_grad():
                assert torch.is_grad_enabled()
    except BaseException as e:  # noqa: BLE001 - reported by the main thread
        errors.append(e)


def test_training_beside_no_grad_threads_equals_serial():
    expected = [_train(s) for s in range(TRAINERS)]
    for _ in range(ROUNDS):
        results, errors, modes = [None] * TRAINERS, [], [None] * TRAINERS
        stop = threading.Event()
        start = threading.Barrier(TRAINERS)

        def trainer(i):
            try:
                start.wait()
                results[i] = _train(i)
                modes[i] = torch.is_grad_enabled()
            except BaseException as e:  # noqa: BLE001
                errors.append(e)

        togglers = [threading.Thread(target=_toggle, args=(stop, errors))
                    for _ in range(TOGGLERS)]
        trainers = [threading.Thread(target=trainer, args=(i,)) for i in range(TRAINERS)]
        for t in togglers + trainers:
            t.start()
        for t in trainers:
            t.join()
        stop.set()
        for t in togglers:
            t.join()
        assert not errors, errors[0]
        for got, want in zip(results, expected):
            np.testing.assert_array_equal(got, want)
        assert modes == [True] * TRAINERS
        assert torch.is_grad_enabled()


def test_grad_mode_does_not_leak_between_threads():
    seen = {}

    def off():
        torch.set_grad_enabled(False)
        seen["off"] = torch.is_grad_enabled()

    def fresh():
        seen["fresh"] = torch.is_grad_enabled()

    for f in (off, fresh):
        t = threading.Thread(target=f)
        t.start()
        t.join()
    assert seen == {"off": False, "fresh": True}
    assert torch.is_grad_enabled()
    with torch.no_grad():
        t = threading.Thread(target=fresh)
        t.start()
        t.join()
        assert not torch.is_grad_enabled()
    assert seen["fresh"] is True
