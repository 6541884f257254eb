"""``pjit``: the call primitive jit binds, carrying the traced ClosedJaxpr.

With arrays it runs the jaxpr's cached plan; under another transform its own
rules apply: jvp and batch transform the inner jaxpr and bind ``pjit`` again,
vjp splits it into a forward with residuals and a backward, so
``make_jaxpr(jit(f))`` shows the nested call and jit nests with everything.
The jit front end (``transforms.jit.Jitted``) binds it.
"""
from ..core.primitive import defprim
from ..primitives import _util as U
from ..transforms.jaxpr_transforms import batch_jaxpr, is_float, jvp_jaxpr, to_front, vjp_split
from ._util import get_plan, instantiate_cts


def _pjit_impl(xp, *args, jaxpr, name):
    return get_plan(jaxpr, xp)(*args)


def _pjit_abstract(*avals, jaxpr, name):
    return list(jaxpr.out_avals)


def _pjit_jvp(primals, tangents, jaxpr, name):
    jj = jvp_jaxpr(jaxpr, [t is not None for t in tangents])
    res = pjit_p.bind(*primals, *[t for t in tangents if t is not None], jaxpr=jj,
                      name=f"jvp({name})")
    n = len(jaxpr.out_avals)
    return res[:n], res[n:]


def _pjit_vjp_fwd(*ins, jaxpr, name):
    sp = vjp_split(jaxpr)
    res = pjit_p.bind(*ins, jaxpr=sp.fwd, name=f"{name}_fwd")
    return res[:sp.n_out], res[sp.n_out:]


def _pjit_vjp(ct, res, out, needs, jaxpr, name):
    sp = vjp_split(jaxpr)
    cts = instantiate_cts(ct, [a.strip_weak() for a in jaxpr.out_avals])
    in_cts = pjit_p.bind(*res, *cts, jaxpr=sp.bwd, name=f"{name}_bwd")
    return [c if n and is_float(a) else None
            for c, n, a in zip(in_cts, needs, jaxpr.in_avals)]


def _pjit_batch(vals, dims, jaxpr, name):
    size = U.batch_size(vals, dims)
    vals, nd = to_front(vals, dims, size)
    bj = batch_jaxpr(jaxpr, nd, size)
    out = pjit_p.bind(*vals, jaxpr=bj, name=f"vmap({name})")
    return out, [0] * len(out)


pjit_p = defprim("pjit", impl=_pjit_impl, abstract=_pjit_abstract, jvp=_pjit_jvp,
                 vjp_fwd=_pjit_vjp_fwd, vjp=_pjit_vjp, batch=_pjit_batch,
                 multiple_results=True, higher_order=True,
                 inner_call=lambda params, ins: (params["jaxpr"], list(ins)))
