"""``functorch_lite.flatten_util``: JAX's ``ravel_pytree``."""
import numpy as np

from . import numpy as fnp
from .core import tree_util as _tu
from .core.trace import get_aval

__all__ = ["ravel_pytree"]


def _promote(dtypes):
    """JAX's promotion for the flat vector: integers and bools join any float
    without widening it (int64 with float32 is float32); otherwise NumPy's."""
    inexact = [d for d in dtypes if d.kind in "fc"]
    return np.result_type(*(inexact or dtypes))


def ravel_pytree(pytree):
    """Flatten a pytree of arrays into one 1-D array; returns ``(flat, unravel)``
    where ``unravel(flat_like)`` rebuilds the pytree (each leaf with its own
    shape and dtype again).

    ``flat``'s dtype is the promotion of the leaves' dtypes (JAX's rule:
    float32 leaves and int leaves give float32; a Python float counts as
    float64, as in JAX with x64 enabled, which is this library's default).
    Both directions are made of differentiable operations, so ravel_pytree
    and unravel work under grad, jit and vmap.  An empty pytree gives an
    empty float32 vector, as JAX.  ``unravel`` checks the length of its
    input (a ValueError naming ``unravel``), and casts each piece back to its
    leaf's dtype (JAX skips the cast when all leaves share one dtype; so do we).
    """
    leaves, treedef = _tu.tree_flatten(pytree)
    if not leaves:
        flat = fnp.zeros((0,), np.float32)

        def unravel_empty(arr):
            _check(arr, 0)
            return _tu.tree_unflatten(treedef, [])
        return flat, unravel_empty
    avals = []
    for x in leaves:
        try:
            avals.append(get_aval(x if not hasattr(x, "__fl_value__") else x.__fl_value__()))
        except TypeError:
            raise TypeError(f"ravel_pytree: leaf of type {type(x).__name__} is not an "
                            f"array or scalar") from None
    # a Python scalar counts by its NumPy dtype (float -> float64), as in JAX
    dts = [np.result_type(type(x)) if type(x) in (bool, int, float, complex) else a.dtype
           for x, a in zip(leaves, avals)]
    shapes = [tuple(a.shape) for a in avals]
    sizes = [int(np.prod(s, dtype=np.int64)) for s in shapes]
    to = _promote(dts)
    pieces = []
    for x, dt in zip(leaves, dts):
        v = fnp.ravel(fnp.asarray(x, dtype=dt))
        pieces.append(v if dt == to else fnp.astype(v, to))
    flat = fnp.concatenate(pieces) if len(pieces) > 1 else pieces[0]
    total = sum(sizes)
    cuts = list(np.cumsum(sizes)[:-1])
    same = all(d == to for d in dts)

    def unravel(arr):
        _check(arr, total)
        chunks = fnp.split(arr, cuts) if len(sizes) > 1 else [arr]
        out = []
        for c, s, dt in zip(chunks, shapes, dts):
            c = fnp.reshape(c, s)
            out.append(c if same or get_aval(c).dtype == dt else fnp.astype(c, dt))
        return _tu.tree_unflatten(treedef, out)
    return flat, unravel


def _check(arr, total):
    try:
        shape = tuple(get_aval(arr).shape)
    except TypeError:
        shape = np.shape(arr)
    if shape != (total,):
        raise ValueError(f"ravel_pytree's unravel: expected a 1-D array of length {total}, "
                         f"got shape {shape}")


from .core._tree_docs2 import RAVEL_PYTREE as _RAVEL_DOC  # noqa: E402

ravel_pytree.__doc__ = _RAVEL_DOC   # full docstring with an example (core/_tree_docs2.py)
