"""The benchmark's workloads, in the order they run and are shown."""
from . import chain, deepchain, hessian, mlp, perex, tanhnet, twolayer
from . import odegrad
from . import dataparallel
from . import sumchain
from . import psgrad

WORKLOADS = [*twolayer.WORKLOADS, *chain.WORKLOADS, *mlp.WORKLOADS, *hessian.WORKLOADS,
             *perex.WORKLOADS, *deepchain.WORKLOADS, *tanhnet.WORKLOADS,
             *odegrad.WORKLOADS, *dataparallel.WORKLOADS, *sumchain.WORKLOADS,
             *psgrad.WORKLOADS]
BY_NAME = {w.name: w for w in WORKLOADS}


def select(names):
    """Workloads named (exactly, or by prefix: "twolayer" picks both dtypes)."""
    if not names:
        return list(WORKLOADS)
    out = []
    for n in names:
        hits = [w for w in WORKLOADS if w.name == n] or \
               [w for w in WORKLOADS if w.name.startswith(n)]
        if not hits:
            raise ValueError(f"unknown workload {n!r}; choose from "
                             f"{', '.join(w.name for w in WORKLOADS)}")
        out += [w for w in hits if w not in out]
    return out
