"""The ``while`` primitive and its reverse mode (``while_rev_fwd`` / ``while_rev_bwd``).

Inputs of ``while``: cond consts, body consts, carries.  The trip count is
known only at run time, so reverse mode works on a tape recorded by the
forward run: ``while``'s vjp_fwd binds ``while_rev_fwd``, which returns the
final carries and a WhileTape (an opaque 0-d object value in the jaxpr)
holding the trip count and, per step, the residuals of the body's forward
jaxpr -- or, with ``checkpoint_every=k``, only every k-th carry (the backward
recomputes each k-step segment, so memory is O(k + n/k) carries instead of
O(n) residual sets).  ``while_rev_bwd`` walks the tape backwards running the
body's backward jaxpr.
"""
import threading

import numpy as np

from ..core import dtypes
from ..core.ir import ShapedArray
from ..core.trace import Tracer, concrete_value
from ..core.tracing import JaxprTracer
from ..core.primitive import defprim
from ..primitives import _util as U
from ..primitives import elementwise as ew
from ..primitives import reductions as red
from ..primitives import shape as shp
from ..transforms import jaxpr_transforms as jt
from ..transforms.batching import BatchTracer
from ._util import (floats, get_plan, instantiate_cts, order_pairs, pad_inputs, permute,
                    run_jaxpr, split_list, trace, zero)

TAPE_AVAL = ShapedArray((), np.dtype(object))


class WhileTape:
    """What the forward of a differentiated while loop leaves for the backward."""
    shape = ()
    dtype = np.dtype(object)
    ndim = 0

    def __init__(self, split, bconsts, every, shape=()):
        self.shape = shape    # (lanes,) when recorded for a vmapped loop
        self.split, self.bconsts, self.every = split, bconsts, every
        self.n = 0
        self.residuals = []     # every step's residuals (every is None)
        self.checkpoints = []   # every k-th carry (every = k)

    def __repr__(self):
        return f"WhileTape(trips={self.n})"


def _while_impl(xp, *args, cond_jaxpr, body_jaxpr, cond_nconsts, body_nconsts,
                checkpoint_every):
    cc, bc, carry = split_list(args, [cond_nconsts, body_nconsts])
    cplan, bplan = get_plan(cond_jaxpr, xp), get_plan(body_jaxpr, xp)
    while U.read_predicate(cplan(*cc, *carry)[0], "while_loop"):
        carry = bplan(*bc, *carry)
    return carry


def _while_abstract(*avals, cond_jaxpr, body_jaxpr, cond_nconsts, body_nconsts,
                    checkpoint_every):
    return list(body_jaxpr.out_avals)


def _while_jvp(primals, tangents, cond_jaxpr, body_jaxpr, cond_nconsts, body_nconsts,
               checkpoint_every):
    ncc, nb = cond_nconsts, body_nconsts
    cc, bc, carry = split_list(primals, [ncc, nb])
    _, tb, tk = split_list(tangents, [ncc, nb])
    nk = len(carry)
    params = dict(cond_jaxpr=cond_jaxpr, body_jaxpr=body_jaxpr, cond_nconsts=ncc,
                  body_nconsts=nb, checkpoint_every=checkpoint_every)
    if all(t is None for t in tb + tk):
        return while_p.bind(*primals, **params), [None] * nk
    carry_avals = body_jaxpr.in_avals[nb:]
    like = U.backend_ref(primals)
    tk = [(t if t is not None else zero(a, like)) if f else None
          for t, a, f in zip(tk, carry_avals, floats(carry_avals))]
    keep = [i for i, t in enumerate(tk) if t is not None]
    nz = [t is not None for t in tb + tk]
    jj = jt.jvp_jaxpr(body_jaxpr, nz)
    nzb = sum(1 for t in tb if t is not None)
    body = permute(jj, order_pairs([nb, nk], [nzb, len(keep)]),
                   list(range(nk)) + [nk + i for i in keep])
    cond = pad_inputs(cond_jaxpr, after=[carry_avals[i] for i in keep])
    out = while_p.bind(*cc, *bc, *[t for t in tb if t is not None], *carry,
                       *[tk[i] for i in keep], cond_jaxpr=cond, body_jaxpr=body,
                       cond_nconsts=ncc, body_nconsts=nb + nzb,
                       checkpoint_every=checkpoint_every)
    it = iter(out[nk:])
    return out[:nk], [next(it) if t is not None else None for t in tk]


def _batched_loop(cond_jaxpr, body_jaxpr, ncc, nb, dcc, dbc, size):
    """cond/body jaxprs for a loop whose carries are all batched at 0: the loop
    runs while any lane's predicate holds; finished lanes keep their carry."""
    nk = len(body_jaxpr.out_avals)

    def build():
        bcj = jt.batch_jaxpr(cond_jaxpr, list(dcc) + [0] * nk, size)
        bbj = jt.batch_jaxpr(body_jaxpr, list(dbc) + [0] * nk, size)
        cc_avals = bcj.in_avals[:ncc]
        carry_avals = bcj.in_avals[ncc:]
        bc_avals = bbj.in_avals[:nb]

        def any_lane(p):
            return ew.gt(red.reduce_max(ew.convert_element_type(p, np.int32), (0,)),
                         np.int32(0))

        def cond(*args):
            return [any_lane(run_jaxpr(bcj, *args)[0])]

        def body(*args):
            cc, bc, carry = split_list(args, [ncc, nb])
            p = run_jaxpr(bcj, *cc, *carry)[0]
            new = run_jaxpr(bbj, *bc, *carry)
            outs = []
            for n, o in zip(new, carry):
                nd = U.aval(o).ndim
                outs.append(ew.select(shp.reshape(p, (size,) + (1,) * (nd - 1)), n, o))
            return outs
        c = trace(cond, list(cc_avals) + list(carry_avals), "while_cond_batched")
        b = trace(body, list(cc_avals) + list(bc_avals) + list(carry_avals),
                  "while_body_batched")
        return c, b
    return jt._cached("while_batch", body_jaxpr, (id(cond_jaxpr), tuple(dcc), tuple(dbc),
                                                  size), build)


def _while_batch_common(prim, vals, dims, cond_jaxpr, body_jaxpr, cond_nconsts,
                        body_nconsts, checkpoint_every, force_consts=False, **extra):
    size = U.batch_size(vals, dims)
    ncc, nb = cond_nconsts, body_nconsts
    cc, bc, carry = split_list(vals, [ncc, nb])
    dcc, dbc, dk = split_list(dims, [ncc, nb])
    cc, dcc = jt.to_front(cc, dcc, size, force_consts)
    bc, dbc = jt.to_front(bc, dbc, size, force_consts)
    carry, _ = jt.to_front(carry, dk, size, force=True)
    c, b = _batched_loop(cond_jaxpr, body_jaxpr, ncc, nb, dcc, dbc, size)
    out = prim.bind(*cc, *cc, *bc, *carry, cond_jaxpr=c, body_jaxpr=b, cond_nconsts=ncc,
                    body_nconsts=ncc + nb, checkpoint_every=checkpoint_every, **extra)
    return out


def _while_batch(vals, dims, **params):
    out = _while_batch_common(while_p, vals, dims, **params)
    return out, [0] * len(out)


# ------------------------------------------------------------- reverse mode

def _rev_fwd_impl(xp, *args, cond_jaxpr, body_jaxpr, cond_nconsts, body_nconsts,
                  checkpoint_every, tape_shape=()):
    cc, bc, carry = split_list(args, [cond_nconsts, body_nconsts])
    split = jt.vjp_split(body_jaxpr)
    nk = split.n_out
    cplan = get_plan(cond_jaxpr, xp)
    tape = WhileTape(split, bc, checkpoint_every, tape_shape)
    n = 0
    if checkpoint_every is None:
        fplan = get_plan(split.fwd, xp)
        while U.read_predicate(cplan(*cc, *carry)[0], "while_loop"):
            out = fplan(*bc, *carry)
            carry = out[:nk]
            tape.residuals.append(out[nk:])
            n += 1
    else:
        bplan = get_plan(body_jaxpr, xp)
        while U.read_predicate(cplan(*cc, *carry)[0], "while_loop"):
            if n % checkpoint_every == 0:
                tape.checkpoints.append(carry)
            carry = bplan(*bc, *carry)
            n += 1
    tape.n = n
    return list(carry) + [tape]


def _rev_fwd_abstract(*avals, body_jaxpr, tape_shape=(), **params):
    return list(body_jaxpr.out_avals) + [TAPE_AVAL.update(shape=tape_shape)]


def _lanes_bwd(split, ct_lanes):
    """The backward jaxpr with its cotangent inputs batched (leading lanes), residuals not."""
    j = split.bwd
    n_res = len(j.in_avals) - split.n_out
    for size in reversed(ct_lanes):
        j = jt.batch_jaxpr(j, [None] * n_res + [0] * split.n_out, size)
    return j


def _rev_bwd_impl(xp, tape, *cts, in_avals, ct_lanes=()):
    split = tape.split
    nb = len(tape.bconsts)
    bplan = get_plan(_lanes_bwd(split, ct_lanes) if ct_lanes else split.bwd, xp)
    acc = [None] * nb
    in_avals = list(in_avals)
    body_avals = in_avals[len(in_avals) - nb - len(cts):]
    ct = list(cts)

    def step(res):
        nonlocal ct
        r = bplan(*res, *ct)
        for i in range(nb):
            acc[i] = r[i] if acc[i] is None else acc[i] + r[i]
        ct = r[nb:]

    if tape.every is None:
        for res in reversed(tape.residuals):
            step(res)
    else:
        fplan, nk, k = get_plan(split.fwd, xp), split.n_out, tape.every
        for s in range(len(tape.checkpoints) - 1, -1, -1):
            carry, seg = tape.checkpoints[s], []
            for _ in range(min(k, tape.n - s * k)):   # recompute this segment
                out = fplan(*tape.bconsts, *carry)
                carry = out[:nk]
                seg.append(out[nk:])
            for res in reversed(seg):
                step(res)
    acc = [xp.zeros(a.shape, a.dtype) if c is None else c for c, a in zip(acc, body_avals[:nb])]
    # in_avals = (cond consts, body consts, carries); the tape's body may cover
    # only the body consts (unbatched loop): cond consts get zero cotangents
    lead = [xp.zeros(a.shape, a.dtype) for a in in_avals[:len(in_avals) - nb - len(ct)]]
    return lead + acc + list(ct)


def _rev_bwd_abstract(tape, *cts, in_avals, ct_lanes=()):
    return [a.strip_weak() for a in in_avals]


def _no_higher(name):
    def rule(*a, **k):
        raise NotImplementedError(
            f"{name}: a lax.while_loop's reverse pass was recorded where no enclosing "
            f"derivative could see it (inside jit(grad(f)), or a vjp function taken under "
            f"jit) and is now differentiated again; its recorded tape has no derivative. "
            f"Put jit outside every derivative (jit(grad(grad(f))), vmap(grad(grad(f))) "
            f"and jit(jacfwd(grad(f))) work), or loop with lax.fori_loop over static "
            f"bounds or lax.scan")
    return rule


def _rev_fwd_batch(vals, dims, **params):
    # every input batched: the tape then records the per-lane (frozen) loop
    # the tape gets a leading "lanes" axis in its aval so that the backward's
    # batch rule sees it batched and knows the lane count, even under jit
    shape = params.pop("tape_shape", ())
    size = U.batch_size(vals, dims)
    out = _while_batch_common(while_rev_fwd_p, vals, dims, force_consts=True,
                              tape_shape=(size,) + tuple(shape), **params)
    return out, [0] * len(out)


def _rev_bwd_batch(vals, dims, in_avals, ct_lanes=()):
    tape, cts = vals[0], vals[1:]
    if dims[0] is None:
        # one recorded loop, many cotangents (jacrev / vmap over vjp): the tape
        # stays shared and the backward jaxpr runs batched over the cotangents
        size = U.batch_size(cts, dims[1:])
        lanes = (size,) + tuple(ct_lanes)
    else:
        if ct_lanes:
            raise NotImplementedError("while_loop reverse mode: a vmapped loop under a "
                                      "vmap over its cotangents is not supported")
        size = U.aval(tape).shape[dims[0]]
        lanes = ()
    cts, _ = jt.to_front(cts, dims[1:], size, force=True)
    avals = tuple(ShapedArray((size,) + a.shape, a.dtype) for a in in_avals)
    out = while_rev_bwd_p.bind(tape, *cts, in_avals=avals, ct_lanes=lanes)
    return out, [0] * len(out)


def _unrolled_fwd(ins, cond_jaxpr, body_jaxpr, cond_nconsts, body_nconsts):
    """The forward of a loop whose inputs an enclosing transform traces (grad of
    grad, jacfwd of grad) but whose predicate is concrete: run it step by step in
    Python, each step the body's forward jaxpr on the traced values, so the
    enclosing transform records every step (its derivative is then the
    primitives' own).  None when the predicate is abstract (jit) or batched."""
    cc, bc, carry = split_list(ins, [cond_nconsts, body_nconsts])
    split = jt.vjp_split(body_jaxpr)
    nk, res, n = split.n_out, [], 0
    while True:
        p = concrete_value(run_jaxpr(cond_jaxpr, *cc, *carry)[0])
        if p is None or getattr(p, "shape", ()) != ():
            if n == 0:
                return None
            raise ValueError("while_loop: the predicate became abstract mid-loop")
        if not U.read_predicate(p, "while_loop"):
            break
        out = run_jaxpr(split.fwd, *bc, *carry)
        carry, n = out[:nk], n + 1
        res += out[nk:]
    return list(carry), [np.asarray(n, np.int64)] + res


def _while_vjp_fwd(*ins, **params):
    if any(isinstance(x, Tracer) for x in ins):
        un = _unrolled_fwd(ins, params["cond_jaxpr"], params["body_jaxpr"],
                           params["cond_nconsts"], params["body_nconsts"])
        if un is not None:
            return un
        if _nestable.depth or _differentiated(ins):
            return _recompute_fwd(ins, params)
    out = while_rev_fwd_p.bind(*ins, **params)
    return out[:-1], [out[-1]]


def _unrolled_vjp(cts, res, needs, body_jaxpr, cond_nconsts, body_nconsts):
    split = jt.vjp_split(body_jaxpr)
    n, steps = int(res[0]), res[1:]
    per = len(steps) // n if n else 0
    nb = body_nconsts
    acc = [None] * nb
    ct = list(cts)
    for i in range(n - 1, -1, -1):
        r = run_jaxpr(split.bwd, *steps[i * per:(i + 1) * per], *ct)
        acc = [a if c is None else (c if a is None else ew.add(a, c))
               for a, c in zip(acc, r[:nb])]
        ct = r[nb:]
    fl = floats(body_jaxpr.in_avals)
    return [None] * cond_nconsts + [c if nd and f else None for c, nd, f in
                                    zip(acc + ct, needs[cond_nconsts:], fl)]


def _while_vjp(ct, res, out, needs, cond_jaxpr, body_jaxpr, cond_nconsts, body_nconsts,
               checkpoint_every):
    cts = instantiate_cts(ct, [a.strip_weak() for a in body_jaxpr.out_avals])
    if res[0] is _RECOMPUTE:
        return _recompute_vjp(cts, res[1:], needs, body_jaxpr, cond_nconsts, body_nconsts)
    if U.aval(res[0]).dtype != object:     # the unrolled forward's residuals
        return _unrolled_vjp(cts, res, needs, body_jaxpr, cond_nconsts, body_nconsts)
    avals = tuple(cond_jaxpr.in_avals[:cond_nconsts]) + tuple(body_jaxpr.in_avals)
    r = while_rev_bwd_p.bind(res[0], *cts, in_avals=avals)
    fl = floats(avals)
    return [None] * cond_nconsts + [c if n and f else None for c, n, f in
                                    zip(r[cond_nconsts:], needs[cond_nconsts:],
                                        fl[cond_nconsts:])]


# --------------------------------------- reverse mode that can be differentiated again
# Where an enclosing transform differentiates the loop's inputs and the predicate
# is not concrete (grad of grad under jit or vmap, jacfwd of grad under jit), the
# opaque tape above cannot be differentiated.  Then the forward keeps only the
# trip count n and the initial carry, and the backward is itself a while loop
# over i = n-1 .. 0 whose body recomputes carry_i from the initial carry (an
# inner while loop) and applies the body's vjp there: built from while_p and
# the body's own primitives, it has every rule, so it nests to any order
# (O(n^2) body evaluations, against O(n) for the tape).

_RECOMPUTE = object()   # first residual: marks the recomputing forward's residuals


class _Nestable(threading.local):
    depth = 0   # > 0 while a backward loop's body is split: loops in it take this path


_nestable = _Nestable()


def _nestable_split(body_jaxpr):
    """The body's vjp split with every while loop in it reversed by recomputation,
    so the backward loop built from it can be differentiated again (third order)."""
    def build():
        _nestable.depth += 1
        try:
            return jt._build_vjp(body_jaxpr)
        finally:
            _nestable.depth -= 1
    return jt._cached("vjp_nestable", body_jaxpr, None, build)


def _differentiated(ins):
    """Whether a jvp/grad (or any trace other than jit's and vmap's) owns one of
    the values, at any level: then the reverse mode must be differentiable."""
    for x in ins:
        while isinstance(x, Tracer):
            if isinstance(x, BatchTracer):
                x = x.val
            elif isinstance(x, JaxprTracer):
                break
            else:
                return True
    return False


def _index_dtype():
    return np.dtype(np.int64 if dtypes.X64 else np.int32)


def _counted(body_jaxpr, nb):
    """The body carrying a step counter k first, and the cond ``k < j`` that
    stops it after j steps (j its one const)."""
    def build():
        nk = len(body_jaxpr.out_avals)
        kav = ShapedArray((), _index_dtype())
        carry_avals = [a.strip_weak() for a in body_jaxpr.in_avals[nb:]]

        def body(*args):
            bc, (k, *carry) = args[:nb], args[nb:]
            return [ew.add(k, np.asarray(1, kav.dtype))] + list(run_jaxpr(body_jaxpr, *bc,
                                                                          *carry))[:nk]

        def upto(j, k, *carry):
            return [ew.lt(k, j)]
        b = trace(body, list(body_jaxpr.in_avals[:nb]) + [kav] + carry_avals,
                  "while_body_counted")
        return b, trace(upto, [kav, kav] + carry_avals, "while_cond_upto")
    return jt._cached("while_counted", body_jaxpr, nb, build)


def _counted_cond(cond_jaxpr, ncc):
    """The cond of the counted loop: the user's, ignoring the counter."""
    def build():
        def cond(*args):
            cc, (_, *carry) = args[:ncc], args[ncc:]
            return run_jaxpr(cond_jaxpr, *cc, *carry)
        avals = list(cond_jaxpr.in_avals)
        kav = ShapedArray((), _index_dtype())
        return trace(cond, avals[:ncc] + [kav] + avals[ncc:], "while_cond_counted")
    return jt._cached("while_counted_cond", cond_jaxpr, ncc, build)


def _recompute_fwd(ins, params):
    ncc, nb = params["cond_nconsts"], params["body_nconsts"]
    cc, bc, carry = split_list(ins, [ncc, nb])
    b, _ = _counted(params["body_jaxpr"], nb)
    c = _counted_cond(params["cond_jaxpr"], ncc)
    out = while_p.bind(*cc, *bc, np.asarray(0, _index_dtype()), *carry, cond_jaxpr=c,
                       body_jaxpr=b, cond_nconsts=ncc, body_nconsts=nb,
                       checkpoint_every=None)
    return out[1:], [_RECOMPUTE, out[0]] + bc + carry


def _backward_loop(body_jaxpr, nb):
    """(cond, body) of the backward loop; body consts (bc, carry0), carries
    (i, cts of the carries, accumulated cts of bc)."""
    def build():
        split = _nestable_split(body_jaxpr)
        nk = split.n_out
        kav = ShapedArray((), _index_dtype())
        bc_avals = [a.strip_weak() for a in body_jaxpr.in_avals[:nb]]
        carry_avals = [a.strip_weak() for a in body_jaxpr.in_avals[nb:]]
        counted, upto = _counted(body_jaxpr, nb)

        def cond(i, *rest):
            return [ew.gt(i, np.asarray(0, kav.dtype))]

        def body(*args):
            bc, carry0, (i, *rest) = split_list(args, [nb, nk])
            ct, acc = rest[:nk], rest[nk:]
            j = ew.sub(i, np.asarray(1, kav.dtype))
            carry = while_p.bind(j, *bc, np.asarray(0, kav.dtype), *carry0, cond_jaxpr=upto,
                                 body_jaxpr=counted, cond_nconsts=1, body_nconsts=nb,
                                 checkpoint_every=None)[1:]
            res = run_jaxpr(split.fwd, *bc, *carry)[nk:]
            r = run_jaxpr(split.bwd, *res, *ct)
            return [j] + list(r[nb:]) + [ew.add(a, g) for a, g in zip(acc, r[:nb])]
        c = trace(cond, [kav] + carry_avals + bc_avals, "while_bwd_cond")
        b = trace(body, bc_avals + carry_avals + [kav] + carry_avals + bc_avals,
                  "while_bwd_body")
        return c, b
    return jt._cached("while_bwd_loop", body_jaxpr, nb, build)


def _recompute_vjp(cts, res, needs, body_jaxpr, cond_nconsts, body_nconsts):
    nb = body_nconsts
    n, bc, carry0 = res[0], res[1:1 + nb], res[1 + nb:]
    c, b = _backward_loop(body_jaxpr, nb)
    like = U.backend_ref(cts)
    acc0 = [zero(a.strip_weak(), like) for a in body_jaxpr.in_avals[:nb]]
    out = while_p.bind(*bc, *carry0, n, *cts, *acc0, cond_jaxpr=c, body_jaxpr=b,
                       cond_nconsts=0, body_nconsts=nb + len(carry0), checkpoint_every=None)
    nk = len(cts)
    ct, acc = out[1:1 + nk], out[1 + nk:]
    fl = floats(body_jaxpr.in_avals)
    return [None] * cond_nconsts + [c if nd and f else None for c, nd, f in
                                    zip(acc + ct, needs[cond_nconsts:], fl)]


while_p = defprim("while", impl=_while_impl, abstract=_while_abstract, jvp=_while_jvp,
                  vjp_fwd=_while_vjp_fwd, vjp=_while_vjp, batch=_while_batch,
                  multiple_results=True, higher_order=True)
# the reverse-mode pair: their derivative rules raise with the way out (they run
# only where the loop's inputs are not traced by an enclosing transform, or
# under jit; grad of grad outside jit takes the unrolled path above instead)
while_rev_fwd_p = defprim("while_rev_fwd", impl=_rev_fwd_impl, abstract=_rev_fwd_abstract,
                          jvp=_no_higher("while_rev_fwd"), vjp=_no_higher("while_rev_fwd"),
                          batch=_rev_fwd_batch, multiple_results=True, higher_order=True,
                          no_fold=True)
while_rev_bwd_p = defprim("while_rev_bwd", impl=_rev_bwd_impl, abstract=_rev_bwd_abstract,
                          jvp=_no_higher("while_rev_bwd"), vjp=_no_higher("while_rev_bwd"),
                          batch=_rev_bwd_batch, multiple_results=True, higher_order=True,
                          no_fold=True)
