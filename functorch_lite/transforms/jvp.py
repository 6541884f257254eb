"""Forward mode: a JVPTracer carries (primal, tangent); tangent None means zero."""
from ..core.trace import Trace, Tracer, get_aval, new_main


class JVPTracer(Tracer):
    __slots__ = ("primal", "tangent")

    def __init__(self, trace, primal, tangent):
        self._trace = trace
        self.primal = primal
        self.tangent = tangent

    @property
    def aval(self):
        return get_aval(self.primal)

    # shape/dtype straight from the value: rules ask for them constantly
    shape = property(lambda self: getattr(self.primal, "shape", ()) if not isinstance(
        self.primal, (bool, int, float, complex)) else ())
    dtype = property(lambda self: get_aval(self.primal).dtype if isinstance(
        self.primal, (bool, int, float, complex)) else self.primal.dtype)

    def concrete(self, why):
        p = self.primal
        return p.concrete(why) if isinstance(p, Tracer) else p


class JVPTrace(Trace):
    const_lift = 1  # see Trace.const_lift

    def pure(self, val):
        return JVPTracer(self, val, None)

    lift = pure

    def process_primitive(self, prim, tracers, params):
        primals = [t.primal for t in tracers]
        tangents = [t.tangent for t in tracers]
        if all(t is None for t in tangents):
            out, tout = prim.bind(*primals, **params), None
            if prim.multiple_results:
                tout = [None] * len(out)
        else:
            out, tout = prim.jvp(primals, tangents, **params)
        if prim.multiple_results:
            return [JVPTracer(self, o, t) for o, t in zip(out, tout)]
        return JVPTracer(self, out, tout)


def jvp_flat(flat_fun, primals, tangents, name="jvp"):
    """Run flat_fun(*tracers) -> list under a new JVP trace; return (outs, tangents)."""
    with new_main(JVPTrace, name) as main:
        trace = main.trace
        ins = [JVPTracer(trace, p, t) for p, t in zip(primals, tangents)]
        outs = [trace.full_raise(o) for o in flat_fun(*ins)]
        return [o.primal for o in outs], [o.tangent for o in outs]
