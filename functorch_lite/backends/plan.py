"""A compiled plan: a jaxpr flattened into a list of kernel calls on slots.

``compile_plan(closed, xp)`` resolves every equation's kernel ahead of time
(``prim.impl`` with ``xp`` and the params bound), numbers every value with a
slot index, frees each slot after its last use, and hands buffers that died
to later elementwise ufuncs / matmuls of the same shape and dtype through
``out=`` so the hot loop allocates less.  Running a plan is one Python loop.

Buffer aliasing: only "fresh" kernels (ufuncs, matmul) are known to return a
new array; any other kernel's output is assumed to alias all its inputs (a
reshape or transpose returns a view), so a buffer is reused only once every
slot that may view it is dead.  Arguments and constants are never written.
"""
import functools

import numpy as np

from ..core.ir import Literal
from . import fusion

_UNARY = {"neg": "negative", "exp": "exp", "log": "log", "sin": "sin", "cos": "cos",
          "tanh": "tanh", "sqrt": "sqrt", "abs": "absolute", "sign": "sign"}
_BINARY = {"add": "add", "sub": "subtract", "mul": "multiply", "div": "true_divide",
           "pow": "power", "max": "maximum", "min": "minimum", "eq": "equal",
           "ne": "not_equal", "lt": "less", "le": "less_equal", "gt": "greater",
           "ge": "greater_equal"}


def _matmul_out_kernel(xp, params, in_avals):
    """out= kernel for the plain 2-D dot_general cases, else None."""
    (lc, rc), (lb, rb) = params["dimension_numbers"]
    if lb or len(lc) != 1 or len(in_avals) != 2:
        return None
    xa, ya = in_avals
    if xa.ndim != 2 or ya.ndim != 2:
        return None
    mm = xp.matmul
    tx, ty = lc[0] == 0, rc[0] == 1
    if not tx and not ty:
        return mm
    if tx and not ty:
        return lambda x, y, o: mm(x.T, y, o)
    if ty and not tx:
        return lambda x, y, o: mm(x, y.T, o)
    return lambda x, y, o: mm(x.T, y.T, o)


def _outer_kernels(xp, params, in_avals):
    """dot_general without contraction (outer / per-batch scaled products, as vmap
    of a gradient makes): a broadcasting multiply instead of a k=1 matmul."""
    (lc, rc), (lb, rb) = params["dimension_numbers"]
    if lc or len(in_avals) != 2:
        return None, None
    xa, ya = in_avals
    lf = [i for i in range(xa.ndim) if i not in lb]
    rf = [i for i in range(ya.ndim) if i not in rb]
    bshape = [xa.shape[i] for i in lb]
    px, py = tuple(lb) + tuple(lf), tuple(rb) + tuple(rf)
    sx = tuple(bshape + [xa.shape[i] for i in lf] + [1] * len(rf))
    sy = tuple(bshape + [1] * len(lf) + [ya.shape[i] for i in rf])
    idx, idy = px == tuple(range(xa.ndim)), py == tuple(range(ya.ndim))
    mul, tr = xp.multiply, xp.transpose
    if idx and idy and sx == xa.shape:      # the common vmap-of-grad case: x * y[:, None]
        if sy == ya.shape:
            return mul, mul
        return (lambda x, y: mul(x, y.reshape(sy))), (lambda x, y, o: mul(x, y.reshape(sy), o))

    def prep(x, y):
        x = x if idx else tr(x, px)
        y = y if idy else tr(y, py)
        return x.reshape(sx), y.reshape(sy)

    def kern(x, y):
        a, b = prep(x, y)
        return mul(a, b)

    def okern(x, y, o):
        a, b = prep(x, y)
        return mul(a, b, o)
    return kern, okern


def _squeezed_dot_kernel(xp, params, in_avals, out_aval):
    """dot_general with one contraction and no batch dims whose operands are
    matrices or vectors once their size-1 axes are dropped (vmap and jacobians
    make such shapes): reshape views + one matmul with transposed views, instead
    of the general path's copies."""
    (lc, rc), (lb, rb) = params["dimension_numbers"]
    if lb or len(lc) != 1 or len(in_avals) != 2:
        return None
    xa, ya = in_avals
    xs = [i for i in range(xa.ndim) if xa.shape[i] != 1 or i == lc[0]]
    ys = [i for i in range(ya.ndim) if ya.shape[i] != 1 or i == rc[0]]
    if len(xs) > 2 or len(ys) > 2:
        return None
    sx, sy = tuple(xa.shape[i] for i in xs), tuple(ya.shape[i] for i in ys)
    tx = len(xs) == 2 and xs.index(lc[0]) == 0       # x needs .T to be (m, k)
    ty = len(ys) == 2 and ys.index(rc[0]) == 1       # y needs .T to be (k, n)
    mm, out_shape = xp.matmul, out_aval.shape
    if len(xs) == 1 and len(ys) == 1:
        return None                                   # a dot product: leave it to the impl

    def kern(x, y):
        x = x.reshape(sx)
        y = y.reshape(sy)
        return mm(x.T if tx else x, y.T if ty else y).reshape(out_shape)
    return kern


def _plain_dot_kernel(xp, params, in_avals):
    """matmul for the 2-D x 2-D / 2-D x 1-D / 1-D x 2-D cases (no batch dims)."""
    (lc, rc), (lb, rb) = params["dimension_numbers"]
    if lb or len(lc) != 1 or len(in_avals) != 2:
        return None
    xa, ya = in_avals
    mm = xp.matmul
    if xa.ndim == 2 and ya.ndim == 2:
        tx, ty = lc[0] == 0, rc[0] == 1
        if not tx and not ty:
            return mm
        if tx and not ty:
            return lambda x, y: mm(x.T, y)
        if ty and not tx:
            return lambda x, y: mm(x, y.T)
        return lambda x, y: mm(x.T, y.T)
    if xa.ndim == 2 and ya.ndim == 1:
        return mm if lc[0] == 1 else (lambda x, y: mm(x.T, y))
    if xa.ndim == 1 and ya.ndim == 2:
        return mm if rc[0] == 0 else (lambda x, y: mm(x, y.T))
    return None


def _mul_safe_kernels(eqn):
    """ct * d for mul_safe, specialised on d's static shape: one dot over d
    proves it finite (then a plain multiply, optionally into a recycled
    buffer); otherwise the primitive's exact NaN-safe kernel."""
    import math
    da = eqn.invars[1].aval
    if da.size <= 1 or np.dtype(da.dtype).kind != "f":
        return None, None
    exact = functools.partial(eqn.primitive.impl, np)
    isfinite, mul, flat = math.isfinite, np.multiply, da.ndim == 1

    def kern(ct, d):
        f = d if flat else d.ravel()
        if isfinite(f.dot(f)):
            return mul(ct, d)
        return exact(ct, d)

    def okern(ct, d, o):
        f = d if flat else d.ravel()
        if isfinite(f.dot(f)):
            return mul(ct, d, o)
        return exact(ct, d)
    return kern, okern


def _kernel(xp, eqn):
    """The function a step calls: the bare ufunc where one does the job."""
    if isinstance(eqn, fusion.FusedGroup):
        return eqn.kernel
    name = eqn.primitive.name
    if xp is np and name == "mul_safe":
        k, _ = _mul_safe_kernels(eqn)
        if k is not None:
            return k
    if xp is np and not eqn.params:
        if name in _UNARY:
            return getattr(xp, _UNARY[name])
        if name in _BINARY:
            return getattr(xp, _BINARY[name])
    if xp is np and name == "integer_pow" and eqn.params["y"] == 2:
        return xp.square
    if name == "dot_general":
        avals = [v.aval for v in eqn.invars]
        k = _plain_dot_kernel(xp, eqn.params, avals) or \
            _outer_kernels(xp, eqn.params, avals)[0] or \
            _squeezed_dot_kernel(xp, eqn.params, avals, eqn.outvars[0].aval)
        if k is not None:
            return k
    prim = eqn.primitive
    return (functools.partial(prim.impl, xp, **eqn.params) if eqn.params
            else functools.partial(prim.impl, xp))


def _out_kernel(xp, eqn):
    """(kernel taking a trailing out buffer, elementwise?) or (None, False)."""
    name = eqn.primitive.name
    if name in _UNARY:
        return getattr(xp, _UNARY[name]), True
    if name in _BINARY:
        uf = getattr(xp, _BINARY[name])
        if name in ("max", "min"):   # positional out is deprecated for these two
            return (lambda x, y, o: uf(x, y, out=o)), True
        return uf, True
    if name == "mul_safe" and xp is np:
        return _mul_safe_kernels(eqn)[1], True
    if name == "integer_pow" and eqn.params["y"] >= 0:
        y = eqn.params["y"]
        if y == 2:
            return xp.square, True
        return (lambda x, o: xp.power(x, y, o)), True
    if name == "dot_general":
        avals = [v.aval for v in eqn.invars]
        k = _matmul_out_kernel(xp, eqn.params, avals) or _outer_kernels(xp, eqn.params, avals)[1]
        return k, False
    return None, False


class Plan:
    __slots__ = ("steps", "template", "in_slots", "out_slots", "n_in", "jaxpr", "copy_outs",
                 "run")

    def __call__(self, *args):
        return self.run(*args)

    def interpret(self, *args):
        """The same steps run by a loop (reference for the generated code)."""
        env = self.template[:]
        for i, a in zip(self.in_slots, args):
            env[i] = a
        for fn, ins, out, frees in self.steps:
            r = fn(*[env[i] for i in ins])
            if out.__class__ is int:
                env[out] = r
            else:
                for o, v in zip(out, r):
                    env[o] = v
            for f in frees:
                env[f] = None
        if self.copy_outs:   # never hand out the plan's own constants (callers may write)
            return [env[i].copy() if k in self.copy_outs and hasattr(env[i], "copy")
                    else env[i] for k, i in enumerate(self.out_slots)]
        return [env[i] for i in self.out_slots]


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


def compile_plan(closed, xp=np, reuse=True):
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

    # the steps: equations, or fused elementwise groups on a GPU namespace
    items = fusion.group_eqns(jaxpr, xp) if fusion.enabled(xp) else jaxpr.eqns

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
        kern = _kernel(xp, eqn)
        outs = [new_slot(v) for v in eqn.outvars]
        dying = [slot[v] for v in dict.fromkeys(eqn.invars)
                 if not isinstance(v, Literal) and last.get(v) == i and v not in outset]
        okern, elementwise = _out_kernel(xp, eqn) if reuse else (None, False)
        oa = eqn.outvars[0].aval
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
