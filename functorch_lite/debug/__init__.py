"""``functorch_lite.debug``: the debugging kit (``docs/debug.md``).

* ``print(fmt, *args, **kwargs)`` / ``callback(fn, *args)``: real values under
  ``jit``, ``vmap`` (one line per lane) and ``grad``; eagerly at once.
* ``config.debug_nans`` (or the ``debug_nans()`` context manager): the first
  primitive that makes a NaN/inf, its line and the pass (forward/backward).
* ``pure_callback`` / ``io_callback`` (exposed as ``fl.pure_callback`` and
  ``fl.experimental.io_callback``): host functions returning arrays.
* ``to_dot(obj)`` / ``render(obj, path)``: Graphviz pictures of a jaxpr or of a
  facade tensor's ``grad_fn`` graph.
"""
from ._dot import render, to_dot
from ._host import io_callback, pure_callback
from ._nans import debug_nans
from ._print import callback, print  # noqa: A004 - JAX's name

__all__ = ["print", "callback", "debug_nans", "to_dot", "render", "pure_callback",
           "io_callback"]

# the full docstring of render (Args/Returns/Example) lives in debug/_docs.py
from ..core.mirror_docs import document as _document  # noqa: E402
from ._docs import RENDER as _RENDER  # noqa: E402

_document(globals(), {"render": _RENDER})
