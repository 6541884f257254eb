"""lax's structured control flow: cond, while_loop, fori_loop, scan (switch and
map, built on these, are in ``_more.py``).

Each traces the user's functions into sub-jaxprs once (values are abstract
there: Python ``if`` on them raises TracerConversionError) and binds a
control-flow primitive, so every transform (jit, grad, jvp, vmap) applies.
Values a function closes over become explicit operands of the primitive, so
gradients reach them too.
"""
from typing import Any, Callable, TypeVar

import numpy as np

from ..control import cond_p, scan_p, while_p
from ..control._util import as_value as _as_value
from ..core import tree_util as tu
from ..core._typevars import R, T
from ..core.errors import TracerConversionError
from ..core.ir import ClosedJaxpr, Jaxpr, Var
from ..core.trace import Tracer, get_aval
from ..core.tracing import trace_to_jaxpr
from ..primitives import _util as U
from ..primitives import elementwise as ew

__all__ = ["cond", "while_loop", "fori_loop", "scan"]

_C = TypeVar("_C")   # scan's carry
_Y = TypeVar("_Y")   # what scan's body emits per step (stacked in the result)


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

def cond(pred: Any, true_fun: Callable[..., R], false_fun: Callable[..., R], *operands: Any) -> R:
    """``true_fun(*operands) if pred else false_fun(*operands)``, traceable (JAX's ``jax.lax.cond``).

    Both branches are traced (they must return the same pytree structure,
    shapes and dtypes); only the chosen one runs.  Differentiable in both modes
    and batchable: under vmap with a batched ``pred`` both branches run and the
    results are selected.

    Args:
        pred: a boolean (or integer) scalar, Python or array, possibly traced.
        true_fun: called with ``*operands`` when ``pred`` is true.
        false_fun: called with ``*operands`` otherwise.
        *operands: the branches' arguments (values they close over are captured
            too, and gradients reach them).

    Returns:
        The chosen branch's output.

    Differs from PyTorch: ``torch.cond`` (torch 2) takes the operands as one
    tuple; a Python ``if`` is what eager PyTorch code uses, and here it raises
    on a traced value.

    Example:
        >>> import functorch_lite.lax as lax
        >>> print(float(lax.cond(True, lambda x: x + 1.0, lambda x: x - 1.0, 1.0)))
        2.0
    """
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


def while_loop(cond_fun: Callable[[T], Any], body_fun: Callable[[T], T], init_val: T,
               checkpoint_every: int | None = None) -> T:
    """``while cond_fun(val): val = body_fun(val)``, traceable (JAX's ``jax.lax.while_loop``).

    Args:
        cond_fun: ``val -> bool scalar``.
        body_fun: ``val -> val``, keeping the carry's pytree structure, shapes
            and dtypes.
        init_val: the initial carry (any pytree of arrays).
        checkpoint_every: reverse mode stores each step's residuals; with an int
            k it stores only every k-th carry and recomputes the rest during the
            backward pass (memory against compute).

    Returns:
        The final carry.

    Differs from JAX: reverse mode works (JAX refuses to differentiate a
    while_loop in reverse, as its trip count is unknown); here the trip count of
    the forward pass is recorded.  Differs from PyTorch: ``torch.while_loop``
    (torch 2, experimental) has no backward.

    Example:
        >>> import functorch_lite.lax as lax
        >>> print(int(lax.while_loop(lambda v: v < 10, lambda v: v * 2, 1)))
        16
    """
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

def scan(f: Callable[[_C, Any], tuple[_C, _Y]], init: _C, xs: Any = None, length: int | None = None,
         reverse: bool = False) -> tuple[_C, _Y]:
    """Loop ``carry, y = f(carry, x)`` over the leading axis of ``xs`` (JAX's ``jax.lax.scan``).

    Args:
        f: ``(carry, x) -> (carry, y)``; the carry keeps its pytree structure,
            shapes and dtypes.
        init: the initial carry.
        xs: a pytree of arrays scanned along their leading axis, or None (then
            ``length`` is required and ``f`` gets ``x=None``).
        length: the number of steps; must match the leading axis of ``xs``.
        reverse: scan from the last element to the first (``ys`` is still in
            ``xs``'s order).

    Returns:
        ``(carry, ys)``: the final carry and the ``y`` values stacked along a new
        leading axis.

    Differentiable in both modes (reverse mode stores each step's residuals)
    and batchable.  Differs from PyTorch: torch has no scan in its stable API;
    a Python loop is the eager equivalent.

    Example:
        >>> import functorch_lite.lax as lax
        >>> import functorch_lite.numpy as fnp
        >>> carry, ys = lax.scan(lambda c, x: (c + x, c * x), 0.0, fnp.arange(4.0))
        >>> print(float(carry), ys)
        6.0 [0. 0. 2. 9.]
    """
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


def fori_loop(lower: Any, upper: Any, body_fun: Callable[[Any, T], T], init_val: T) -> T:
    """``for i in range(lower, upper): val = body_fun(i, val)``, traceable (JAX's ``jax.lax.fori_loop``).

    Args:
        lower: the first index (int, possibly traced).
        upper: one past the last index.
        body_fun: ``(i, val) -> val``, keeping the carry's structure, shapes and
            dtypes.
        init_val: the initial carry.

    Returns:
        The final carry.

    Concrete bounds lower to a ``scan`` (reverse mode with stored residuals);
    traced bounds to a ``while_loop`` (reverse mode through its tape; JAX
    refuses reverse mode there).  Differs from PyTorch: no equivalent; a Python
    loop is the eager form.

    Example:
        >>> import functorch_lite.lax as lax
        >>> print(int(lax.fori_loop(0, 5, lambda i, v: v + i, 0)))
        10
    """
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
