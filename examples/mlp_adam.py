"""An MLP classifier trained with optimizers.adam (optax style: init/update
over a pytree of parameters, one jitted step), with a learning-rate schedule
and gradient clipping chained in front.

    python examples/mlp_adam.py [steps]
"""
import sys

import numpy as np

import functorch_lite as fl
import functorch_lite.numpy as jnp
from functorch_lite import optimizers

STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 300
rng = np.random.default_rng(0)
# two interleaved half moons
n = 200
a = rng.uniform(0, np.pi, n)
X = np.concatenate([np.stack([np.cos(a), np.sin(a)], 1),
                    np.stack([1 - np.cos(a), 0.5 - np.sin(a)], 1)]) + 0.1 * rng.normal(size=(2 * n, 2))
Y = np.concatenate([np.zeros(n), np.ones(n)])


def init(sizes):
    return {f"layer{i}": {"w": rng.normal(size=(m, k)) * np.sqrt(2 / m), "b": np.zeros(k)}
            for i, (m, k) in enumerate(zip(sizes[:-1], sizes[1:]))}


def logits(params, x):
    h = x
    for i in range(len(params)):
        p = params[f"layer{i}"]
        h = h @ p["w"] + p["b"]
        if i < len(params) - 1:
            h = jnp.maximum(h, 0.0)
    return h[:, 0]


def loss(params, x, y):
    z = logits(params, x)
    return jnp.mean(jnp.maximum(z, 0.0) - y * z + jnp.log1p(jnp.exp(-jnp.abs(z))))


params = init([2, 32, 32, 1])
opt = optimizers.chain(optimizers.clip_by_global_norm(5.0),
                       optimizers.adam(optimizers.cosine_decay_schedule(0.02, STEPS)))
state = opt.init(params)


@fl.jit
def step(params, state, x, y):
    value, grads = fl.value_and_grad(loss)(params, x, y)
    updates, state = opt.update(grads, state, params)
    return optimizers.apply_updates(params, updates), state, value


for i in range(STEPS):
    params, state, value = step(params, state, X, Y)
    if (i + 1) % 100 == 0 or i == STEPS - 1:
        print(f"step {i + 1} loss {float(value):.4f}")
acc = float(jnp.mean((logits(params, X) > 0) == (Y > 0.5)))
print(f"accuracy {acc:.3f}")
