"""Structured control flow: cond, while_loop, fori_loop, scan.

Each traces the user's functions into sub-jaxprs once (values are abstract
there: Python ``if`` on them raises TracerConversionError) and binds a
control-flow primitive, so every transform (jit, grad, jvp, vmap) applies.
Values a function closes over become explicit operands of the primitive, so
gradients reach them too.
"""
import numpy as np

from .control import cond_p, scan_p, while_p
from .control._util import as_value as _as_value
from .core import tree_util as tu
from .core.errors import TracerConversionError
from .core.ir import ClosedJaxpr, Jaxpr, Var
from .core.trace import Tracer, get_aval
from .core.tracing import trace_to_jaxpr
from .primitives import _util as U
from .primitives import elementwise as ew

__all__ = ["cond", "while_loop", "fori_loop", "scan"]


def _value(x):
    v = _as_value(x)
    return v


def _trace(fun, tree, avals, name):
    """Trace fun(*unflatten(tree, leaves)) -> (jaxpr with consts as leading
    inputs, consts, out_tree)."""
    box = []

    def flat(*xs):
        out = fun(tu.tree_unflatten(tree, xs))
        leaves, t = tu.tree_flatten(out)
        box.append(t)
        return [_value(o) if not isinstance(o, Tracer) else o for o in leaves]

    closed, _ = trace_to_jaxpr(flat, avals, name)
    j = closed.jaxpr
    hoisted = ClosedJaxpr(Jaxpr([], list(j.constvars) + list(j.invars), j.outvars, j.eqns), [])
    return hoisted, list(closed.consts), box[0]


def _insert_inputs(closed, at, avals):
    j = closed.jaxpr
    iv = list(j.invars[:at]) + [Var(a) for a in avals] + list(j.invars[at:])
    return ClosedJaxpr(Jaxpr(j.constvars, iv, j.outvars, j.eqns), closed.consts)


def _same(a, b):
    return a.shape == b.shape and a.dtype == b.dtype


def _fmt(avals):
    return "(" + ", ".join(a.str_short() for a in avals) + ")"


# ---------------------------------------------------------------------- cond

def cond(pred, true_fun, false_fun, *operands):
    """``true_fun(*operands) if pred else false_fun(*operands)``, traceable."""
    p = _value(pred)
    pa = get_aval(p)
    if pa.shape != ():
        raise TypeError(f"lax.cond: pred must be a scalar, got shape {pa.shape}")
    if pa.dtype != np.bool_:
        p = ew.ne(p, 0)
    leaves, tree = tu.tree_flatten(tuple(operands))
    leaves = [_value(x) for x in leaves]
    avals = [get_aval(x) for x in leaves]
    tj, tc, t_tree = _trace(lambda ops: true_fun(*ops), tree, avals, "cond_true")
    fj, fc, f_tree = _trace(lambda ops: false_fun(*ops), tree, avals, "cond_false")
    if t_tree != f_tree:
        raise TypeError(f"lax.cond: true_fun returns {t_tree} but false_fun returns "
                        f"{f_tree}; both branches must return the same structure")
    ta, fa = tj.out_avals, fj.out_avals
    if not all(_same(a, b) for a, b in zip(ta, fa)):
        raise TypeError(f"lax.cond: branch outputs differ: true_fun gives {_fmt(ta)}, "
                        f"false_fun gives {_fmt(fa)}; cast so shapes and dtypes match")
    # both branches take (true consts, false consts, operands)
    tj = _insert_inputs(tj, len(tc), [get_aval(c) for c in fc])
    fj = _insert_inputs(fj, 0, [get_aval(c) for c in tc])
    outs = cond_p.bind(p, *tc, *fc, *leaves, branches=(fj, tj))
    return tu.tree_unflatten(t_tree, outs)


# ------------------------------------------------------------------ while

def _carry_avals(leaves):
    return [get_aval(x).strip_weak() if not isinstance(x, Tracer) else get_aval(x)
            for x in leaves]


def while_loop(cond_fun, body_fun, init_val, checkpoint_every=None):
    """``while cond_fun(val): val = body_fun(val)``; differentiable in both modes.

    Reverse mode stores each step's residuals; ``checkpoint_every=k`` stores
    only every k-th carry and recomputes the rest during the backward pass."""
    if checkpoint_every is not None and int(checkpoint_every) < 1:
        raise ValueError(f"lax.while_loop: checkpoint_every must be >= 1, got "
                         f"{checkpoint_every}")
    leaves, tree = tu.tree_flatten(init_val)
    leaves = [_value(x) for x in leaves]
    avals = _carry_avals(leaves)
    cj, cc, c_tree = _trace(lambda v: cond_fun(v), tree, avals, "while_cond")
    if len(cj.out_avals) != 1 or cj.out_avals[0].shape != ():
        raise TypeError(f"lax.while_loop: cond_fun must return a scalar boolean, got "
                        f"{_fmt(cj.out_avals)}")
    if cj.out_avals[0].dtype != np.bool_:
        raise TypeError(f"lax.while_loop: cond_fun must return a bool, got "
                        f"{cj.out_avals[0].dtype}; compare explicitly (e.g. x > 0)")
    bj, bc, b_tree = _trace(lambda v: body_fun(v), tree, avals, "while_body")
    if b_tree != tree or not all(_same(a, b) for a, b in zip(bj.out_avals, avals)):
        raise TypeError(f"lax.while_loop: body_fun must return a value like init_val: "
                        f"{tree} {_fmt(avals)}, got {b_tree} {_fmt(bj.out_avals)}")
    outs = while_p.bind(*cc, *bc, *leaves, cond_jaxpr=cj, body_jaxpr=bj,
                        cond_nconsts=len(cc), body_nconsts=len(bc),
                        checkpoint_every=None if checkpoint_every is None
                        else int(checkpoint_every))
    return tu.tree_unflatten(tree, outs)


# ------------------------------------------------------------------- scan

def scan(f, init, xs=None, length=None, reverse=False):
    """``carry, y = f(carry, x)`` over the leading axis of xs; returns (carry, ys)."""
    c_leaves, c_tree = tu.tree_flatten(init)
    c_leaves = [_value(x) for x in c_leaves]
    x_leaves, x_tree = tu.tree_flatten(xs)
    x_leaves = [_value(x) for x in x_leaves]
    lens = {get_aval(x).shape[0] for x in x_leaves if get_aval(x).ndim > 0}
    if any(get_aval(x).ndim == 0 for x in x_leaves):
        raise ValueError("lax.scan: every leaf of xs needs a leading axis to scan over")
    if length is not None:
        lens.add(int(length))
    if len(lens) != 1:
        raise ValueError(f"lax.scan: inconsistent lengths {sorted(lens)} (leading axes of "
                         f"xs and length=)" if lens else
                         "lax.scan: pass length= when xs is None")
    n = lens.pop()
    c_avals = _carry_avals(c_leaves)
    x_avals = [get_aval(x).update(shape=get_aval(x).shape[1:]) for x in x_leaves]
    tree = tu.tree_structure((init, xs))
    j, consts, out_tree = _trace(lambda cx: f(*cx), tree, c_avals + x_avals, "scan_body")
    kids = tu.treedef_children(out_tree)
    if len(kids) != 2:
        raise TypeError("lax.scan: f must return a pair (carry, y)")
    nk = len(c_leaves)
    if kids[0] != c_tree or not all(_same(a, b) for a, b in zip(j.out_avals[:nk], c_avals)):
        raise TypeError(f"lax.scan: f must return a carry like init: {c_tree} "
                        f"{_fmt(c_avals)}, got {kids[0]} {_fmt(j.out_avals[:nk])}")
    outs = scan_p.bind(*consts, *c_leaves, *x_leaves, jaxpr=j, num_consts=len(consts),
                       num_carry=nk, length=n, reverse=bool(reverse))
    return tu.tree_unflatten(c_tree, outs[:nk]), tu.tree_unflatten(kids[1], outs[nk:])


# ------------------------------------------------------------------- fori

def _concrete_int(v):
    if isinstance(v, Tracer):
        try:
            return int(v.concrete("fori_loop bound"))
        except TracerConversionError:
            return None
    return int(v)


def fori_loop(lower, upper, body_fun, init_val):
    """``for i in range(lower, upper): val = body_fun(i, val)``.

    Concrete bounds lower to a scan (reverse mode with stored residuals);
    traced bounds to a while_loop (reverse mode through its tape)."""
    lo, hi = _concrete_int(lower), _concrete_int(upper)
    if lo is not None and hi is not None:
        def step(carry, _):
            i, v = carry
            return (ew.add(i, 1), body_fun(i, v)), None
        # the counter lives where the loop's values do (no host value in a device loop)
        i0 = U.full((), lo, np.int64, like=U.backend_ref(
            [_value(v) for v in tu.tree_leaves(init_val)]))
        (_, val), _ = scan(step, (i0, init_val), None,
                           length=max(hi - lo, 0))
        return val
    lo_v = ew.convert_element_type(_value(lower), np.int64)
    hi_v = ew.convert_element_type(_value(upper), np.int64)
    _, _, val = while_loop(lambda c: ew.lt(c[0], c[1]),
                           lambda c: (ew.add(c[0], 1), c[1], body_fun(c[0], c[2])),
                           (lo_v, hi_v, init_val))
    return val


# the special functions under JAX's lax names (each defined beside its primitive)
from .primitives.special import erf, erf_inv, lgamma, digamma, polygamma  # noqa: E402

__all__ += ["erf", "erf_inv", "lgamma", "digamma", "polygamma"]

# top_k (JAX's lax.top_k): a stable argsort and a gather, so differentiable in the values
from .primitives.numeric import top_k  # noqa: E402

__all__ += ["top_k"]
