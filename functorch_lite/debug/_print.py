"""``fl.debug.print`` and ``fl.debug.callback`` (JAX's ``jax.debug`` names)."""
import builtins

import numpy as np

from ..core import backend as _backend
from ..core import tree_util as tu
from ._callback import bind_callback


def _host(x):
    if isinstance(x, (np.ndarray, np.generic)) or not hasattr(x, "dtype"):
        return x
    b = _backend.backend_of(x, None)
    return b.to_host(x) if b is not None and not b.is_host else x


def print(fmt, *args, ordered=False, **kwargs):  # noqa: A001 - JAX's name
    """Print ``fmt.format(*args, **kwargs)`` with the arguments' real values,
    whenever the program runs: eagerly at once; under ``jit`` each time the
    compiled function runs (not when it is traced); under ``vmap`` one line per
    lane, in lane order; under ``grad``/``jvp`` the primal values.

    ``args``/``kwargs`` are pytrees of arrays (or tracers, or facade Tensors);
    other leaves (strings, Python numbers) are formatted as they are.  Output goes
    to ``sys.stdout`` through ``builtins.print``.  ``ordered`` is accepted for
    JAX's signature; prints here always run in program order.  Like JAX's, it
    returns None and nothing flows through it (it does not stop DCE of what it
    reads: it keeps it)."""
    if not isinstance(fmt, str):
        raise TypeError(f"debug.print: fmt must be a str (a format string), "
                        f"got {type(fmt).__name__}")
    leaves, tree = tu.tree_flatten((args, kwargs))

    def show(*vals):
        a, k = tu.tree_unflatten(tree, [_host(v) for v in vals])
        builtins.print(fmt.format(*a, **k))
    bind_callback(show, f"print({fmt!r})", leaves)


def callback(fn, *args, **kwargs):
    """Call ``fn(*args, **kwargs)`` with the arguments' real values whenever the
    program runs (as :func:`print`, which is built on it); ``fn``'s return value
    is ignored.  JAX's ``jax.debug.callback``."""
    if not callable(fn):
        raise TypeError(f"debug.callback: fn must be callable, got {type(fn).__name__}")
    leaves, tree = tu.tree_flatten((args, kwargs))

    def call(*vals):
        a, k = tu.tree_unflatten(tree, list(vals))
        fn(*a, **k)
    bind_callback(call, f"callback({getattr(fn, '__name__', 'fn')})", leaves)
