"""The seeds' two-layer network, trained with fl.grad, checked against the
tutorial's hand-written NumPy backprop from the same initial values.

    python examples/two_layer_net_grad.py [steps]
"""
import sys

import numpy as np

import functorch_lite as fl
import functorch_lite.numpy as fnp

N, D_in, H, D_out = 64, 1000, 100, 10
LR = 1e-6


def init(seed=0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((N, D_in)).astype(dtype)
    y = rng.standard_normal((N, D_out)).astype(dtype)
    w1 = rng.standard_normal((D_in, H)).astype(dtype)
    w2 = rng.standard_normal((H, D_out)).astype(dtype)
    return x, y, w1, w2


def loss_fn(w1, w2, x, y):
    h_relu = fnp.maximum(fnp.dot(x, w1), 0)
    y_pred = fnp.dot(h_relu, w2)
    return fnp.square(y_pred - y).sum()


grad_fn = fl.value_and_grad(loss_fn, argnums=(0, 1))


def train_fl(x, y, w1, w2, steps, log=None):
    for t in range(steps):
        loss, (g1, g2) = grad_fn(w1, w2, x, y)
        if log is not None and t % 100 == 99:
            log(t, float(loss))
        w1 = w1 - LR * g1
        w2 = w2 - LR * g2
    return w1, w2


def train_numpy(x, y, w1, w2, steps):
    """The tutorial's code, verbatim in spirit (copies so inputs are untouched)."""
    w1, w2 = w1.copy(), w2.copy()
    for t in range(steps):
        h = x.dot(w1)
        h_relu = np.maximum(h, 0)
        y_pred = h_relu.dot(w2)
        grad_y_pred = 2.0 * (y_pred - y)
        grad_w2 = h_relu.T.dot(grad_y_pred)
        grad_h_relu = grad_y_pred.dot(w2.T)
        grad_h = grad_h_relu.copy()
        grad_h[h < 0] = 0
        grad_w1 = x.T.dot(grad_h)
        w1 -= LR * grad_w1
        w2 -= LR * grad_w2
    return w1, w2


def main(steps=500):
    x, y, w1, w2 = init()
    a1, a2 = train_fl(x, y, w1, w2, steps, log=lambda t, l: print(t, l))
    b1, b2 = train_numpy(x, y, w1, w2, steps)
    rel = max(np.max(np.abs(a1 - b1)) / np.max(np.abs(b1)),
              np.max(np.abs(a2 - b2)) / np.max(np.abs(b2)))
    print(f"max relative difference to hand-written NumPy after {steps} steps: {rel:.3g}")
    return rel


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
