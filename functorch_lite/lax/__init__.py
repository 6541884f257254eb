"""``functorch_lite.lax``: JAX's ``jax.lax`` surface here.

Control flow (``cond while_loop fori_loop scan`` in ``_control.py``; ``switch
map`` and the dynamic slices in ``_more.py``), the elementwise and structural
operations without promotion (``_ops.py``), ``conv_general_dilated``
(``_conv.py``) and the special functions.  Everything binds primitives, so
every transform applies."""
from ._control import cond, while_loop, fori_loop, scan
from ._more import (switch, map, dynamic_slice, dynamic_update_slice,  # noqa: A004
                    dynamic_slice_in_dim, dynamic_index_in_dim, dynamic_update_slice_in_dim,
                    dynamic_update_index_in_dim)
from ._ops import (add, sub, mul, div, pow, max, min, atan2, eq, ne, lt, le, gt, ge,  # noqa
                   rem,
                   neg, exp, log, sin, cos, tan, tanh, sqrt, abs, sign, log1p, expm1, asin,
                   acos, atan, sinh, cosh, floor, ceil, square, rsqrt, reciprocal, logistic,
                   erfc, exp2, is_finite, round, integer_pow, convert_element_type,
                   stop_gradient, select, select_n, iota, broadcast_in_dim, broadcast,
                   reshape, transpose, concatenate, slice, pad, rev, dot_general, dot,
                   reduce_sum, reduce_max, cumsum, argmax)
from ._conv import conv_general_dilated, conv
# the special functions under JAX's lax names (each defined beside its primitive)
from ..primitives.special import erf, erf_inv, lgamma, digamma, polygamma

__all__ = ["cond", "while_loop", "fori_loop", "scan", "switch", "map", "dynamic_slice",
           "dynamic_update_slice", "dynamic_slice_in_dim", "dynamic_index_in_dim",
           "dynamic_update_slice_in_dim", "dynamic_update_index_in_dim", "add", "sub", "mul",
           "div", "pow", "max", "min", "atan2", "eq", "ne", "lt", "le", "gt", "ge", "rem",
           "neg", "exp", "log", "sin", "cos", "tan", "tanh", "sqrt", "abs", "sign", "log1p",
           "expm1", "asin", "acos", "atan", "sinh", "cosh", "floor", "ceil", "square",
           "rsqrt", "reciprocal", "logistic", "erfc", "exp2", "is_finite", "round",
           "integer_pow", "convert_element_type", "stop_gradient", "select", "select_n",
           "iota", "broadcast_in_dim", "broadcast", "reshape", "transpose", "concatenate",
           "slice", "pad", "rev", "dot_general", "dot", "reduce_sum", "reduce_max", "cumsum",
           "argmax", "conv_general_dilated", "conv", "erf", "erf_inv", "lgamma", "digamma",
           "polygamma"]

# implicit differentiation (control/implicit.py)
from ..control.implicit import custom_linear_solve, custom_root  # noqa: E402
__all__ += ["custom_root", "custom_linear_solve"]

# top_k (JAX's lax.top_k): a stable argsort and a gather, so differentiable in the values
from ..primitives.numeric import top_k  # noqa: E402
__all__ += ["top_k"]


# Faithful mirrors (core/mirror_docs.py): same arguments and results as jax.lax's.
from ..core.mirror_docs import mirror as _mirror  # noqa: E402

_mirror(globals(), "jax.lax", ("digamma", "erf", "erf_inv", "lgamma"))

from ..core.mirror_docs import document as _document  # noqa: E402
from ._docs import DOCS as _DOCS  # noqa: E402

_document(globals(), _DOCS)   # full docstrings with examples (lax/_docs.py)
from ..core.mirror_docs import mirror_line as _mirror_line  # noqa: E402
from . import _docs2  # noqa: E402

_document(globals(), _docs2.DOCS)
for _q, _lacks in _docs2.UNARY.items():      # faithful mirrors replacing the older one-liners
    _n = _q.rpartition(".")[2]
    globals()[_n].__doc__ = _mirror_line("jax.lax", _n, lacks=_lacks)
from . import _docs3  # noqa: E402

_document(globals(), _docs3.DOCS)
