"""``functorch_lite.debug``: the debugging kit (``docs/debug.md``).

* ``print(fmt, *args, **kwargs)`` / ``callback(fn, *args)``: real values under
  ``jit``, ``vmap`` (one line per lane) and ``grad``; eagerly at once.
* ``config.debug_nans`` (or the ``debug_nans()`` context manager): the first
  primitive that makes a NaN/inf, its line and the pass (forward/backward).
* ``to_dot(obj)`` / ``render(obj, path)``: Graphviz pictures of a jaxpr or of a
  facade tensor's ``grad_fn`` graph.
"""
from ._dot import render, to_dot
from ._nans import debug_nans
from ._print import callback, print  # noqa: A004 - JAX's name

__all__ = ["print", "callback", "debug_nans", "to_dot", "render"]
