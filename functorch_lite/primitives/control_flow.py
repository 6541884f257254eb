"""Control-flow primitives carrying sub-jaxprs: ``cond``, ``while``, ``scan``.

Sub-jaxprs take every value they read as an explicit input (``lax`` hoists
closed-over values), so cotangents reach closed-over variables.  Rules build
transformed sub-jaxprs (jvp / batched / forward+backward split) with the
helpers of ``transforms.jaxpr_transforms`` and bind the same primitive again.
These rules need the transforms package, which sits above primitives, hence
the function-level imports (the import direction stays one-way at load time).

Reverse mode of ``while``: its vjp_fwd binds ``while_rev_fwd``, which runs the
loop and returns the final carry plus an opaque *tape* (trip count, the
residuals of every step, or in the memory-bounded mode every k-th carry);
``while_rev_bwd`` walks the tape backwards running the body's backward jaxpr.
"""
import numpy as np

from ..core.ir import ClosedJaxpr, Jaxpr, ShapedArray, Var
from ..core.trace import Primitive
from . import _util as U
from . import elementwise as ew

HIGHER_ORDER = []   # control-flow primitives (not in REGISTRY: they carry jaxprs)


def _hprim(name, multiple_results=True):
    p = Primitive(name, multiple_results)
    HIGHER_ORDER.append(p)
    return p


def _jt():
    from ..transforms import jaxpr_transforms
    return jaxpr_transforms


def _run(closed, *args):
    from ..transforms.jit import run_jaxpr
    return run_jaxpr(closed, *args)


def _trace(fun, avals, name):
    from ..core.tracing import trace_to_jaxpr
    return trace_to_jaxpr(fun, list(avals), name)[0]


def permute(closed, in_order=None, out_order=None):
    """The same computation with its inputs / outputs reordered."""
    j = closed.jaxpr
    iv = j.invars if in_order is None else [j.invars[i] for i in in_order]
    ov = j.outvars if out_order is None else [j.outvars[i] for i in out_order]
    return ClosedJaxpr(Jaxpr(j.constvars, iv, ov, j.eqns), closed.consts)


def pad_inputs(closed, before=(), after=()):
    """Add unused inputs of the given avals before / after the existing ones."""
    j = closed.jaxpr
    iv = [Var(a) for a in before] + list(j.invars) + [Var(a) for a in after]
    return ClosedJaxpr(Jaxpr(j.constvars, iv, j.outvars, j.eqns), closed.consts)


def _floats(avals):
    return [np.dtype(a.dtype).kind in "fc" for a in avals]


def _zero(a, like=None):
    return U.full(a.shape, 0, a.dtype, like)


def _split_list(xs, ns):
    out, i = [], 0
    for n in ns:
        out.append(list(xs[i:i + n]))
        i += n
    out.append(list(xs[i:]))
    return out


def _order_pairs(groups, nz_groups):
    """Index order turning (g1, g2, ..., t1, t2, ...) into (g1, t1, g2, t2, ...)."""
    n_prim = sum(groups)
    order, p, t = [], 0, n_prim
    for g, tn in zip(groups, nz_groups):
        order += list(range(p, p + g)) + list(range(t, t + tn))
        p += g
        t += tn
    return order


# ===================================================================== cond

cond_p = _hprim("cond")


def _cond_impl(xp, pred, *ops, branches):
    return _run(branches[int(U.read_predicate(pred, "cond"))], *ops)


def _cond_abstract(pred, *ops, branches):
    return list(branches[0].out_avals)


def _cond_jvp(primals, tangents, branches):
    pred, ops = primals[0], primals[1:]
    nz = [t is not None for t in tangents[1:]]
    jt = _jt()
    new = tuple(jt.jvp_jaxpr(b, nz) for b in branches)
    out = cond_p.bind(pred, *ops, *[t for t in tangents[1:] if t is not None], branches=new)
    n = len(branches[0].out_avals)
    return out[:n], out[n:]


def _cond_fwd_branches(branches):
    jt = _jt()

    def build():
        splits = [jt.vjp_split(b) for b in branches]
        res_avals = [s.fwd.out_avals[s.n_out:] for s in splits]
        in_avals = branches[0].in_avals
        fwds, bwds = [], []
        ct_avals = [a.strip_weak() for a in branches[0].out_avals]
        all_res = [a for r in res_avals for a in r]
        for k, s in enumerate(splits):
            def fwd(*ops, s=s, k=k):
                r = _run(s.fwd, *ops)
                mine = iter(r[s.n_out:])
                res = [next(mine) if j == k else _zero(a, U.backend_ref(ops, r))
                       for j, ra in enumerate(res_avals) for a in ra]
                return list(r[:s.n_out]) + res

            def bwd(*args, s=s, k=k):
                res = _split_list(args[:len(all_res)], [len(r) for r in res_avals])[k]
                return _run(s.bwd, *res, *args[len(all_res):])
            fwds.append(_trace(fwd, in_avals, "cond_fwd"))
            bwds.append(_trace(bwd, all_res + ct_avals, "cond_bwd"))
        return tuple(fwds), tuple(bwds), splits[0].n_out
    return jt._cached("cond_vjp", branches[0], id(branches[1]), build)


def _cond_vjp_fwd(pred, *ops, branches):
    fwds, bwds, n_out = _cond_fwd_branches(branches)
    out = cond_p.bind(pred, *ops, branches=fwds)
    return out[:n_out], [pred] + list(out[n_out:])


def _cond_vjp(ct, res, out, needs, branches):
    fwds, bwds, n_out = _cond_fwd_branches(branches)
    from ..transforms.jit import instantiate_cts
    cts = instantiate_cts(ct, [a.strip_weak() for a in branches[0].out_avals])
    in_cts = cond_p.bind(res[0], *res[1:], *cts, branches=bwds)
    fl = _floats(branches[0].in_avals)
    return [None] + [c if n and f else None for c, n, f in zip(in_cts, needs[1:], fl)]


def _cond_batch(vals, dims, branches):
    jt = _jt()
    size = U.batch_size(vals, dims)
    pred, ops = vals[0], vals[1:]
    ops, od = jt.to_front(ops, dims[1:], size)
    bb = [jt.batch_jaxpr(b, od, size) for b in branches]
    if dims[0] is None:
        out = cond_p.bind(pred, *ops, branches=tuple(bb))
        return out, [0] * len(out)
    # a batched predicate: run both branches on every lane, then select per lane
    pred = U.moveaxis(pred, dims[0], 0)
    f_out, t_out = _run(bb[0], *ops), _run(bb[1], *ops)
    outs = []
    for f, t in zip(f_out, t_out):
        nd = U.aval(t).ndim
        p = U.shp.reshape(pred, (size,) + (1,) * (nd - 1))
        outs.append(ew.select(p, t, f))
    return outs, [0] * len(outs)


cond_p.impl, cond_p.abstract = _cond_impl, _cond_abstract
cond_p.jvp, cond_p.vjp_fwd, cond_p.vjp, cond_p.batch = (
    _cond_jvp, _cond_vjp_fwd, _cond_vjp, _cond_batch)


# ===================================================================== scan

scan_p = _hprim("scan")


def _scan_impl(xp, *args, jaxpr, num_consts, num_carry, length, reverse):
    from ..transforms.jit import get_plan
    consts, carry, xs = _split_list(args, [num_consts, num_carry])
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
    tc, tk, tx = _split_list(tangents, [nc, nk])
    carry_avals = jaxpr.in_avals[nc:nc + nk]
    fl = _floats(carry_avals)
    any_t = any(t is not None for t in tangents)
    # carries: instantiate every float tangent (the body may make a zero one nonzero)
    like = U.backend_ref(primals)
    tk = [(t if t is not None else _zero(a, like)) if f and any_t else None
          for t, a, f in zip(tk, carry_avals, fl)]
    nz = [t is not None for t in tc + tk + tx]
    jj = _jt().jvp_jaxpr(jaxpr, nz)
    nzc, nzk, nzx = (sum(1 for t in g if t is not None) for g in (tc, tk, tx))
    nx = len(jaxpr.in_avals) - nc - nk
    order = _order_pairs([nc, nk, nx], [nzc, nzk, nzx])
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
    jt = _jt()

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
            cres, acc, ctk, rest = _split_list(args, [ncr, nc, nk])
            sres, cty = rest[:len(stacked)], rest[len(stacked):]
            it_c, it_s = iter(cres), iter(sres)
            res = [next(it_s) if c is None else next(it_c) for c in kinds]
            in_cts = _run(s.bwd, *res, *ctk, *cty)
            cc, ck, cx = _split_list(in_cts, [nc, nk])
            acc = [ew.add(a, c) for a, c in zip(acc, cc)]
            return acc + ck + cx
        b = _trace(bwd, [ins[j] for j in const_res] + [a.strip_weak() for a in ins[:nc]]
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
    from ..transforms.jit import instantiate_cts
    nc, nk = num_consts, num_carry
    out_avals = _scan_abstract(*jaxpr.in_avals, jaxpr=jaxpr, num_consts=nc, num_carry=nk,
                               length=length, reverse=reverse)
    cts = instantiate_cts(ct, [a.strip_weak() for a in out_avals])
    like = U.backend_ref(cts, res)
    acc0 = [_zero(a.strip_weak(), like) for a in jaxpr.in_avals[:nc]]
    ncr = len(sp.const_res)
    r = scan_p.bind(*res[:ncr], *acc0, *cts[:nk], *res[ncr:], *cts[nk:], jaxpr=sp.bwd,
                    num_consts=ncr, num_carry=nc + nk, length=length, reverse=not reverse)
    fl = _floats(jaxpr.in_avals)
    return [c if n and f else None for c, n, f in zip(r, needs, fl)]


def _scan_batch(vals, dims, jaxpr, num_consts, num_carry, length, reverse):
    jt = _jt()
    size = U.batch_size(vals, dims)
    nc, nk = num_consts, num_carry
    consts, carry, xs = _split_list(vals, [nc, nk])
    dc, dk, dx = _split_list(dims, [nc, nk])
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


scan_p.impl, scan_p.abstract = _scan_impl, _scan_abstract
scan_p.jvp, scan_p.vjp_fwd, scan_p.vjp, scan_p.batch = (
    _scan_jvp, _scan_vjp_fwd, _scan_vjp, _scan_batch)

from ._while import while_p, while_rev_fwd_p, while_rev_bwd_p  # noqa: E402,F401
