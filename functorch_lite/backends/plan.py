"""A compiled plan: a jaxpr flattened into a list of kernel calls on slots.

``compile_plan(closed, xp)`` resolves every equation's kernel ahead of time
from what the primitive declares: its ``specialize`` hook's kernels for these
static shapes, else its bare backend ``ufunc``, else ``prim.impl`` with ``xp``
and the params bound.  It numbers every value with a slot index, frees each
slot after its last use, and hands buffers that died to later kernels taking
an ``out`` buffer (ufuncs, matmuls) of the same shape and dtype, so the hot
loop allocates less.  Running a plan is one generated straight-line function.

Buffer aliasing: only "fresh" kernels (ufuncs, matmul) are known to return a
new array; any other kernel's output is assumed to alias all its inputs (a
reshape or transpose returns a view), so a buffer is reused only once every
slot that may view it is dead.  Arguments and constants are never written.
"""
import functools
from typing import Any

import numpy as np

from ..core.ir import Literal
from . import fusion


def _specialized(xp, eqn):
    """The primitive's own plan-time kernels for these static shapes, or (None, None)."""
    hook = eqn.primitive.specialize
    if hook is None:
        return None, None
    got = hook(xp, [v.aval for v in eqn.invars], [v.aval for v in eqn.outvars], **eqn.params)
    return got if got is not None else (None, None)


def _kernel(xp, eqn, special):
    """The function a step calls: the bare ufunc where one does the job."""
    if isinstance(eqn, fusion.FusedGroup):
        return eqn.kernel
    if special[0] is not None:
        return special[0]
    prim = eqn.primitive
    if prim.ufunc is not None and not eqn.params:
        return getattr(xp, prim.ufunc)
    return (functools.partial(prim.impl, xp, **eqn.params) if eqn.params
            else functools.partial(prim.impl, xp))


_positional_out: dict[Any, Any] = {}   # ufunc -> does it take its out buffer positionally?


def _takes_positional_out(xp, uf, nin):
    """Probed once per ufunc: NumPy deprecates a positional out for some
    (maximum, minimum); those get out= by keyword through a small wrapper."""
    hit = _positional_out.get(uf)
    if hit is None:
        import warnings
        a = xp.ones(1, dtype=np.float64)
        with warnings.catch_warnings():
            warnings.simplefilter("error", DeprecationWarning)
            try:
                uf(*([a] * nin), xp.empty(1, dtype=np.float64))
                hit = True
            except DeprecationWarning:
                hit = False
        _positional_out[uf] = hit
    return hit


def _out_kernel(xp, eqn, special):
    """(kernel taking a trailing out buffer, elementwise?) or (None, False).
    Elementwise kernels (a ufunc or a C expression per element) may write into a
    dying input's buffer; others (matmul) only into a dead one."""
    if isinstance(eqn, fusion.FusedGroup):
        return (eqn.out_kernel, True) if eqn.out_kernel is not None else (None, False)
    prim = eqn.primitive
    elementwise = prim.ufunc is not None or prim.c_expr is not None
    if special[1] is not None:
        return special[1], elementwise
    if prim.ufunc is not None and not eqn.params:
        uf = getattr(xp, prim.ufunc)
        n = len(eqn.invars)
        if not _takes_positional_out(xp, uf, n):
            return (lambda *a: uf(*a[:n], out=a[n])), True
        return uf, True
    return None, False


class Plan:
    __slots__ = ("steps", "template", "in_slots", "out_slots", "n_in", "jaxpr", "copy_outs",
                 "run")

    def __call__(self, *args):
        return self.run(*args)


def place_consts(closed, xp):
    """The jaxpr with its host constants made on ``xp``'s device, once, at compile time.

    Tracing turns values built from nothing (zeros, ones, masks) into host
    constants.  A uniform one is filled in on the device (a kernel, no copy);
    any other (an index array the user's code built) is copied over once here,
    which ``transfer_guard`` checks, and then lives with the cached plan."""
    from . import check_transfer
    from ..core.ir import ClosedJaxpr
    consts = []
    for c in closed.consts:
        if type(c) is np.ndarray:
            flat = c.reshape(-1)
            if c.size == 0 or (flat == flat[0]).all():
                c = xp.full(c.shape, flat[0] if c.size else 0, dtype=c.dtype)
            else:
                check_transfer(f"a jit constant of shape {c.shape} ({c.dtype}) built on the host")
                c = xp.from_host(c)
        consts.append(c)
    return ClosedJaxpr(closed.jaxpr, consts)


HOT_CALLS = 2   # a host plan is fused when it is called for the HOT_CALLS-th time


def compile_plan(closed, xp=np, reuse=True, fuse=None):
    """The plan running ``closed`` on namespace ``xp``.

    fuse: None (default) fuses when ``fusion.enabled(xp)``; on the host (generated C,
    a compiler run) only once the plan is called for the ``HOT_CALLS``-th time, so a
    function jitted and called once never pays a compile.  True: fuse now (when
    enabled); False: never."""
    if fuse is None and xp is np and fusion.enabled(xp):
        return _lazily_fused(closed, xp, reuse)
    return _compile(closed, xp, reuse, bool(fuse is not False and fusion.enabled(xp)))


def _lazily_fused(closed, xp, reuse):
    """The unfused plan, whose ``run`` switches to the fused plan's on the
    HOT_CALLS-th call.  A failed build (no usable compiler, an unwritable cache
    directory, a cffi error) keeps the unfused plan, with a RuntimeWarning."""
    p = _compile(closed, xp, reuse, False)
    plain = p.run
    calls = [0]

    def counting(*args):
        calls[0] += 1
        if calls[0] >= HOT_CALLS:
            try:
                fused = _compile(closed, xp, reuse, True)
                box[0] = fused.run
                p.steps = fused.steps
            except Exception as e:  # noqa: BLE001 - compiler, cache dir, cffi: run unfused
                import warnings
                warnings.warn(f"jit: CPU fusion failed, running unfused: {e}", RuntimeWarning,
                              stacklevel=2)
                box[0] = plain
        return plain(*args)
    box = [counting]

    def run(*args):
        return box[0](*args)
    p.run = run
    return p


def _compile(closed, xp, reuse, fuse):
    jaxpr = closed.jaxpr
    slot = {}
    template = []

    def new_slot(v, val=None):
        slot[v] = len(template)
        template.append(val)
        return slot[v]

    for v, c in zip(jaxpr.constvars, closed.consts):
        new_slot(v, c)
    in_slots = [new_slot(v) for v in jaxpr.invars]
    pinned = set(range(len(template)))   # arguments and constants: never written

    def slot_of(v):
        if isinstance(v, Literal):
            s = len(template)
            val = v.val
            if xp is not np and type(val) is np.ndarray:   # a scalar goes to any device
                val = val[()]
            template.append(val)
            pinned.add(s)
            return s
        return slot[v]

    # the steps: equations, or fused elementwise groups
    items = fusion.group_eqns(jaxpr, xp) if fuse else jaxpr.eqns

    # last use of every var (outputs live forever)
    last = {}
    for i, eqn in enumerate(items):
        for v in eqn.invars:
            if not isinstance(v, Literal):
                last[v] = i
    outset = {v for v in jaxpr.outvars if not isinstance(v, Literal)}

    raw = []           # (fn, ins, outs(list), multi, dying slots, out kernel info)
    refs = {}          # slot -> set of buffer ids it may view
    owner = {}         # bid -> slot holding the array object
    bid_aval = {}
    bid_count = {}     # bid -> number of live slots referencing it
    pool = {}          # (shape, dtype) -> [bid, ...] dead owned buffers
    reuse_at = {}      # owner slot -> step index where its buffer gets reused
    bid_death = {}     # bid -> step index where it died
    next_bid = [0]

    def release(s, step):
        for b in refs.pop(s, ()):
            bid_count[b] -= 1
            if bid_count[b] == 0:
                bid_death[b] = step
                a = bid_aval[b]
                pool.setdefault((a.shape, a.dtype), []).append(b)

    for i, eqn in enumerate(items):
        prim = eqn.primitive
        ins = tuple(slot_of(v) for v in eqn.invars)
        special = (None, None) if isinstance(eqn, fusion.FusedGroup) else _specialized(xp, eqn)
        kern = _kernel(xp, eqn, special)
        outs = [new_slot(v) for v in eqn.outvars]
        dying = [slot[v] for v in dict.fromkeys(eqn.invars)
                 if not isinstance(v, Literal) and last.get(v) == i and v not in outset]
        okern, elementwise = _out_kernel(xp, eqn, special) if reuse else (None, False)
        oa = eqn.outvars[0].aval if eqn.outvars else None   # none: an effect (a print)
        view = set()     # buffers the inputs may view (read before they are released)
        for s in ins:
            view |= refs.get(s, set())
        buf = None
        if okern is not None and oa.ndim > 0 and not prim.multiple_results:
            if elementwise:   # in place on a dying input of the same shape/dtype
                for s in dying:
                    rs = refs.get(s, ())
                    if len(rs) == 1:
                        b = next(iter(rs))
                        if (bid_count[b] == 1 and owner[b] == s and bid_aval[b].shape == oa.shape
                                and bid_aval[b].dtype == oa.dtype):
                            buf = b
                            break
            if buf is None:
                cands = pool.get((oa.shape, oa.dtype))
                if cands:
                    buf = cands.pop()
                    reuse_at[owner[buf]] = i
        fresh = okern is not None and not prim.multiple_results
        if not fresh:     # outputs may view the inputs: count them before releasing
            for o in outs:
                refs[o] = set(view)
                for b in view:
                    bid_count[b] += 1
        for s in dying:
            release(s, i)
        if buf is not None and buf in bid_death and owner[buf] in dying:
            # in-place: the input's buffer just died at this step; take it out of the pool
            pool[(oa.shape, oa.dtype)].remove(buf)
            reuse_at[owner[buf]] = i
        buf_slot = owner[buf] if buf is not None else None
        if fresh:
            b = buf if buf is not None else next_bid[0]
            if buf is None:
                next_bid[0] += 1
            owner[b] = outs[0]
            bid_aval[b] = oa
            bid_count[b] = 1
            bid_death.pop(b, None)
            refs[outs[0]] = {b}
        for v, o in zip(eqn.outvars, outs):    # an output never read dies at once
            if v not in last and v not in outset:
                release(o, i)
        raw.append([kern, ins, outs, prim.multiple_results, dying, okern, buf_slot])

    # schedule frees: a reused owner slot is cleared where its buffer is taken
    # (it moves into the new output); any other slot right after its last use.
    frees = [[] for _ in raw]
    for i, (kern, ins, outs, multi, dying, okern, buf) in enumerate(raw):
        for s in dying:
            if s not in reuse_at:
                frees[i].append(s)
        for v, o in zip(items[i].outvars, outs):
            if v not in last and v not in outset and o not in reuse_at:
                frees[i].append(o)
    for s, i in reuse_at.items():
        frees[i].append(s)
    steps = []
    for i, (kern, ins, outs, multi, dying, okern, buf) in enumerate(raw):
        if buf is not None:
            fn, ins = okern, ins + (buf,)
        else:
            fn = kern
        out = tuple(outs) if multi else outs[0]
        steps.append((fn, ins, out, tuple(f for f in dict.fromkeys(frees[i])
                                           if f not in pinned)))
    p = Plan()
    p.steps = tuple(steps)
    p.template = template
    p.in_slots = tuple(in_slots)
    p.out_slots = tuple(slot_of(v) for v in jaxpr.outvars)
    p.n_in = len(in_slots)
    consts = pinned - set(in_slots)
    # constant outputs are copied (callers may write into them); scalars and
    # literals are immutable and have no .copy to call
    p.copy_outs = frozenset(k for k, s in enumerate(p.out_slots)
                            if s in consts and hasattr(template[s], "copy"))
    p.jaxpr = jaxpr
    p.run = _codegen(p, pinned)
    return p


def _codegen(p, pinned):
    """Straight-line Python for the plan: locals for slots, no interpretive loop."""
    g = {}
    for i in pinned:
        if i not in p.in_slots:
            g[f"s{i}"] = p.template[i]
    lines = [f"def _plan({', '.join(f's{i}' for i in p.in_slots)}):"]
    for k, (fn, ins, out, frees) in enumerate(p.steps):
        g[f"k{k}"] = fn
        call = f"k{k}({', '.join(f's{i}' for i in ins)})"
        if out.__class__ is int:
            lines.append(f"    s{out} = {call}")
        elif out:
            lines.append(f"    {', '.join(f's{o}' for o in out)}, = {call}")
        else:
            lines.append(f"    {call}")
        if frees:
            lines.append(f"    del {', '.join(f's{f}' for f in frees)}")
    outs = [f"s{i}.copy()" if k in p.copy_outs else f"s{i}" for k, i in enumerate(p.out_slots)]
    lines.append(f"    return [{', '.join(outs)}]")
    exec(compile("\n".join(lines), "<functorch_lite plan>", "exec"), g)  # noqa: S102
    return g["_plan"]


def guarded_plan(fast, exact, float_args):
    """``fast`` when the floating arguments are all finite, else ``exact``.

    The check is one BLAS dot per array (a finite sum of squares means no
    inf/nan; an overflowing sum just takes the exact path)."""
    import math
    isfinite, ndarray = math.isfinite, np.ndarray
    frun, erun = fast.run, exact.run
    idx = tuple(float_args)

    def run(*args):
        for i in idx:
            a = args[i]
            if a.__class__ is ndarray:
                if a.size > 1:
                    f = a.ravel()
                    if not isfinite(f.dot(f)):
                        return erun(*args)
                elif a.size == 1 and not isfinite(a.item()):
                    return erun(*args)
            elif not isfinite(a):
                return erun(*args)
        return frun(*args)

    p = Plan()
    for k in Plan.__slots__:
        if k != "run":
            setattr(p, k, getattr(fast, k))
    p.run = run
    return p
