"""torch.func.vmap: in_dims / out_dims / randomness / chunk_size, keyword
arguments passed through unbatched, PyTorch's pytree order."""
import functools
from typing import Any, Callable

import numpy as np

from .. import numpy as fnp
from ..core._typevars import P, R
from ..core.trace import Tracer, get_aval
from ..facade._tensor import Tensor
from ..facade import _randomness
from ..transforms.batching import vmap_flat
from ._pytree import broadcast_dims, tree_flatten, tree_unflatten
from ._transforms import _t, _val

_RANDOMNESS = ("error", "different", "same")


def _is_array(x):
    return isinstance(x, (Tensor, Tracer, np.ndarray))


def _plan(args, in_dims):
    """Per leaf: its mapped dim (normalised) or None; the batch size."""
    leaves, spec = tree_flatten(args)
    dims = broadcast_dims(in_dims if isinstance(in_dims, tuple) or not isinstance(
        in_dims, list) else tuple(in_dims), args, "in_dims")
    if isinstance(in_dims, (tuple, list)) and len(in_dims) != len(args):
        raise ValueError(f"vmap(f, in_dims={in_dims!r}, ...)(<inputs>): in_dims is not "
                         f"compatible with the structure of `inputs`: it has "
                         f"{len(in_dims)} entries for {len(args)} inputs")
    norm, sizes = [], []
    for x, d in zip(leaves, dims):
        if d is None:
            norm.append(None)
            continue
        if not _is_array(x):
            raise ValueError(f"vmap(f, in_dims={in_dims!r}, ...)(<inputs>): Got in_dim={d} "
                             f"for an input but the input is of type {type(x).__name__}. "
                             f"We cannot vmap over non-Tensor arguments, please use None "
                             f"as the respective in_dim")
        nd = get_aval(_val(x)).ndim
        if not -nd <= d < nd:
            raise ValueError(f"vmap(f, in_dims={in_dims!r}, ...)(<inputs>): Got in_dim={d} "
                             f"for some input, but that input is a Tensor of dimensionality "
                             f"{nd} so expected in_dim to satisfy -{nd} <= in_dim < {nd}.")
        d %= nd
        norm.append(d)
        sizes.append(get_aval(_val(x)).shape[d])
    if not sizes:
        raise ValueError(f"vmap(f, in_dims={in_dims!r}, ...)(<inputs>): at least one input "
                         f"must be mapped over (got in_dims={in_dims!r}): there is no "
                         f"batch size")
    if len(set(sizes)) > 1:
        raise ValueError(f"vmap: Expected all tensors to have the same size in the mapped "
                         f"dimension, got sizes {sizes} for the mapped dimension")
    return leaves, spec, norm, sizes[0]


def _slice(v, d, lo, hi):
    idx = (slice(None),) * d + (slice(lo, hi),)
    return v[idx]


def vmap(func: Callable[P, R], in_dims: Any = 0, out_dims: Any = 0, randomness: str = "error",
         *, chunk_size: int | None = None) -> Callable[P, R]:
    """torch.func.vmap (also ``torch.vmap`` at the top level when called on
    Tensors or with a torch keyword).  ``in_dims``: an int, None, or a tuple
    with one entry per positional input (nested to match pytrees); keyword
    arguments are passed to ``func`` unbatched.  ``out_dims``: an int or a
    tuple matching the outputs.  ``randomness``: 'error' (a facade random
    function inside raises), 'same' (one draw for all lanes), 'different'
    (one draw per lane).  ``chunk_size``: run the batch in chunks of that many
    lanes (None: all at once; 1: a Python loop's memory).  Differs from
    PyTorch: a random in-place fill (``x.normal_()``) of a batched tensor is
    refused inside vmap; 'different' draws differ from PyTorch's stream."""
    if randomness not in _RANDOMNESS:
        raise RuntimeError(f"Only allowed values for randomness are 'error', 'different', "
                           f"or 'same'. Got {randomness!r}")
    if chunk_size is not None and (not isinstance(chunk_size, int) or chunk_size <= 0):
        raise ValueError(f"vmap: chunk_size should be None or greater than 0. "
                         f"(got {chunk_size!r})")

    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        leaves, spec, dims, size = _plan(args, in_dims)
        mapped = [i for i, d in enumerate(dims) if d is not None]
        box = []

        def run(vals, n):
            lane = np.arange(n, dtype=np.int64)

            def flat(*xs):
                ls = list(leaves)
                for i, x in zip(mapped, xs[:-1]):
                    ls[i] = _t(x)
                _randomness.push(randomness, n, xs[-1])
                try:
                    out = func(*tree_unflatten(spec, ls), **kwargs)
                finally:
                    _randomness.pop()
                ol, ospec = tree_flatten(out)
                for o in ol:
                    if not _is_array(o):
                        raise ValueError(f"vmap({getattr(func, '__name__', 'f')}, ...): "
                                         f"`{getattr(func, '__name__', 'f')}` must only "
                                         f"return Tensors, got type {type(o).__name__}. "
                                         f"Did you mean to set out_dims= to None for output?")
                if not box:
                    box.append((ospec, out))
                return [_val(o) for o in ol]

            def out_dims_fn(k):
                ospec, out = box[0]
                od = broadcast_dims(out_dims, out, "out_dims")
                return od
            return vmap_flat(flat, list(vals) + [lane], [dims[i] for i in mapped] + [0],
                             out_dims_fn, n, "vmap")

        vals = [_val(leaves[i]) for i in mapped]
        if chunk_size is None or chunk_size >= size:
            outs = run(vals, size)
        else:
            parts = []
            for lo in range(0, size, chunk_size):
                hi = min(lo + chunk_size, size)
                parts.append(run([_slice(v, dims[i], lo, hi) for v, i in zip(vals, mapped)],
                                 hi - lo))
            od = broadcast_dims(out_dims, box[0][1], "out_dims")
            outs = [p[0] if d is None else fnp.concatenate(
                        list(p), axis=d % get_aval(p[0]).ndim)
                    for p, d in zip(zip(*parts), od)]
        return tree_unflatten(box[0][0], [_t(o) for o in outs])
    return wrapped


_TORCH_KW = ("in_dims", "out_dims", "randomness", "chunk_size")


def _toplevel_vmap(fun: Callable[P, R], *args: Any, **kwargs: Any) -> Callable[P, R]:
    """Vectorise ``fun`` over a batch axis: JAX's ``jax.vmap`` and ``torch.vmap`` under one name.

    Called as JAX's, ``vmap(fun, in_axes=0, out_axes=0, axis_size=None)``;
    called as PyTorch's, ``vmap(func, in_dims=0, out_dims=0, randomness='error',
    chunk_size=None)``.  A torch keyword (``in_dims``/``out_dims``/``randomness``/
    ``chunk_size``) selects ``torch.func.vmap``'s behaviour; otherwise the
    arguments of each call decide: Tensor arguments get torch's (dicts mapped in
    insertion order, ``randomness='error'``), arrays get JAX's
    (``functorch_lite.transforms.api.vmap``).

    Args:
        fun: the function to batch; it sees one example at a time.
        *args: ``in_axes``/``in_dims`` then ``out_axes``/``out_dims``
            positionally, as either library's.
        **kwargs: ``in_axes``: an int, None (not mapped) or a pytree prefix of
            the arguments giving each leaf's batch axis; ``out_axes``: the same
            for the outputs; ``axis_size``: the batch size when no argument is
            mapped; or torch's ``in_dims``, ``out_dims``, ``randomness``
            (``'error'``, ``'different'``, ``'same'``) and ``chunk_size``.

    Returns:
        A function with ``fun``'s arguments whose outputs carry the batch axis
        at ``out_axes``.  The batching is a transform (each primitive's batching
        rule), not a Python loop.

    Example:
        >>> import functorch_lite as fl
        >>> import functorch_lite.numpy as fnp
        >>> print(fl.vmap(fnp.dot, in_axes=(0, None))(fnp.ones((3, 2)), fnp.array([1.0, 2.0])))
        [3. 3. 3.]
    """
    from ..transforms.api import vmap as jax_vmap
    if any(k in kwargs for k in _TORCH_KW) or isinstance(args[2] if len(args) > 2 else
                                                          None, str):
        return vmap(fun, *args, **kwargs)
    if any(k in kwargs for k in ("in_axes", "out_axes", "axis_size", "axis_name")):
        return jax_vmap(fun, *args, **kwargs)
    torch_f, jax_f = vmap(fun, *args, **kwargs), jax_vmap(fun, *args, **kwargs)

    @functools.wraps(fun)
    def batched(*a: P.args, **k: P.kwargs) -> R:
        leaves, _ = tree_flatten((a, k))
        if any(isinstance(x, Tensor) for x in leaves):
            return torch_f(*a, **k)
        return jax_f(*a, **k)
    return batched
