"""``scan``: a loop of known length over a body jaxpr, carrying values and
stacking per-step outputs.

Inputs: the body's loop constants, the initial carries, the scanned arrays
(sliced along axis 0).  Outputs: the final carries, then the stacked ys.
Reverse mode splits the body once into a forward (carry, y, residuals) and a
backward body, and runs the backward as a scan in the opposite direction.
"""
from ..core.ir import ClosedJaxpr, Jaxpr, ShapedArray
from ..core.primitive import defprim
from ..primitives import _util as U
from ..primitives import elementwise as ew
from ..transforms import jaxpr_transforms as jt
from ._util import (floats, get_plan, instantiate_cts, order_pairs, permute, run_jaxpr,
                    split_list, trace, zero)


def _scan_impl(xp, *args, jaxpr, num_consts, num_carry, length, reverse):
    consts, carry, xs = split_list(args, [num_consts, num_carry])
    plan = get_plan(jaxpr, xp)
    ys = None
    order = range(length - 1, -1, -1) if reverse else range(length)
    for t in order:
        out = plan(*consts, *carry, *[x[t] for x in xs])
        carry, y = out[:num_carry], out[num_carry:]
        if ys is None:
            ys = [xp.empty((length,) + tuple(U.shape_of(v)), U.aval(v).dtype) for v in y]
        for buf, v in zip(ys, y):
            buf[t] = v
    if ys is None:
        ys = [xp.empty((0,) + a.shape, a.dtype) for a in jaxpr.out_avals[num_carry:]]
    return list(carry) + ys


def _scan_abstract(*avals, jaxpr, num_consts, num_carry, length, reverse):
    outs = jaxpr.out_avals
    return list(outs[:num_carry]) + [ShapedArray((length,) + a.shape, a.dtype)
                                     for a in outs[num_carry:]]


def _scan_jvp(primals, tangents, jaxpr, num_consts, num_carry, length, reverse):
    nc, nk = num_consts, num_carry
    tc, tk, tx = split_list(tangents, [nc, nk])
    carry_avals = jaxpr.in_avals[nc:nc + nk]
    fl = floats(carry_avals)
    any_t = any(t is not None for t in tangents)
    # carries: instantiate every float tangent (the body may make a zero one nonzero)
    like = U.backend_ref(primals)
    tk = [(t if t is not None else zero(a, like)) if f and any_t else None
          for t, a, f in zip(tk, carry_avals, fl)]
    nz = [t is not None for t in tc + tk + tx]
    jj = jt.jvp_jaxpr(jaxpr, nz)
    nzc, nzk, nzx = (sum(1 for t in g if t is not None) for g in (tc, tk, tx))
    nx = len(jaxpr.in_avals) - nc - nk
    order = order_pairs([nc, nk, nx], [nzc, nzk, nzx])
    n_out = len(jaxpr.out_avals)
    ny = n_out - nk
    # outputs (carry, ys, t_carry, t_ys) -> (carry, kept t_carry, ys, t_ys)
    keep_t = [i for i, t in enumerate(tk) if t is not None]
    out_order = (list(range(nk)) + [n_out + i for i in keep_t] + list(range(nk, n_out))
                 + list(range(n_out + nk, 2 * n_out)))
    body = permute(jj, order, out_order)
    args = [p for p in primals[:nc]] + [t for t in tc if t is not None] + \
        list(primals[nc:nc + nk]) + [t for t in tk if t is not None] + \
        list(primals[nc + nk:]) + [t for t in tx if t is not None]
    out = scan_p.bind(*args, jaxpr=body, num_consts=nc + nzc, num_carry=nk + len(keep_t),
                      length=length, reverse=reverse)
    carry, tcarry = out[:nk], out[nk:nk + len(keep_t)]
    rest = out[nk + len(keep_t):]
    ys, tys = rest[:ny], rest[ny:]
    it = iter(tcarry)
    tcarry_full = [next(it) if t is not None else None for t in tk]
    return list(carry) + list(ys), tcarry_full + list(tys)


class _ScanSplit:
    __slots__ = ("fwd", "bwd", "n_out", "const_res", "n_stacked")


def _scan_split(jaxpr, num_consts, num_carry):
    """Forward body (consts, carry, x) -> (carry, y, stacked residuals) and a
    backward body for the opposite-direction scan: consts = residuals that are
    loop constants (kept once, not stacked per step), carry = (ct_consts_acc,
    ct_carry), xs = (stacked residuals, ct_y) -> (ct_consts_acc', ct_carry_prev, ct_x)."""
    def build():
        s = jt.vjp_split(jaxpr)
        ins = jaxpr.in_avals
        nc, nk = num_consts, num_carry
        fj = s.fwd.jaxpr
        res_vars = fj.outvars[s.n_out:]
        const_pos = {v: j for j, v in enumerate(fj.invars[:nc])}
        kinds = [const_pos.get(v) for v in res_vars]      # const index or None
        stacked = [k for k, c in enumerate(kinds) if c is None]
        const_res = [c for c in kinds if c is not None]
        fwd = ClosedJaxpr(Jaxpr(fj.constvars, fj.invars,
                                list(fj.outvars[:s.n_out]) + [res_vars[k] for k in stacked],
                                fj.eqns), s.fwd.consts)
        res_avals = [v.aval for v in res_vars]
        ct_out = [a.strip_weak() for a in jaxpr.out_avals]
        ncr = len(const_res)

        def bwd(*args):
            cres, acc, ctk, rest = split_list(args, [ncr, nc, nk])
            sres, cty = rest[:len(stacked)], rest[len(stacked):]
            it_c, it_s = iter(cres), iter(sres)
            res = [next(it_s) if c is None else next(it_c) for c in kinds]
            in_cts = run_jaxpr(s.bwd, *res, *ctk, *cty)
            cc, ck, cx = split_list(in_cts, [nc, nk])
            acc = [ew.add(a, c) for a, c in zip(acc, cc)]
            return acc + ck + cx
        b = trace(bwd, [ins[j] for j in const_res] + [a.strip_weak() for a in ins[:nc]]
                  + ct_out[:nk] + [res_avals[k] for k in stacked] + ct_out[nk:], "scan_bwd")
        sp = _ScanSplit()
        sp.fwd, sp.bwd, sp.n_out, sp.const_res, sp.n_stacked = fwd, b, s.n_out, const_res, \
            len(stacked)
        return sp
    return jt._cached("scan_vjp", jaxpr, (num_consts, num_carry), build)


def _scan_vjp_fwd(*args, jaxpr, num_consts, num_carry, length, reverse):
    sp = _scan_split(jaxpr, num_consts, num_carry)
    out = scan_p.bind(*args, jaxpr=sp.fwd, num_consts=num_consts, num_carry=num_carry,
                      length=length, reverse=reverse)
    return out[:sp.n_out], [args[j] for j in sp.const_res] + list(out[sp.n_out:])


def _scan_vjp(ct, res, out, needs, jaxpr, num_consts, num_carry, length, reverse):
    sp = _scan_split(jaxpr, num_consts, num_carry)
    nc, nk = num_consts, num_carry
    out_avals = _scan_abstract(*jaxpr.in_avals, jaxpr=jaxpr, num_consts=nc, num_carry=nk,
                               length=length, reverse=reverse)
    cts = instantiate_cts(ct, [a.strip_weak() for a in out_avals])
    like = U.backend_ref(cts, res)
    acc0 = [zero(a.strip_weak(), like) for a in jaxpr.in_avals[:nc]]
    ncr = len(sp.const_res)
    r = scan_p.bind(*res[:ncr], *acc0, *cts[:nk], *res[ncr:], *cts[nk:], jaxpr=sp.bwd,
                    num_consts=ncr, num_carry=nc + nk, length=length, reverse=not reverse)
    fl = floats(jaxpr.in_avals)
    return [c if n and f else None for c, n, f in zip(r, needs, fl)]


def _scan_batch(vals, dims, jaxpr, num_consts, num_carry, length, reverse):
    size = U.batch_size(vals, dims)
    nc, nk = num_consts, num_carry
    consts, carry, xs = split_list(vals, [nc, nk])
    dc, dk, dx = split_list(dims, [nc, nk])
    consts, dc = jt.to_front(consts, dc, size)
    carry, dk = jt.to_front(carry, dk, size, force=True)
    # xs: the scanned axis stays at 0, the batch axis goes to 1
    nxs, ndx = [], []
    for x, d in zip(xs, dx):
        if d is None:
            nxs.append(x)
            ndx.append(None)
        else:
            nxs.append(U.moveaxis(x, d, 1))
            ndx.append(0)
    body = jt.batch_jaxpr(jaxpr, dc + dk + ndx, size)
    out = scan_p.bind(*consts, *carry, *nxs, jaxpr=body, num_consts=nc, num_carry=nk,
                      length=length, reverse=reverse)
    return out, [0] * nk + [1] * (len(out) - nk)


scan_p = defprim("scan", impl=_scan_impl, abstract=_scan_abstract, jvp=_scan_jvp,
                 vjp_fwd=_scan_vjp_fwd, vjp=_scan_vjp, batch=_scan_batch,
                 multiple_results=True, higher_order=True)
