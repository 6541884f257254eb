"""jit's ahead-of-time stages (JAX's ``jit(f).trace(...)`` -> ``Traced`` ->
``.lower()`` -> ``Lowered`` -> ``.compile()`` -> ``Compiled``), and the input
coercion jit shares with them.  Kept apart from ``jit.py`` (which imports this)."""
import numpy as np

from ..control._util import get_plan
from ..core import dtypes
from ..core.array import unwrap
from ..core import tree_util as tu
from ..core.ir import ShapedArray
from ..core.trace import Tracer, array_namespace, get_aval, public

_SCALARS = (bool, int, float, complex)


def _as_input(x):
    if type(x) in _SCALARS:
        return dtypes.canonicalize_value(np.asarray(x))   # 32-bit mode: JAX's defaults
    if isinstance(x, (np.ndarray, np.generic, Tracer)) or hasattr(x, "__array_namespace__"):
        return unwrap(x)
    conv = getattr(x, "__fl_value__", None)
    if conv is not None:
        return conv()
    if hasattr(x, "shape") and hasattr(x, "dtype"):
        return x
    raise TypeError(f"jit: {type(x).__name__} is not an array; pass arrays, Python "
                    f"scalars or pytrees of them, or mark the argument static with "
                    f"static_argnums")


def _aot_sig(x):
    if type(x) in _SCALARS:
        return type(x)
    a = get_aval(_as_input(x))
    return (a.shape, a.dtype)


def _show(key):
    tree, statics, sigs = key
    parts = [s.__name__ if isinstance(s, type) else ShapedArray(*s).str_short() for s in sigs]
    st = ", ".join(f"{k}={v!r}" for k, _, v in statics)
    return "(" + ", ".join(parts) + (f"; static {st}" if st else "") + ")"


class Traced:
    """``jit(f).trace(*args)``: f traced for one signature (JAX's ``Traced``).
    ``.jaxpr`` is the ClosedJaxpr, ``.out_info`` the outputs' ShapeDtypeStructs
    pytree, ``.lower()`` the next stage.  Arguments may be ShapeDtypeStructs."""

    def __init__(self, jitted, args, kwargs):
        self._jitted = jitted
        dyn, statics = jitted._split(args)
        dkw, kst = jitted._split_kwargs(kwargs) if kwargs else ({}, ())
        leaves, self._in_tree = tu.tree_flatten((dyn, dkw))
        self._key = (self._in_tree, statics + kst, tuple(_aot_sig(x) for x in leaves))
        self.jaxpr, self._out_tree = jitted._trace_fn(args, kwargs, leaves, self._in_tree)
        if any(isinstance(c, Tracer) for c in self.jaxpr.consts):
            raise TypeError(f"jit({jitted.name}).trace: the function closes over a value "
                            f"traced by an enclosing transform; trace outside it")
        self._leaves = leaves

    @property
    def out_info(self):
        from .api import ShapeDtypeStruct
        return tu.tree_unflatten(self._out_tree, [ShapeDtypeStruct(a.shape, a.dtype)
                                                  for a in self.jaxpr.out_avals])

    def lower(self):
        return Lowered(self)


class Lowered:
    """``jit(f).lower(*args)``: ``.as_text()`` prints the optimised jaxpr (there
    is no StableHLO here); ``.compile()`` builds the plan."""

    def __init__(self, traced):
        self._traced = traced

    def as_text(self):
        return str(self._traced.jaxpr)

    def compile(self):
        return Compiled(self._traced)


class Compiled:
    """``jit(f).lower(*args).compile()``: the compiled plan for one signature,
    callable with arguments of that signature only (others raise TypeError, as
    JAX's); static arguments are passed again and must equal the traced ones."""

    def __init__(self, traced):
        self._t = traced
        xp = array_namespace([x for x in traced._leaves if hasattr(x, "__array_namespace__")
                              or isinstance(x, np.ndarray)])
        self._plan = get_plan(traced.jaxpr, xp).run

    def as_text(self):
        return str(self._t.jaxpr)

    def __call__(self, *args, **kwargs):
        j = self._t._jitted
        dyn, statics = j._split(args)
        dkw, kst = j._split_kwargs(kwargs) if kwargs else ({}, ())
        leaves, tree = tu.tree_flatten((dyn, dkw))
        key = (tree, statics + kst, tuple(_aot_sig(x) for x in leaves))
        if key != self._t._key:
            raise TypeError(f"jit({j.name}): compiled for arguments {_show(self._t._key)} but "
                            f"called with {_show(key)}; a Compiled object runs one signature "
                            f"(call jit({j.name}) itself to trace new ones)")
        outs = dtypes.canonicalize_value(self._plan(*[_as_input(x) for x in leaves]))
        return tu.tree_unflatten(self._t._out_tree, public(outs))
