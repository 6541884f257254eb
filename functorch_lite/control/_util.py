"""Helpers shared by the primitives that carry jaxprs: the plan cache that runs a
sub-jaxpr on arrays, zero cotangents, reordering a jaxpr's inputs/outputs, and
turning a user's leaf into a value primitives accept."""
import inspect
import threading
from typing import Any

import numpy as np

from .. import config
from ..core import dtypes
from ..core.array import unwrap
from ..core import tree_util as tu
from ..core.backend import UNREGISTERED, backend_of
from ..core.eval import eval_jaxpr
from ..core.ir import ClosedJaxpr, Jaxpr, Var
from ..core.trace import Tracer, array_namespace
from ..core.tracing import trace_to_jaxpr
from ..backends.plan import compile_plan, guarded_plan, place_consts
from ..primitives import _util as U
from ..transforms import passes


def resolve_kwargs(fun, name, args, kwargs):
    """``args`` with ``kwargs`` placed by ``fun``'s signature (defaults filled in),
    as JAX does for the wrappers whose primitives take positional inputs only
    (checkpoint, custom_jvp, custom_vjp)."""
    try:
        bound = inspect.signature(fun).bind(*args, **kwargs)
    except TypeError as e:
        raise TypeError(f"{name}: {e}") from None
    bound.apply_defaults()
    if bound.kwargs:
        raise TypeError(f"{name}: keyword-only parameters ({', '.join(bound.kwargs)}) are not "
                        f"supported; make them positional or close over them")
    return bound.args


# --------------------------------------------------------------- plan cache

_plans: dict[Any, Any] = {}   # (id(closed), xp name, fusion on) -> (closed, plan), oldest first
_MAX_PLANS = 2048
_plans_lock = threading.Lock()   # guards insert + evict; lookups stay lock-free


def get_plan(closed, xp=np):
    """The compiled plan of ``closed`` on backend ``xp`` (optimised once, cached)."""
    key = (id(closed), id(xp), bool(config.fusion))
    hit = _plans.get(key)
    if hit is not None and hit[0] is closed:
        return hit[1]
    b = backend_of(xp, UNREGISTERED)
    opt = passes.optimize(closed, host=b.host_constants)
    if not b.host_constants:
        opt = place_consts(opt, xp)
    plan = compile_plan(opt, xp, reuse=b.out_reuse)
    if b.finiteness_probe:
        spec, changed, needed = passes.finite_specialize(opt)
        if changed:   # a faster plan, valid while the inputs it relies on are finite
            fast = compile_plan(passes.optimize(spec), xp)
            plan = guarded_plan(fast, plan, needed) if needed else fast
    with _plans_lock:   # compiled outside the lock: a racing thread may have won meanwhile
        hit = _plans.get(key)
        if hit is not None and hit[0] is closed:
            return hit[1]
        if len(_plans) >= _MAX_PLANS:  # bounded: jaxprs traced afresh each call don't pile up
            del _plans[next(iter(_plans))]
        _plans[key] = (closed, plan)
    return plan


def run_jaxpr(closed, *args):
    """Evaluate a ClosedJaxpr: the compiled plan on arrays, bind-by-bind under tracers."""
    for a in args:
        if isinstance(a, Tracer):
            return eval_jaxpr(closed.jaxpr, closed.consts, *args)
    args = [unwrap(a) for a in args]   # plans compute on plain ndarrays
    return get_plan(closed, array_namespace(args))(*args)


# ------------------------------------------------------------ values, zeros

def as_value(x):
    """Turn a user leaf into something primitives accept (arrays stay as they are)."""
    if isinstance(x, Tracer):
        return x
    if isinstance(x, np.ndarray):   # JAX's 32-bit mode narrows 64-bit inputs
        x = unwrap(x)               # transforms compute on plain ndarrays
        return x if dtypes.X64 else dtypes.canonicalize_value(x)
    if isinstance(x, (bool, int, float, complex, np.generic, list, tuple)):
        return dtypes.canonicalize_value(np.asarray(x))
    conv = getattr(x, "__fl_value__", None)  # the Tensor facade hooks in here
    if conv is not None:
        return conv()
    if hasattr(x, "shape") and hasattr(x, "dtype"):
        return x
    raise TypeError(f"{type(x).__name__} is not an array; pass arrays, Python scalars "
                    f"or pytrees (tuples, lists, dicts) of them")


def instantiate_cts(ct, avals):
    like = U.backend_ref(ct)        # zeros are made where the other cotangents live
    return [U.full(a.shape, 0, a.dtype, like) if c is None else c for c, a in zip(ct, avals)]


def floats(avals):
    return [np.dtype(a.dtype).kind in "fc" for a in avals]


def zero(a, like=None):
    return U.full(a.shape, 0, a.dtype, like)


def trace(fun, avals, name):
    return trace_to_jaxpr(fun, list(avals), name)[0]


# ------------------------------------------------------- jaxpr bookkeeping

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


def split_list(xs, ns):
    out, i = [], 0
    for n in ns:
        out.append(list(xs[i:i + n]))
        i += n
    out.append(list(xs[i:]))
    return out


def order_pairs(groups, nz_groups):
    """Index order turning (g1, g2, ..., t1, t2, ...) into (g1, t1, g2, t2, ...)."""
    n_prim = sum(groups)
    order, p, t = [], 0, n_prim
    for g, tn in zip(groups, nz_groups):
        order += list(range(p, p + g)) + list(range(t, t + tn))
        p += g
        t += tn
    return order


def hoist_tracer_consts(closed):
    """Consts that are tracers of an enclosing transform become leading inputs:
    returns (jaxpr taking them first, those tracers)."""
    j = closed.jaxpr
    tv = [(v, c) for v, c in zip(j.constvars, closed.consts) if isinstance(c, Tracer)]
    rest = [(v, c) for v, c in zip(j.constvars, closed.consts) if not isinstance(c, Tracer)]
    new = ClosedJaxpr(Jaxpr([v for v, _ in rest], [v for v, _ in tv] + j.invars, j.outvars,
                            j.eqns), [c for _, c in rest])
    return new, [c for _, c in tv]


def trace_tree(fun, tree, avals, name):
    """Trace ``fun`` taking the pytree ``tree`` of values with ``avals``:
    (its ClosedJaxpr over the flat leaves, the tree of its outputs)."""
    box = []

    def flat(*xs):
        out = fun(*tu.tree_unflatten(tree, xs))
        ol, ot = tu.tree_flatten(out)
        box.append(ot)
        return ol
    closed, _ = trace_to_jaxpr(flat, list(avals), name)
    return closed, box[0]
