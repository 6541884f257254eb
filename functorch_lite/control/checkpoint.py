"""checkpoint (remat): store only a function's inputs for the backward pass and
recompute its intermediates there.

``checkpoint(f)`` binds a call primitive ``checkpoint`` carrying f's jaxpr.
Its vjp_fwd keeps the *inputs* as residuals; its vjp runs the forward half of
the jaxpr's VJP split again (recomputing the residuals) and then the backward
half.  jvp and batching transform the inner jaxpr and bind ``checkpoint``
again, so remat survives jit and vmap.
"""
import functools

from ..core import tree_util as tu
from ..core.ir import ClosedJaxpr, Jaxpr
from ..core.primitive import defprim
from ..core.trace import Tracer, get_aval
from ..primitives import _util as U
from ..transforms import passes
from ..transforms.jaxpr_transforms import (_cached, batch_jaxpr, is_float, jvp_jaxpr, to_front,
                                           vjp_split)
from ._util import as_value, hoist_tracer_consts, instantiate_cts, run_jaxpr, trace_tree
from .pjit import pjit_p


def _remat_impl(xp, *args, jaxpr, name):
    return run_jaxpr(jaxpr, *args)


def _remat_abstract(*avals, jaxpr, name):
    return list(jaxpr.out_avals)


def _remat_jvp(primals, tangents, jaxpr, name):
    jj = jvp_jaxpr(jaxpr, [t is not None for t in tangents])
    res = remat_p.bind(*primals, *[t for t in tangents if t is not None], jaxpr=jj, name=name)
    n = len(jaxpr.out_avals)
    return res[:n], res[n:]


def _remat_vjp_fwd(*ins, jaxpr, name):
    return remat_p.bind(*ins, jaxpr=jaxpr, name=name), list(ins)


def _remat_vjp(ct, ins, out, needs, jaxpr, name):
    sp = vjp_split(jaxpr)
    # recompute the forward (only what the backward reads) now, in the backward pass
    res = pjit_p.bind(*ins, jaxpr=_residuals_only(sp), name=f"{name}_recompute")
    cts = instantiate_cts(ct, [a.strip_weak() for a in jaxpr.out_avals])
    in_cts = pjit_p.bind(*res, *cts, jaxpr=sp.bwd, name=f"{name}_bwd")
    return [c if n and is_float(a) else None for c, n, a in zip(in_cts, needs, jaxpr.in_avals)]


def _residuals_only(sp):
    def build():
        j = sp.fwd.jaxpr
        return passes.dce(ClosedJaxpr(Jaxpr(j.constvars, j.invars, j.outvars[sp.n_out:],
                                            j.eqns), sp.fwd.consts))
    return _cached("remat_res", sp.fwd, None, build)


def _remat_batch(vals, dims, jaxpr, name):
    size = U.batch_size(vals, dims)
    vals, nd = to_front(vals, dims, size)
    out = remat_p.bind(*vals, jaxpr=batch_jaxpr(jaxpr, nd, size), name=name)
    return out, [0] * len(out)


remat_p = defprim("checkpoint", impl=_remat_impl, abstract=_remat_abstract, jvp=_remat_jvp,
                  vjp_fwd=_remat_vjp_fwd, vjp=_remat_vjp, batch=_remat_batch,
                  multiple_results=True, higher_order=True,
                  inner_call=lambda params, ins: (params["jaxpr"], list(ins)))


def checkpoint(fun):
    """Wrap ``fun`` so reverse mode recomputes its intermediates (JAX's remat)."""
    cache = {}

    @functools.wraps(fun)
    def wrapped(*args):
        leaves, tree = tu.tree_flatten(args)
        leaves = [as_value(x) for x in leaves]
        avals = tuple(get_aval(x) for x in leaves)
        key = (tree, avals)
        hit = cache.get(key)
        if hit is None:
            closed, out_tree = trace_tree(fun, tree, avals, "checkpoint")
            hit = (closed, out_tree)
            if any(isinstance(c, Tracer) for c in closed.consts):
                # closed over an enclosing transform's tracers: they become inputs
                hoisted, extra = hoist_tracer_consts(closed)
                hit = (hoisted, out_tree, extra)
            else:
                cache[key] = hit
        closed, out_tree = hit[0], hit[1]
        extra = hit[2] if len(hit) > 2 else []
        outs = remat_p.bind(*extra, *leaves, jaxpr=closed,
                            name=getattr(fun, "__name__", "fun"))
        return tu.tree_unflatten(out_tree, outs)
    return wrapped

