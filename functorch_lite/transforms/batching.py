"""vmap: a BatchTracer carries (value, batch axis or None) and each primitive's
batch rule maps the whole batch at once; there is no Python-loop fallback."""
from ..core.ir import ShapedArray
from ..core.trace import Trace, Tracer, get_aval, new_main
from ..primitives import _util as U


class BatchTracer(Tracer):
    __slots__ = ("val", "bdim")

    def __init__(self, trace, val, bdim):
        self._trace = trace
        self.val = val
        self.bdim = bdim

    @property
    def aval(self):
        a = get_aval(self.val)
        if self.bdim is None:
            return a
        shape = a.shape[:self.bdim] + a.shape[self.bdim + 1:]
        return ShapedArray(shape, a.dtype, a.weak_type)

    def concrete(self, why):
        if self.bdim is not None:
            raise self._conversion_error(
                why, "under vmap this value is batched (one value per lane), so it has "
                     "no single truth value.")
        v = self.val
        return v.concrete(why) if isinstance(v, Tracer) else v


class BatchTrace(Trace):
    const_lift = 2  # see Trace.const_lift

    def pure(self, val):
        return BatchTracer(self, val, None)

    lift = pure

    def process_primitive(self, prim, tracers, params):
        vals = [t.val for t in tracers]
        dims = [t.bdim for t in tracers]
        if all(d is None for d in dims):
            out = prim.bind(*vals, **params)
            if prim.multiple_results:
                return [BatchTracer(self, o, None) for o in out]
            return BatchTracer(self, out, None)
        if prim.batch is None:
            raise NotImplementedError(f"vmap: primitive {prim.name} has no batching rule")
        out, odim = prim.batch(vals, dims, **params)
        if prim.multiple_results:
            return [BatchTracer(self, o, d) for o, d in zip(out, odim)]
        return BatchTracer(self, out, odim)


def vmap_flat(flat_fun, args, in_dims, out_dims_fn, axis_size, name="vmap"):
    """Run flat_fun over batched args; move each output's batch axis to its out dim."""
    with new_main(BatchTrace, name, axis_size) as main:
        trace = main.trace
        ins = [BatchTracer(trace, a, d) for a, d in zip(args, in_dims)]
        outs = [trace.full_raise(o) for o in flat_fun(*ins)]
        out_dims = out_dims_fn(len(outs))
        results = []
        for o, od in zip(outs, out_dims):
            v, d = o.val, o.bdim
            if od is None:
                if d is not None:
                    raise ValueError("vmap: out_axes=None but the output depends on the "
                                     "mapped axis; only unbatched outputs can use None")
                results.append(v)
                continue
            if d is None:
                v, d = U.bdim_to_front(v, None, axis_size), 0
            nd = get_aval(v).ndim
            results.append(U.moveaxis(v, d, od % nd))
        return results
