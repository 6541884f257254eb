"""Tracing a Python function into a jaxpr (the base of make_jaxpr and jit).

Values are abstract here: only shape and dtype are known, so converting a
tracer to a Python bool/int/float raises TracerConversionError.
"""
import numpy as np

from .ir import ClosedJaxpr, Eqn, Jaxpr, Literal, Var
from .trace import Trace, Tracer, get_aval, new_main, source_info


class JaxprTracer(Tracer):
    __slots__ = ("_aval", "var")

    def __init__(self, trace, aval, var):
        self._trace = trace
        self._aval = aval
        self.var = var

    @property
    def aval(self):
        return self._aval

    def concrete(self, why):
        raise self._conversion_error(
            why, f"under make_jaxpr/jit the value is abstract ({self._aval.str_short()}: "
                 f"only its shape and dtype are known).")


class _Builder:
    def __init__(self):
        self.eqns = []
        self.constvars = []
        self.constvals = []
        self._const_ids = {}  # id(value) -> tracer, so a constant gets one constvar

    def new_const(self, trace, val):
        key = id(val)
        hit = self._const_ids.get(key)
        if hit is not None and hit[0] is val:
            return hit[1]
        aval = get_aval(val)
        if isinstance(val, (bool, int, float, complex)) or (
                isinstance(val, (np.ndarray, np.generic)) and np.ndim(val) == 0):
            var = Literal(val, aval)
        else:
            var = Var(aval.strip_weak() if not isinstance(val, Tracer) else aval)
            self.constvars.append(var)
            self.constvals.append(val)
        t = JaxprTracer(trace, aval, var)
        self._const_ids[key] = (val, t)
        return t


class JaxprTrace(Trace):
    const_lift = 2  # see Trace.const_lift

    def pure(self, val):
        return self.main.payload.new_const(self, val)

    lift = pure  # an outer tracer becomes a constant of this jaxpr

    def new_arg(self, aval):
        return JaxprTracer(self, aval, Var(aval))

    def process_primitive(self, prim, tracers, params):
        avals = [t._aval for t in tracers]
        try:
            out = prim.abstract(*avals, **params)
        except (TypeError, ValueError) as e:
            raise type(e)(f"{e} (at {source_info()})") from None
        outs = list(out) if prim.multiple_results else [out]
        out_tracers = [JaxprTracer(self, a, Var(a)) for a in outs]
        self.main.payload.eqns.append(
            Eqn(prim, [t.var for t in tracers], [t.var for t in out_tracers], params,
                source_info()))
        return out_tracers if prim.multiple_results else out_tracers[0]


def trace_to_jaxpr(flat_fun, in_avals, name="make_jaxpr"):
    """Trace ``flat_fun(*tracers) -> list`` into a ClosedJaxpr.

    Returns (closed_jaxpr, out_avals). flat_fun takes and returns flat lists.
    """
    builder = _Builder()
    with new_main(JaxprTrace, name, builder) as main:
        trace = main.trace
        in_tracers = [trace.new_arg(a) for a in in_avals]
        outs = flat_fun(*in_tracers)
        out_tracers = [trace.full_raise(o) for o in outs]
    jaxpr = Jaxpr(builder.constvars, [t.var for t in in_tracers],
                  [t.var for t in out_tracers], builder.eqns)
    return ClosedJaxpr(jaxpr, builder.constvals), [t._aval for t in out_tracers]
