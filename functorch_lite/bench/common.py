"""Shared pieces of the benchmark: workloads, entries, the correctness gate.

A *workload* is one computation (e.g. one SGD step of the seeds' two-layer
net).  It owns a hand-written *floor* in the run backend's namespace (the math by
hand, freeing what it no longer needs) and a list of *entries*: the same
computation written with functorch_lite or a peer library.  An entry's
``make(data, ctx)`` returns a zero-argument callable that runs the computation
once and returns its result; it raises ``Skip(reason)`` when it cannot run
here (a functorch_lite feature missing from this build, a peer not
installed).  Every entry's result is compared with the floor's before any of
its times count.
"""
import dataclasses
import importlib
import importlib.util
from typing import Callable, Optional

import numpy as np


class Skip(Exception):
    """An entry cannot run here; ``str(exc)`` says why (shown in the table)."""


class WrongResult(Exception):
    """An entry's result differs from the floor's beyond the tolerance."""


@dataclasses.dataclass
class Entry:
    name: str                 # shown in the table, e.g. "fl.jit(grad)"
    library: str              # numpy | functorch_lite | torch | jax | autograd
    make: Callable            # make(data, ctx) -> zero-arg callable
    floor: bool = False


@dataclasses.dataclass
class Workload:
    name: str
    title: str                # one line for the table
    description: str          # a paragraph for --list and the README
    setup: Callable           # setup(ctx) -> dict of arrays and sizes ("params")
    entries: list
    dtype: str = "float64"    # picks the tolerance of the gate
    unit: str = "ms"          # "ms" or "us/op"
    per: int = 1              # times are divided by this for "us/op"
    memory: bool = False      # peak memory measured, one subprocess per entry
    checked: Optional[Callable] = None  # checked(result, data) -> leaves compared


@dataclasses.dataclass
class Context:
    """What entries need to know about the run."""
    backend: str = "numpy"
    quick: bool = False
    threads: int = 1
    compare: tuple = ("torch", "jax", "autograd")

    @property
    def backend_obj(self):
        """The functorch_lite Backend the run's arrays live on."""
        import functorch_lite as fl
        return fl.backends.get_backend(self.backend)

    @property
    def xp(self):
        return self.backend_obj.namespace

    @property
    def on_host(self):
        return self.backend_obj.is_host

    def put(self, a):
        """Host array -> backend array."""
        return self.backend_obj.from_host(a)

    def sync(self):
        self.backend_obj.synchronize()


# ----------------------------------------------------------------- results

def to_numpy(x):
    """Any library's array (or a pytree of them) -> numpy, for checking only."""
    if isinstance(x, dict):
        return [to_numpy(x[k]) for k in sorted(x)]
    if isinstance(x, (list, tuple)):
        return [to_numpy(v) for v in x]
    if isinstance(x, np.ndarray):
        return x
    if hasattr(x, "detach"):          # torch and functorch_lite Tensors
        x = x.detach()
        if hasattr(x, "cpu"):
            x = x.cpu()
        return np.asarray(x.numpy())
    import functorch_lite as fl
    try:
        b = fl.backends.backend_of(x)
    except TypeError:                 # autograd's boxes, other libraries' scalars
        b = None
    if b is not None and not b.is_host:   # a device array: copied back explicitly
        return fl.device_put(x, "cpu")
    if hasattr(x, "_value") and type(x).__module__.startswith("autograd"):
        return np.asarray(x._value)
    return np.asarray(x)


def leaves(x):
    if isinstance(x, (list, tuple)):
        return [leaf for v in x for leaf in leaves(v)]
    return [np.asarray(x)]


TOLERANCE = {  # rtol, and atol as a fraction of the largest reference value
    "float32": (2e-3, 1e-4),
    "float64": (1e-6, 1e-9),
}


def check(got, ref, dtype):
    """Raise WrongResult unless every leaf of ``got`` matches ``ref``."""
    rtol, afrac = TOLERANCE[dtype]
    g, r = leaves(got), leaves(ref)
    if len(g) != len(r):
        raise WrongResult(f"wrong result: {len(g)} arrays returned, the floor returns {len(r)}")
    for i, (a, b) in enumerate(zip(g, r)):
        if a.shape != b.shape:
            raise WrongResult(f"wrong result: output {i} has shape {a.shape}, "
                              f"the floor's has shape {b.shape}")
        a64, b64 = a.astype(np.float64), b.astype(np.float64)
        scale = float(np.max(np.abs(b64))) if b64.size else 0.0
        atol = afrac * scale
        if not np.allclose(a64, b64, rtol=rtol, atol=atol):
            err = np.abs(a64 - b64)
            bad = float(np.max(err - rtol * np.abs(b64)))
            raise WrongResult(f"wrong result: output {i} (shape {b.shape}) differs from the "
                              f"floor by up to {float(np.max(err)):.3g} (excess {bad:.3g} over "
                              f"rtol={rtol:g}, atol={atol:.3g})")


# ------------------------------------------------------------ peer imports

INSTALL_HINT = {
    "torch": "pip install torch --index-url https://download.pytorch.org/whl/cpu",
    "jax": "pip install jax jaxlib",
    "autograd": "pip install autograd",
}


def peer(name, ctx):
    """Import a peer library set up for this run, or raise Skip."""
    if not ctx.on_host and name != "torch":
        raise Skip(f"{name} is compared on the numpy backend only")
    if importlib.util.find_spec(name) is None:
        raise Skip(f"{name} not installed ({INSTALL_HINT[name]})")
    mod = importlib.import_module(name)
    if name == "torch":
        if not ctx.on_host and not mod.cuda.is_available():
            raise Skip("torch has no CUDA here; compared on the numpy backend only")
        if mod.get_num_threads() != ctx.threads:
            mod.set_num_threads(ctx.threads)
        try:
            mod.set_num_interop_threads(ctx.threads)
        except RuntimeError:  # only settable before torch's first parallel work
            pass
    elif name == "jax":
        mod.config.update("jax_enable_x64", True)  # float64 workloads stay float64
    return mod


def torch_device(ctx):
    return ctx.backend_obj.device   # functorch_lite's device names are torch's


def fl_feature(name):
    """functorch_lite's public attribute ``name``, or Skip when this build lacks it."""
    import functorch_lite as fl
    if name == "Tensor":
        if not hasattr(fl, "Tensor"):
            raise Skip("the Tensor facade is not in this build of functorch_lite")
        return fl
    if not hasattr(fl, name):
        raise Skip(f"fl.{name} is not in this build of functorch_lite")
    return getattr(fl, name)


def torch_like(which, ctx):
    """``(T, tensor)`` for code written once against the PyTorch API.

    ``which`` is "facade" (functorch_lite's Tensor facade) or "torch"; the
    same entry code then runs on both, which is the facade's promise.
    ``tensor(a, requires_grad=False)`` copies a backend array into a tensor.
    """
    T = fl_feature("Tensor") if which == "facade" else peer("torch", ctx)
    dev = torch_device(ctx)

    def tensor(a, requires_grad=False):
        host = a if ctx.on_host else ctx.backend_obj.to_host(a)
        return T.tensor(host, device=dev, requires_grad=requires_grad)
    return T, tensor


def fl_entries(names):
    return [Entry(n, "functorch_lite", m) for n, m in names]
