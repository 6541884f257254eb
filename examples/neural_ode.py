"""A neural ODE fit (as torchdiffeq's ode_demo and autograd's ode_net): learn
dy/dt = MLP(y) so that odeint from y0 follows a spiral, trained with
optimizers.adam through odeint's adjoint gradients.

    python examples/neural_ode.py [steps]
"""
import sys

import numpy as np

import functorch_lite as fl
import functorch_lite.numpy as jnp
from functorch_lite import optimizers
from functorch_lite.ode import odeint

STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 300
rng = np.random.default_rng(0)
A_TRUE = np.array([[-0.1, 2.0], [-2.0, -0.1]])
t = np.linspace(0.0, 1.5, 16)
y0 = np.array([2.0, 0.0])
true_ys = odeint(lambda y, t: jnp.dot(y ** 3, A_TRUE), y0, t)   # the target spiral


def init(sizes):
    return [(rng.normal(size=(m, n)) / np.sqrt(m), np.zeros(n))
            for m, n in zip(sizes[:-1], sizes[1:])]


def dynamics(y, t, params):
    h = y ** 3
    for i, (w, b) in enumerate(params):
        h = jnp.dot(h, w) + b
        if i < len(params) - 1:
            h = jnp.tanh(h)
    return h


def loss(params):
    ys = odeint(dynamics, y0, t, params, rtol=1e-5, atol=1e-5)
    return jnp.mean(jnp.abs(ys - true_ys))


opt = optimizers.adam(1e-2)
params = init([2, 32, 2])
state = opt.init(params)


@fl.jit
def step(params, state):
    value, grads = fl.value_and_grad(loss)(params)
    updates, state = opt.update(grads, state, params)
    return optimizers.apply_updates(params, updates), state, value


first = None
for i in range(STEPS):
    params, state, value = step(params, state)
    first = float(value) if first is None else first
    if (i + 1) % 50 == 0 or i == STEPS - 1:
        print(f"step {i + 1} loss {float(value):.5f}")
print(f"first loss {first:.5f} final loss {float(loss(params)):.5f}")
