"""``debug_callback``: a primitive that calls a Python function on the real
values of its operands and returns nothing (``fl.debug.print`` is one).

It has the ``effect`` trait, so jit's passes keep it although nothing reads an
output (DCE), never merge two (CSE) and never run it at compile time
(``no_fold``): a jitted function prints every time it runs, not when traced.
Under ``vmap`` it calls the function once per lane, in lane order (JAX's
default); under ``jvp``/``grad`` it sees the primal values and passes no
derivative through (it has no outputs).
"""
import numpy as np

from ..core.primitive import defprim
from ..core.trace import Tracer
from ..core.trace import state as _state
from ..primitives import _util as U
from ..primitives import shape as shp


class Callback:
    """The ``callback`` param: the user's function and a short text for the jaxpr
    printer (``debug_callback[callback=print('x = {}')]``)."""
    __slots__ = ("fn", "text")

    def __init__(self, fn, text):
        self.fn = fn
        self.text = text

    def __call__(self, *values):
        self.fn(*values)

    def __repr__(self):
        return self.text


def _impl(xp, *args, callback):
    callback(*args)
    return []


def _abstract(*avals, callback):
    return []


def _jvp(primals, tangents, callback):
    debug_callback_p.bind(*primals, callback=callback)
    return [], []


def _vjp(ct, ins, out, needs, callback):
    return [None] * len(ins)       # no outputs: no cotangent reaches an input


def _lane(v, d, i):
    if d is None:
        return v
    v = U.moveaxis(v, d, 0)
    shape = U.aval(v).shape
    start = (i,) + (0,) * (len(shape) - 1)
    return shp.reshape(shp.slice_(v, start, (i + 1,) + shape[1:]), shape[1:])


def _batch(vals, dims, callback):
    if all(d is None for d in dims):
        debug_callback_p.bind(*vals, callback=callback)
        return [], []
    size = U.batch_size(vals, dims)
    for i in range(size):          # one call per lane, in lane order
        debug_callback_p.bind(*[_lane(v, d, i) for v, d in zip(vals, dims)],
                              callback=callback)
    return [], []


debug_callback_p = defprim("debug_callback", impl=_impl, abstract=_abstract, jvp=_jvp,
                           vjp=_vjp, batch=_batch, saves="nothing", multiple_results=True,
                           effect=True, no_fold=True)


def _dynamic(x):
    return isinstance(x, (Tracer, np.ndarray, np.generic)) or (
        hasattr(x, "shape") and hasattr(x, "dtype") and not hasattr(x, "__fl_value__"))


def bind_callback(fn, text, leaves):
    """Call ``fn(*leaves)`` with the real values: array leaves (and tracers) go
    through the primitive, the others are passed as they are."""
    leaves = [x.__fl_value__() if hasattr(type(x), "__fl_value__") else x for x in leaves]
    pos = [i for i, x in enumerate(leaves) if _dynamic(x)]

    def call(*vals):
        full = list(leaves)
        for i, v in zip(pos, vals):
            full[i] = v
        fn(*full)
    args = [leaves[i] for i in pos]
    stack = _state.stack
    if stack and not any(isinstance(a, Tracer) for a in args):
        # constants only, inside a transform: hand them to the innermost one, so
        # under jit the print is recorded (and runs each call), not run at trace time
        trace = stack[-1].trace
        args = [trace.full_raise(a) for a in args or [np.zeros((), np.float32)]]
    debug_callback_p.bind(*args, callback=Callback(call, text))
