"""Every public name has a docstring (its own, or the one-line mirror of
core/mirror_docs.py for a faithful mirror), so help() and an editor's hover
say what to pass and what comes back."""
import importlib
import inspect
import types

import numpy as np
import pytest

PUBLIC_MODULES = [
    "functorch_lite", "functorch_lite.numpy", "functorch_lite.numpy.linalg",
    "functorch_lite.lax", "functorch_lite.random", "functorch_lite.tree",
    "functorch_lite.tree_util", "functorch_lite.flatten_util",
    "functorch_lite.scipy.special", "functorch_lite.scipy.stats",
    "functorch_lite.scipy.linalg", "functorch_lite.scipy.signal",
    "functorch_lite.nn", "functorch_lite.nn.functional", "functorch_lite.nn.initializers",
    "functorch_lite.optim", "functorch_lite.autograd", "functorch_lite.debug",
    "functorch_lite.config", "functorch_lite.backends",
    "functorch_lite.numpy.fft", "functorch_lite.func", "functorch_lite.autograd.functional",
    "functorch_lite.autograd.forward_ad", "functorch_lite.utils.data",
    "functorch_lite.utils.checkpoint", "functorch_lite.distributed",
    "functorch_lite.optimizers", "functorch_lite.ode", "functorch_lite.scipy.optimize",
    "functorch_lite.testing", "functorch_lite.nn.init", "functorch_lite.optim.lr_scheduler",
    "functorch_lite.cli",
]


def _own_doc(obj):
    doc = getattr(obj, "__doc__", None)
    if not doc or not doc.strip():
        return False
    if not isinstance(obj, type) and doc == getattr(type(obj), "__doc__", None):
        return False                       # an instance showing its class's doc
    return True


def _needs_doc(obj):
    if isinstance(obj, types.ModuleType) or isinstance(obj, (np.dtype, np.generic)):
        return False
    if isinstance(obj, type) and issubclass(obj, np.generic):   # fnp.float32 & co: NumPy's
        return False
    if getattr(obj, "__module__", "") and not str(getattr(obj, "__module__", "")).startswith(
            "functorch_lite") and not isinstance(obj, property):
        return False                       # re-exported from NumPy (ndarray, ufuncs...)
    return callable(obj) or isinstance(obj, type)


def _public(mod):
    names = getattr(mod, "__all__", None)
    if names is None:
        names = [n for n in vars(mod) if not n.startswith("_")]
    return names


def undocumented():
    missing = []
    for m in PUBLIC_MODULES:
        mod = importlib.import_module(m)
        for n in _public(mod):
            obj = getattr(mod, n, None)
            if obj is not None and _needs_doc(obj) and not _own_doc(obj):
                missing.append(f"{m}.{n}")
    import functorch_lite as fl
    for n in dir(fl.Tensor):
        if n.startswith("_"):
            continue
        attr = inspect.getattr_static(fl.Tensor, n)
        fn = getattr(attr, "fget", None) or getattr(attr, "__func__", None) or attr
        if callable(fn) or isinstance(attr, property):
            if not _own_doc(fn):
                missing.append(f"Tensor.{n}")
    return sorted(set(missing))


def test_every_public_name_has_a_docstring():
    missing = undocumented()
    assert not missing, f"{len(missing)} public names without a docstring:\n" + "\n".join(missing)
