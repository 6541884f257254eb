"""Memory of reverse mode with and without checkpointing (JAX's gradient-
checkpointing page): residual bytes the tape keeps (ad_checkpoint.residual_bytes)
and the Python-heap peak of one eager grad (tracemalloc), for a deep tanh MLP.

    python3 benchmarks/checkpoint_memory.py [--depth 16 --width 512 --batch 64]
"""
import argparse
import tracemalloc

import numpy as np

import functorch_lite as fl
import functorch_lite.numpy as jnp
from functorch_lite import ad_checkpoint as adc


def layer(W, x):
    return jnp.tanh(jnp.sin(x @ W) * 1.5)


def make(kind, depth):
    CP = fl.checkpoint_policies
    f = {"none": layer, "per-layer": fl.checkpoint(layer),
         "per-layer dots_saveable": fl.checkpoint(layer, policy=CP.dots_saveable)}[kind]

    def loss(Ws, x):
        for W in Ws:
            x = f(W, x)
        return jnp.sum(x)
    return loss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--depth", type=int, default=16)
    ap.add_argument("--width", type=int, default=256)
    ap.add_argument("--batch", type=int, default=1024)
    a = ap.parse_args()
    rng = np.random.default_rng(0)
    Ws = [rng.normal(size=(a.width, a.width)) / np.sqrt(a.width) for _ in range(a.depth)]
    x = rng.normal(size=(a.batch, a.width))
    act = a.batch * a.width * 8
    print(f"depth {a.depth}, width {a.width}, batch {a.batch}; one activation = "
          f"{act / 2**20:.2f} MiB; weights = {a.depth * a.width ** 2 * 8 / 2**20:.1f} MiB")
    ref = None
    for kind in ("none", "per-layer", "per-layer dots_saveable"):
        loss = make(kind, a.depth)
        rb = sum(int(np.prod(av.shape)) * av.dtype.itemsize
                 for av, d in adc.saved_residuals(loss, Ws, x)
                 if not d.startswith("from the argument"))
        g = fl.grad(loss)
        g(Ws, x)
        tracemalloc.start()
        out = g(Ws, x)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        if ref is None:
            ref = out
        assert all(np.allclose(u, v) for u, v in zip(out, ref))
        print(f"{kind:>26}: saved activations {rb / 2**20:7.2f} MiB, eager grad peak "
              f"{peak / 2**20:7.2f} MiB (above the inputs)")


if __name__ == "__main__":
    main()
