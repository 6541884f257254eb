"""IR passes run by jit before planning: DCE, CSE, constant folding, algebra.

Every pass takes a ClosedJaxpr and returns a new one (inputs are never
mutated).  Primitives are pure, so an equation whose outputs are unused can
go, and two equations with the same primitive, params and inputs compute the
same thing -- except those with the ``effect`` trait (``fl.debug.print``) and
the higher-order equations whose jaxprs hold one (``core.ir.eqn_has_effect``):
DCE keeps them, CSE never merges them, folding never runs them.
"""
import math

import numpy as np

from ..core.ir import ClosedJaxpr, Eqn, Jaxpr, Literal, ShapedArray, Var, eqn_has_effect
from ..primitives.contractions import dot_general_p
from ..primitives.elementwise import (add_p, convert_element_type_p, div_p, full_like_p, mul_p,
                                      neg_p)
from ..primitives.shape import broadcast_in_dim_p, reshape_p, transpose_p

_FOLD_MAX_SIZE = 1 << 16   # don't bake big arrays into the plan as constants


def _read(sub, v):
    if isinstance(v, Literal):
        return v
    while v in sub:
        v = sub[v]
    return v


def _rebuild(closed, eqns, sub, constvars=None, consts=None):
    j = closed.jaxpr
    outvars = [_read(sub, v) for v in j.outvars]
    new = Jaxpr(j.constvars if constvars is None else constvars, j.invars, outvars, eqns)
    return ClosedJaxpr(new, closed.consts if consts is None else consts)


def _subst(eqn, sub):
    if not sub:
        return eqn
    return Eqn(eqn.primitive, [_read(sub, v) for v in eqn.invars], eqn.outvars,
               eqn.params, eqn.source)


# ----------------------------------------------------------------------- DCE

def dce(closed):
    """Drop equations none of whose outputs reach the jaxpr's outputs, and unused
    consts; an equation with an effect stays (and so do the values it reads)."""
    j = closed.jaxpr
    live = {v for v in j.outvars if isinstance(v, Var)}
    kept = []
    for eqn in reversed(j.eqns):
        if any(v in live for v in eqn.outvars) or eqn_has_effect(eqn):
            kept.append(eqn)
            live.update(v for v in eqn.invars if isinstance(v, Var))
    kept.reverse()
    cv, cs = [], []
    for v, c in zip(j.constvars, closed.consts):
        if v in live:
            cv.append(v)
            cs.append(c)
    return ClosedJaxpr(Jaxpr(cv, j.invars, j.outvars, kept), cs)


# ----------------------------------------------------------------------- CSE

def _hashable(x):
    if isinstance(x, (list, tuple)):
        return tuple(_hashable(e) for e in x)
    if isinstance(x, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in x.items()))
    if isinstance(x, np.ndarray):
        return ("arr", id(x))
    try:
        hash(x)
        return x
    except TypeError:
        return ("id", id(x))


def _lit_key(v):
    val = v.val
    try:
        return ("lit", np.asarray(val).item(), v.aval.dtype, v.aval.weak_type)
    except (ValueError, TypeError):
        return ("lit", id(val))


def _in_key(v):
    return _lit_key(v) if isinstance(v, Literal) else ("var", v.id)


def cse(closed):
    """Merge equations with the same primitive, params and inputs (inputs of
    commutative primitives in a canonical order: x*y and y*x merge)."""
    sub, seen, eqns = {}, {}, []
    for eqn in closed.jaxpr.eqns:
        eqn = _subst(eqn, sub)
        if eqn_has_effect(eqn):     # two prints print twice
            eqns.append(eqn)
            continue
        ins = tuple(_in_key(v) for v in eqn.invars)
        if eqn.primitive.commutative:
            ins = tuple(sorted(ins, key=repr))
        key = (eqn.primitive, _hashable(eqn.params), ins)
        prev = seen.get(key)
        if prev is not None:
            for a, b in zip(eqn.outvars, prev.outvars):
                sub[a] = b
            continue
        seen[key] = eqn
        eqns.append(eqn)
    return _rebuild(closed, eqns, sub)


# ---------------------------------------------------------- constant folding

def fold_constants(closed, host=True):
    """Evaluate equations whose inputs are all literals or constants, at compile time.

    With host=True (a NumPy plan), ``full_like`` folds too: its value depends only
    on its input's shape and dtype (on another backend it must stay, to make the
    array there).  On another backend only scalar results fold (into literals),
    so no host array ever becomes a constant of a device plan."""
    j = closed.jaxpr
    known = dict(zip(j.constvars, closed.consts))
    eqns, sub = [], {}
    new_cv, new_cs = list(j.constvars), list(closed.consts)
    for eqn in j.eqns:
        eqn = _subst(eqn, sub)
        if host and eqn.primitive is full_like_p and \
                eqn.outvars[0].aval.size <= _FOLD_MAX_SIZE:
            a = eqn.outvars[0].aval
            val = np.full(a.shape, eqn.params["fill_value"], dtype=a.dtype)
            if val.ndim == 0:
                sub[eqn.outvars[0]] = Literal(val[()], a)
            else:
                known[eqn.outvars[0]] = val
                new_cv.append(eqn.outvars[0])
                new_cs.append(val)
            continue
        if (getattr(eqn.primitive, "no_fold", False) or eqn.primitive.effect
                or not all(isinstance(v, Literal) or v in known for v in eqn.invars)):
            eqns.append(eqn)
            continue
        if any(v.aval.size > _FOLD_MAX_SIZE for v in eqn.outvars):
            eqns.append(eqn)
            continue
        if not host and (any(v.aval.ndim for v in eqn.outvars) or any(
                not isinstance(known.get(v, 0), (np.ndarray, np.generic, int, float))
                for v in eqn.invars if not isinstance(v, Literal))):
            # a device plan: fold only into scalar literals (they go anywhere), from
            # host values (reading a device constant back would sync)
            eqns.append(eqn)
            continue
        ins = [v.val if isinstance(v, Literal) else known[v] for v in eqn.invars]
        try:
            out = eqn.primitive.impl(np, *ins, **eqn.params)
        except Exception:  # noqa: BLE001 - leave it for run time (and its error message)
            eqns.append(eqn)
            continue
        outs = out if eqn.primitive.multiple_results else [out]
        for v, val in zip(eqn.outvars, outs):
            val = np.asarray(val, dtype=v.aval.dtype)
            if val.ndim == 0:
                sub[v] = Literal(val[()], v.aval)
            else:
                known[v] = val
                new_cv.append(v)
                new_cs.append(val)
    return dce(_rebuild(closed, eqns, sub, new_cv, new_cs))


# ------------------------------------------------------------------- algebra

def _is_lit(v, value):
    if not isinstance(v, Literal):
        return False
    try:
        return bool(np.all(np.asarray(v.val) == value))
    except (TypeError, ValueError):
        return False


def _same_aval(a, b):
    return a.shape == b.shape and a.dtype == b.dtype


_CONST_CHECK_MAX = 1 << 16


def _const_is(consts, v, value):
    """Is v a literal, or a (small) constant array, equal to value everywhere?"""
    if _is_lit(v, value):
        return True
    c = consts.get(v) if isinstance(v, Var) else None
    if not isinstance(c, (np.ndarray, np.generic)) or c.size > _CONST_CHECK_MAX:
        return False      # (device constants are not read back: that would sync)
    try:
        return bool(np.all(np.asarray(c) == value))
    except (TypeError, ValueError):
        return False


def _is_eye(consts, v):
    c = consts.get(v) if isinstance(v, Var) else None
    if not isinstance(c, np.ndarray) or c.ndim != 2 or c.shape[0] != c.shape[1]:
        return False      # (device constants are not read back: that would sync)
    if c.size > (1 << 20):
        return False
    c = np.asarray(c)
    return bool(np.array_equal(c, np.eye(c.shape[0], dtype=c.dtype)))


def _dot_identity(eqn, consts):
    """(x, transposed?) when eqn is a 2-D x . I (either side), else None."""
    (lc, rc), (lb, rb) = eqn.params["dimension_numbers"]
    x, y = eqn.invars
    if lb or len(lc) != 1 or x.aval.ndim != 2 or y.aval.ndim != 2:
        return None
    if _is_eye(consts, y):      # out = [x free, eye free]; eye free stands for x's axis lc
        return x, lc[0] == 0
    if _is_eye(consts, x):      # out = [eye free, y free]
        return y, rc[0] == 1
    return None


def _fuse_reciprocal(eqn, producer, uses):
    for k in (0, 1):
        r, g = eqn.invars[k], eqn.invars[1 - k]
        p = producer.get(r)
        if (p is not None and p.primitive is div_p and uses.get(r) == 1
                and _is_lit(p.invars[0], 1) and isinstance(g, (Var, Literal))
                and g.aval.dtype == r.aval.dtype):
            h = p.invars[1]
            shape = np.broadcast_shapes(g.aval.shape, h.aval.shape)
            if shape == eqn.outvars[0].aval.shape:
                return Eqn(p.primitive, [g, h], eqn.outvars, {}, eqn.source)
    return eqn


def _scalar(v):
    """The Python value of a scalar literal, or None."""
    if isinstance(v, Literal) and np.ndim(v.val) == 0:
        return np.asarray(v.val).item()
    return None


def _lit_like(value, aval):
    dt = np.dtype(aval.dtype)
    return Literal(dt.type(value), ShapedArray((), dt))


def _scalar_algebra(eqn, producer, uses):
    """x + x -> x * 2;  -(x * c) -> x * -c;  (x * c1) * c2 -> x * (c1 c2)
    (the inner product only when nothing else reads it)."""
    prim = eqn.primitive
    out = eqn.outvars[0] if eqn.outvars else None
    if prim is add_p and isinstance(eqn.invars[0], Var) and eqn.invars[0] is eqn.invars[1] \
            and np.dtype(out.aval.dtype).kind in "fc":
        return Eqn(mul_p, [eqn.invars[0], _lit_like(2, out.aval)], eqn.outvars, {},
                   eqn.source)
    if prim is neg_p:
        c2, xs = -1, [eqn.invars[0]]
    elif prim is mul_p and any(_scalar(v) is not None for v in eqn.invars):
        c2 = next(_scalar(v) for v in eqn.invars if _scalar(v) is not None)
        xs = [v for v in eqn.invars if _scalar(v) is None]
    else:
        return eqn
    if len(xs) == 1 and isinstance(xs[0], Var):
        p = producer.get(xs[0])
        if (p is not None and p.primitive is mul_p and uses.get(xs[0]) == 1
                and np.dtype(out.aval.dtype).kind in "fc"):
            lits = [v for v in p.invars if _scalar(v) is not None]
            rest = [v for v in p.invars if _scalar(v) is None]
            if len(lits) == 1 and len(rest) == 1 and rest[0].aval.shape == out.aval.shape:
                c = _scalar(lits[0]) * c2
                return Eqn(mul_p, [rest[0], _lit_like(c, out.aval)], eqn.outvars, {},
                           eqn.source)
    return eqn


def _push_neg(eqn, producer, uses):
    """mul(-a, c) -> mul(a, -c) for a scalar literal c; mul(-a, -b) -> mul(a, b);
    mul(-a, b) -> -(mul(a, b)), so the negation can meet a later scalar factor
    (which absorbs it) instead of costing a pass over the data.  Returns the
    replacement equations (the last one defines eqn's output) or None."""
    out = eqn.outvars[0]
    if np.dtype(out.aval.dtype).kind not in "fc":
        return None
    negs = [isinstance(v, Var) and uses.get(v) == 1 and producer.get(v) is not None
            and producer[v].primitive is neg_p for v in eqn.invars]
    if not any(negs):
        return None
    ins = [producer[v].invars[0] if n else v for v, n in zip(eqn.invars, negs)]
    if any(i.aval.dtype != out.aval.dtype for i in ins):
        return None
    if all(negs):
        return [Eqn(mul_p, ins, eqn.outvars, {}, eqn.source)]
    k = 0 if negs[0] else 1
    other = ins[1 - k]
    c = _scalar(other)
    if c is not None:
        ins[1 - k] = _lit_like(-c, out.aval)
        return [Eqn(mul_p, ins, eqn.outvars, {}, eqn.source)]
    if ins[k].aval.shape != out.aval.shape:
        return None    # keep the negation on the smaller operand
    t = Var(out.aval)
    return [Eqn(mul_p, ins, [t], {}, eqn.source), Eqn(neg_p, [t], eqn.outvars, {}, eqn.source)]


def _unbroadcast_scalars(eqn, producer):
    """f(x, broadcast(s)) -> f(x, s) for a 0-d s, where f is elementwise (a
    ``c_expr``) and its shape rule gives the same result with the 0-d operand
    (another operand has the output's shape): the broadcast (a gradient's seed,
    a mean's 1/n) is then never written to memory, a literal meets the unit and
    algebra rules, and fusion reads the scalar once."""
    if eqn.primitive.c_expr is None or len(eqn.invars) < 2 or len(eqn.outvars) != 1:
        return eqn
    out = eqn.outvars[0].aval
    ins = list(eqn.invars)
    for k, v in enumerate(ins):
        p = producer.get(v) if isinstance(v, Var) else None
        if p is not None and p.primitive is broadcast_in_dim_p and \
                p.invars[0].aval.shape == () and p.invars[0].aval.dtype == v.aval.dtype:
            ins[k] = p.invars[0]
    if ins == list(eqn.invars) or not any(isinstance(v, Var) and v.aval.shape == out.shape
                                          for v in ins):
        return eqn
    try:
        got = eqn.primitive.abstract(*[v.aval for v in ins], **eqn.params)
    except Exception:  # noqa: BLE001 - the rule refuses a 0-d operand: keep the broadcast
        return eqn
    if getattr(got, "shape", None) != out.shape or getattr(got, "dtype", None) != out.dtype:
        return eqn
    return Eqn(eqn.primitive, ins, eqn.outvars, eqn.params, eqn.source)


def _drop_unit(eqn, consts):
    """f(x, u) -> x where u is the primitive's unit (``prim.unit``) on that side
    and x already has the output's shape and dtype; when x only lacks size-1
    axes, a reshape (a view).  Returns (replacement var or None, equation)."""
    unit = eqn.primitive.unit
    left, right = unit if isinstance(unit, tuple) else (unit, unit)
    x, y = eqn.invars
    out = eqn.outvars[0]
    if right is not None and _same_aval(x.aval, out.aval) and _const_is(consts, y, right):
        return x, eqn
    if left is not None and _same_aval(y.aval, out.aval) and _const_is(consts, x, left):
        return y, eqn
    for a, b, u in ((x, y, right), (y, x, left)):
        if (u is not None and a.aval.size == out.aval.size and a.aval.dtype == out.aval.dtype
                and _const_is(consts, b, u)):
            return None, Eqn(reshape_p, [a], eqn.outvars, {"new_sizes": tuple(out.aval.shape)},
                             eqn.source)
    return None, eqn


def simplify(closed):
    """x*1, 1*x, x+0, 0+x, x-0, x/1 -> x (1 and 0 as literals or constant arrays);
    x . I -> x (or x.T); transpose of transpose composes (or vanishes);
    reshape / convert / broadcast to the same shape and dtype -> x."""
    sub, eqns, producer = {}, [], {}
    consts = dict(zip(closed.jaxpr.constvars, closed.consts))
    uses = {}
    for e in closed.jaxpr.eqns:
        for v in e.invars:
            if isinstance(v, Var):
                uses[v] = uses.get(v, 0) + 1
    for v in closed.jaxpr.outvars:
        if isinstance(v, Var):
            uses[v] = uses.get(v, 0) + 2
    for eqn in closed.jaxpr.eqns:
        eqn = _unbroadcast_scalars(_subst(eqn, sub), producer)
        out = eqn.outvars[0] if eqn.outvars else None
        repl = None
        if eqn.primitive is mul_p:   # (1 / h) * g  ->  g / h  when 1/h has no other use
            eqn = _fuse_reciprocal(eqn, producer, uses)
        if eqn.primitive is mul_p:   # push negations down into scalar factors: -a * b -> -(a b)
            extra = _push_neg(eqn, producer, uses)
            if extra is not None:
                for e in extra[:-1]:
                    producer[e.outvars[0]] = e
                    eqns.append(e)
                eqn = extra[-1]
        eqn = _scalar_algebra(eqn, producer, uses)
        prim = eqn.primitive
        if prim.unit is not None and len(eqn.invars) == 2:
            repl, eqn = _drop_unit(eqn, consts)
        elif prim is dot_general_p:
            hit = _dot_identity(eqn, consts)
            if hit is not None:
                x, transposed = hit
                if not transposed:
                    repl = x
                else:
                    eqn = Eqn(transpose_p, [x], eqn.outvars, {"permutation": (1, 0)},
                              eqn.source)
        elif prim in (reshape_p, broadcast_in_dim_p, convert_element_type_p):
            x = eqn.invars[0]
            if _same_aval(x.aval, out.aval) and (prim is not broadcast_in_dim_p or
                                                tuple(eqn.params["broadcast_dimensions"])
                                                == tuple(range(x.aval.ndim))):
                repl = x
        if repl is None and eqn.primitive is transpose_p:
            x = eqn.invars[0]
            perm = tuple(eqn.params["permutation"])
            if perm == tuple(range(len(perm))):
                repl = x
            else:
                inner = producer.get(x)
                if inner is not None and inner.primitive is transpose_p:
                    p1 = tuple(inner.params["permutation"])
                    comp = tuple(p1[i] for i in perm)
                    src = inner.invars[0]
                    if comp == tuple(range(len(comp))):
                        repl = src
                    else:
                        eqn = Eqn(eqn.primitive, [src], eqn.outvars,
                                  dict(eqn.params, permutation=comp), eqn.source)
        if repl is not None:
            sub[out] = repl
            continue
        for v in eqn.outvars:
            producer[v] = eqn
        eqns.append(eqn)
    return dce(_rebuild(closed, eqns, sub))


def optimize(closed, host=True):
    """The pass pipeline jit runs: fold, simplify, CSE, DCE (host: a NumPy plan)."""
    closed = fold_constants(closed, host)
    closed = simplify(closed)
    closed = cse(closed)
    closed = simplify(closed)
    return dce(closed)


# ------------------------------------------------ finite-input specialization

def _const_bound(val):
    a = np.asarray(val)
    if a.dtype.kind not in "biuf":
        return None
    if a.size == 0:
        return 0.0
    m = float(np.max(np.abs(a)))
    return m if np.isfinite(m) else None


def finite_bounds(closed):
    """Per var, (bound, deps) assuming the floating inputs in deps are finite:
    bound is a float (|value| <= bound), math.inf (finite but unbounded) or None
    (may be inf/nan); deps is the set of input positions the claim relies on.
    Each primitive says how it maps bounds (its ``bound`` and ``layout_only``
    traits)."""
    j = closed.jaxpr
    info = {v: (math.inf, frozenset([i]) if np.dtype(v.aval.dtype).kind in "fc"
                else frozenset()) for i, v in enumerate(j.invars)}
    for v, c in zip(j.constvars, closed.consts):
        info[v] = (_const_bound(c), frozenset())
    none = (None, frozenset())

    def get(v):
        return (_const_bound(v.val), frozenset()) if isinstance(v, Literal) else \
            info.get(v, none)

    for eqn in j.eqns:
        prim = eqn.primitive
        out_dt = np.dtype(eqn.outvars[0].aval.dtype) if eqn.outvars else None
        ins = [get(v) for v in eqn.invars]
        if prim.layout_only:       # values come from the inputs of the output's dtype
            ins = [x for x, v in zip(ins, eqn.invars) if np.dtype(v.aval.dtype) == out_dt]
        bounds = [x[0] for x in ins]
        deps = frozenset().union(*[x[1] for x in ins]) if ins else frozenset()
        big = float(np.finfo(out_dt).max) if out_dt is not None and out_dt.kind == "f" \
            else math.inf
        res = None
        if out_dt is not None and out_dt.kind in "biu" and not prim.multiple_results:
            # integers and bools are finite whatever the inputs were
            res = 1.0 if out_dt.kind == "b" else float(np.iinfo(out_dt).max)
            deps = frozenset()
        elif any(x is None for x in bounds):
            res = None
        elif prim.layout_only:
            res = max(bounds) if bounds else None
        elif prim.bound is not None and not prim.multiple_results:
            res = prim.bound(bounds, [v.aval for v in eqn.invars],
                             [v.aval for v in eqn.outvars], **eqn.params)
        if res is not None and res != math.inf and not res < big:
            res = None     # could overflow to inf
        for v in eqn.outvars:
            info[v] = (res, deps if res is not None else frozenset())
    return info


def finite_specialize(closed):
    """(jaxpr, changed, inputs): a NaN-safe equation becomes its primitive's
    ``finite_form`` (mul_safe(ct, d) -> mul(ct, d)) wherever its input 1 is
    provably finite when the listed floating inputs are (the plan checks those
    at run time): the safe and plain forms differ only where it is inf or nan."""
    info = finite_bounds(closed)
    eqns, changed, needed = [], False, set()
    for eqn in closed.jaxpr.eqns:
        form = eqn.primitive.finite_form
        if form is not None:
            d = eqn.invars[1]
            bd, deps = (_const_bound(d.val), frozenset()) if isinstance(d, Literal) else \
                info.get(d, (None, frozenset()))
            prim, params = form(eqn.params)
            if bd is not None and (prim is not eqn.primitive or params != eqn.params):
                eqn = Eqn(prim, eqn.invars, eqn.outvars, params, eqn.source)
                changed = True
                needed |= deps
        eqns.append(eqn)
    j = closed.jaxpr
    return (ClosedJaxpr(Jaxpr(j.constvars, j.invars, j.outvars, eqns), closed.consts),
            changed, sorted(needed))
