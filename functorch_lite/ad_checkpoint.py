"""``functorch_lite.ad_checkpoint``: JAX's ``jax.ad_checkpoint`` --
``checkpoint`` (remat) with policies, ``checkpoint_name``, and the residual
report ``print_saved_residuals`` / ``saved_residuals``."""
import inspect

import numpy as np

from .control._policies import checkpoint_name, checkpoint_policies, name_p  # noqa: F401
from .control.checkpoint import checkpoint
from .core import tree_util as tu
from .core.trace import get_aval
from .core.tracing import JaxprTracer, trace_to_jaxpr
from .transforms.reverse import vjp_flat

remat = checkpoint


def _arg_names(fun, args):
    try:
        params = list(inspect.signature(fun).parameters)
    except (TypeError, ValueError):
        params = []
    names = []
    for i, a in enumerate(args):
        base = params[i] if i < len(params) else f"args[{i}]"
        paths = tu.tree_flatten_with_path(a)[0]
        for path, _ in paths:
            names.append(base + tu.keystr(path))
    return names


def saved_residuals(f, *args):
    """What reverse mode of ``f(*args)`` keeps from the forward pass for the
    backward (the values the tape's nodes hold, as ``grad`` would run it): a
    list of (ShapedArray, description), description "from the argument x",
    "output of <primitive>" or "a constant" (JAX's ``saved_residuals``; its
    descriptions also carry the source line)."""
    leaves, tree = tu.tree_flatten(args)
    avals = [get_aval(x) for x in leaves]
    names = _arg_names(f, args)
    found = []

    def flat(*xs):
        def g(*ys):
            return [v for v in tu.tree_leaves(f(*tu.tree_unflatten(tree, list(ys))))], []
        outs, refs, _, _ = vjp_flat(g, list(xs), "saved_residuals")
        builder = xs[0]._trace.main.payload if xs else None
        producer = {v: e for e in (builder.eqns if builder else []) for v in e.outvars}
        arg_of = {x.var: nm for x, nm in zip(xs, names)}
        seen, stack, nodes = set(), [n for n, _ in refs if n is not None], []
        while stack:
            n = stack.pop()
            if id(n) in seen or n.prim is None:
                continue
            seen.add(id(n))
            nodes.append(n)
            stack += [p[0] for p in n.parents if p is not None]
        kept = {}
        for n in sorted(nodes, key=lambda n: n.seq):
            vals = list(n.ins) + (list(n.out) if isinstance(n.out, (list, tuple))
                                  else [n.out] if n.out is not None else [])
            for v in vals:
                if isinstance(v, JaxprTracer) and v.var not in kept:
                    kept[v.var] = v
        # f's own outputs are held by the caller, not kept for the backward (JAX omits them)
        out_vars = {o.var for o in outs if isinstance(o, JaxprTracer)}
        for var, v in kept.items():
            if var in out_vars and var not in arg_of:
                continue
            if var in arg_of:
                found.append((v.aval, f"from the argument {arg_of[var]}"))
            elif var in producer and producer[var].primitive is name_p:
                found.append((v.aval, f"named {producer[var].params['name']!r}"))
            elif var in producer:
                found.append((v.aval, f"output of {producer[var].primitive.name}"))
            else:
                found.append((v.aval, "a constant"))
        return outs
    trace_to_jaxpr(flat, avals, "saved_residuals")
    return [(a, d) for a, d in found if a.shape != ()] + \
        [(a, d) for a, d in found if a.shape == ()]


def print_saved_residuals(f, *args):
    """Print ``saved_residuals(f, *args)``, one residual a line (as JAX's)."""
    for aval, what in saved_residuals(f, *args):
        print(f"{aval.str_short()} {what}")


def residual_bytes(f, *args):
    """Total bytes of the residuals reverse mode of ``f(*args)`` keeps (a
    measure of its memory; no JAX counterpart)."""
    return sum(int(np.prod(a.shape, dtype=np.int64)) * np.dtype(a.dtype).itemsize
               for a, _ in saved_residuals(f, *args))


__all__ = ["checkpoint", "remat", "checkpoint_name", "checkpoint_policies",
           "saved_residuals", "print_saved_residuals", "residual_bytes"]
