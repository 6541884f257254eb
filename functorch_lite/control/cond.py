"""``cond``: run one of two branch jaxprs chosen by a predicate.

Inputs: the predicate, then the operands every branch takes.  Branches take
every value they read as an explicit input (``lax`` hoists closed-over values),
so cotangents reach closed-over variables.
"""
from ..core.primitive import defprim
from ..core.trace import concrete_value
from ..primitives import _util as U
from ..primitives import elementwise as ew
from ..primitives import shape as shp
from ..transforms import jaxpr_transforms as jt
from ._util import floats, instantiate_cts, run_jaxpr, split_list, trace, zero


def _cond_impl(xp, pred, *ops, branches):
    return run_jaxpr(branches[int(U.read_predicate(pred, "cond"))], *ops)


def _cond_abstract(pred, *ops, branches):
    return list(branches[0].out_avals)


def _cond_jvp(primals, tangents, branches):
    pred, ops = primals[0], primals[1:]
    nz = [t is not None for t in tangents[1:]]
    new = tuple(jt.jvp_jaxpr(b, nz) for b in branches)
    out = cond_p.bind(pred, *ops, *[t for t in tangents[1:] if t is not None], branches=new)
    n = len(branches[0].out_avals)
    return out[:n], out[n:]


def _cond_fwd_branches(branches):
    """Forward branches returning (outs, the residuals of *every* branch, zeros for
    the branches not taken) and backward branches reading their own residuals."""
    def build():
        splits = [jt.vjp_split(b) for b in branches]
        res_avals = [s.fwd.out_avals[s.n_out:] for s in splits]
        in_avals = branches[0].in_avals
        fwds, bwds = [], []
        ct_avals = [a.strip_weak() for a in branches[0].out_avals]
        all_res = [a for r in res_avals for a in r]
        for k, s in enumerate(splits):
            def fwd(*ops, s=s, k=k):
                r = run_jaxpr(s.fwd, *ops)
                mine = iter(r[s.n_out:])
                res = [next(mine) if j == k else zero(a, U.backend_ref(ops, r))
                       for j, ra in enumerate(res_avals) for a in ra]
                return list(r[:s.n_out]) + res

            def bwd(*args, s=s, k=k):
                res = split_list(args[:len(all_res)], [len(r) for r in res_avals])[k]
                return run_jaxpr(s.bwd, *res, *args[len(all_res):])
            fwds.append(trace(fwd, in_avals, "cond_fwd"))
            bwds.append(trace(bwd, all_res + ct_avals, "cond_bwd"))
        return tuple(fwds), tuple(bwds), splits[0].n_out
    return jt._cached("cond_vjp", branches[0], id(branches[1]), build)


def _cond_vjp_fwd(pred, *ops, branches):
    fwds, bwds, n_out = _cond_fwd_branches(branches)
    out = cond_p.bind(pred, *ops, branches=fwds)
    return out[:n_out], [pred] + list(out[n_out:])


def _cond_vjp(ct, res, out, needs, branches):
    fwds, bwds, n_out = _cond_fwd_branches(branches)
    cts = instantiate_cts(ct, [a.strip_weak() for a in branches[0].out_avals])
    in_cts = cond_p.bind(res[0], *res[1:], *cts, branches=bwds)
    fl = floats(branches[0].in_avals)
    return [None] + [c if n and f else None for c, n, f in zip(in_cts, needs[1:], fl)]


def _cond_batch(vals, dims, branches):
    size = U.batch_size(vals, dims)
    pred, ops = vals[0], vals[1:]
    ops, od = jt.to_front(ops, dims[1:], size)
    bb = [jt.batch_jaxpr(b, od, size) for b in branches]
    if dims[0] is None:
        out = cond_p.bind(pred, *ops, branches=tuple(bb))
        return out, [0] * len(out)
    # a batched predicate: run both branches on every lane, then select per lane
    pred = U.moveaxis(pred, dims[0], 0)
    f_out, t_out = run_jaxpr(bb[0], *ops), run_jaxpr(bb[1], *ops)
    outs = []
    for f, t in zip(f_out, t_out):
        nd = U.aval(t).ndim
        p = shp.reshape(pred, (size,) + (1,) * (nd - 1))
        outs.append(ew.select(p, t, f))
    return outs, [0] * len(outs)


def _cond_inner_call(params, ins):
    p = concrete_value(ins[0])      # the taken branch, when the predicate is known
    if p is None:
        return None
    return params["branches"][int(U.read_predicate(p, "cond"))], list(ins[1:])


cond_p = defprim("cond", impl=_cond_impl, abstract=_cond_abstract, jvp=_cond_jvp,
                 vjp_fwd=_cond_vjp_fwd, vjp=_cond_vjp, batch=_cond_batch,
                 multiple_results=True, higher_order=True, inner_call=_cond_inner_call)
