"""checkpoint (remat): store only a function's inputs for the backward pass and
recompute its intermediates there.

``checkpoint(f)`` binds a call primitive ``checkpoint`` carrying f's jaxpr.
Its vjp_fwd keeps the *inputs* as residuals; its vjp runs the forward half of
the jaxpr's VJP split again (recomputing the residuals) and then the backward
half.  jvp and batching transform the inner jaxpr and bind ``checkpoint``
again, so remat survives jit and vmap.

With a ``policy`` (``_policies.py``), each residual of the VJP split whose
producing equation the policy calls saveable is kept by the forward too; the
backward recomputes only the others, from the inputs and the saved values.
"""
import functools
from typing import Any, Callable, Sequence, overload

from ..core import tree_util as tu
from ..core._typevars import P, R
from ..core.ir import ClosedJaxpr, Jaxpr, Var
from ..core.primitive import defprim
from ..core.trace import Tracer, get_aval
from ..primitives import _util as U
from ..transforms import passes
from ..transforms.jaxpr_transforms import (_cached, batch_jaxpr, is_float, jvp_jaxpr, to_front,
                                           vjp_split)
from ._util import (as_value, hoist_tracer_consts, instantiate_cts, resolve_kwargs, run_jaxpr,
                    trace_tree)
from .pjit import pjit_p


def _remat_impl(xp, *args, jaxpr, name, policy=None):
    return run_jaxpr(jaxpr, *args)


def _remat_abstract(*avals, jaxpr, name, policy=None):
    return list(jaxpr.out_avals)


def _remat_jvp(primals, tangents, jaxpr, name, policy=None):
    jj = jvp_jaxpr(jaxpr, [t is not None for t in tangents])
    res = remat_p.bind(*primals, *[t for t in tangents if t is not None], jaxpr=jj, name=name,
                       policy=policy)
    n = len(jaxpr.out_avals)
    return res[:n], res[n:]


def _policy_split(jaxpr, policy):
    """(forward returning outs + the saved residuals, recompute jaxpr (ins,
    saved) -> every residual, the VJP split) for ``policy``."""
    sp = vjp_split(jaxpr)

    def build():
        # JAX's rule: an equation's output is "available" when the policy calls
        # it saveable; every residual the backward reads is recomputed from the
        # inputs and the available values it needs, which the forward keeps
        j = sp.fwd.jaxpr
        res = list(j.outvars[sp.n_out:])
        cand = [e.outvars[0] for e in j.eqns if len(e.outvars) == 1 and policy(
            e.primitive, *[a.aval for a in e.invars], **e.params)]
        cs = set(cand)
        eqns = [e for e in j.eqns if not (len(e.outvars) == 1 and e.outvars[0] in cs)]
        rec = passes.dce(ClosedJaxpr(Jaxpr(j.constvars, list(j.invars) + cand, res, eqns),
                                     sp.fwd.consts))
        used = {v for e in rec.jaxpr.eqns for v in e.invars if isinstance(v, Var)}
        used |= {v for v in rec.jaxpr.outvars if isinstance(v, Var)}
        saved = [v for v in cand if v in used]
        rj = rec.jaxpr
        rec = ClosedJaxpr(Jaxpr(rj.constvars, list(j.invars) + saved, rj.outvars, rj.eqns),
                          rec.consts)
        fwd = passes.dce(ClosedJaxpr(Jaxpr(j.constvars, j.invars,
                                           list(j.outvars[:sp.n_out]) + saved, j.eqns),
                                     sp.fwd.consts))
        return fwd, rec, len(saved)
    return _cached("remat_policy", sp.fwd, policy, build) + (sp,)


def _remat_vjp_fwd(*ins, jaxpr, name, policy=None):
    if policy is None:
        return remat_p.bind(*ins, jaxpr=jaxpr, name=name), list(ins)
    fwd, _, n_saved, sp = _policy_split(jaxpr, policy)
    # inline: the saved values are the primitives' own outputs (print_saved_residuals
    # names them), the rest of the forward runs as usual
    r = run_jaxpr(fwd, *ins)
    return r[:sp.n_out], list(ins) + list(r[sp.n_out:])


def _remat_vjp(ct, ins, out, needs, jaxpr, name, policy=None):
    n_in = len(jaxpr.in_avals)
    cts = instantiate_cts(ct, [a.strip_weak() for a in jaxpr.out_avals])
    if policy is None:
        sp = vjp_split(jaxpr)
        # recompute the forward (only what the backward reads) now, in the backward pass
        res = pjit_p.bind(*ins, jaxpr=_residuals_only(sp), name=f"{name}_recompute")
    else:
        _, rec, _, sp = _policy_split(jaxpr, policy)
        res = pjit_p.bind(*ins, jaxpr=rec, name=f"{name}_recompute")
    in_cts = pjit_p.bind(*res, *cts, jaxpr=sp.bwd, name=f"{name}_bwd")
    return [c if n and is_float(a) else None
            for c, n, a in zip(in_cts, needs[:n_in], jaxpr.in_avals)]


def _residuals_only(sp):
    def build():
        j = sp.fwd.jaxpr
        return passes.dce(ClosedJaxpr(Jaxpr(j.constvars, j.invars, j.outvars[sp.n_out:],
                                            j.eqns), sp.fwd.consts))
    return _cached("remat_res", sp.fwd, None, build)


def _remat_batch(vals, dims, jaxpr, name, policy=None):
    size = U.batch_size(vals, dims)
    vals, nd = to_front(vals, dims, size)
    out = remat_p.bind(*vals, jaxpr=batch_jaxpr(jaxpr, nd, size), name=name, policy=policy)
    return out, [0] * len(out)


remat_p = defprim("checkpoint", impl=_remat_impl, abstract=_remat_abstract, jvp=_remat_jvp,
                  vjp_fwd=_remat_vjp_fwd, vjp=_remat_vjp, batch=_remat_batch,
                  multiple_results=True, higher_order=True,
                  inner_call=lambda params, ins: (params["jaxpr"], list(ins)))


@overload
def checkpoint(fun: Callable[P, R], *, prevent_cse: bool = True,
               policy: Callable[..., bool] | None = None,
               static_argnums: int | Sequence[int] = ()) -> Callable[P, R]: ...
@overload
def checkpoint(fun: None = None, *, prevent_cse: bool = True,
               policy: Callable[..., bool] | None = None,
               static_argnums: int | Sequence[int] = ()
               ) -> Callable[[Callable[P, R]], Callable[P, R]]: ...
def checkpoint(fun: Callable[P, R] | None = None, *, prevent_cse: bool = True,
               policy: Callable[..., bool] | None = None, static_argnums: int | Sequence[int] = ()
               ) -> Callable[P, R] | Callable[[Callable[P, R]], Callable[P, R]]:
    """Wrap ``fun`` so reverse mode recomputes its intermediates (JAX's ``jax.checkpoint`` / ``jax.remat``).

    Trades compute for memory: the backward pass reruns ``fun`` from its saved
    inputs instead of keeping every intermediate alive from the forward pass.

    Args:
        fun: the function to wrap; omitted, returns a decorator, so
            ``@checkpoint`` and ``@partial(checkpoint, policy=...)`` both work.
        prevent_cse: JAX's guard against the compiler merging the recomputation
            with the forward; here the recomputation is its own call that jit's
            passes never merge, so both values give the same program.
        policy: a ``checkpoint_policies.*`` function deciding which
            intermediates may be saved instead of recomputed; None saves only the
            inputs.
        static_argnums: arguments that are Python values baked into the trace,
            hashable: part of the cache key.

    Returns:
        A function with ``fun``'s arguments and results, and the same values
        and derivatives.

    Differs from PyTorch: ``torch.utils.checkpoint.checkpoint(fn, *args)`` calls
    at once; this wraps (``functorch_lite.utils.checkpoint`` has torch's form).

    Example:
        >>> import functorch_lite as fl
        >>> import functorch_lite.numpy as fnp
        >>> f = fl.checkpoint(lambda x: fnp.sin(fnp.sin(x)))
        >>> print(float(fl.grad(f)(0.0)))
        1.0
    """
    if fun is None:
        return lambda f: checkpoint(f, prevent_cse=prevent_cse, policy=policy,
                                    static_argnums=static_argnums)
    if not callable(fun):
        raise TypeError(f"checkpoint: fun must be callable, got {type(fun).__name__}")
    if policy is not None and not callable(policy):
        raise TypeError(f"checkpoint: policy must be a function (prim, *avals, **params) -> "
                        f"bool such as checkpoint_policies.dots_saveable, got {policy!r}")
    static = (static_argnums,) if isinstance(static_argnums, int) else tuple(static_argnums)
    cache: dict[Any, tuple[Any, ...]] = {}
    name = getattr(fun, "__name__", "fun")

    @functools.wraps(fun)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
        if kwargs:
            args = resolve_kwargs(fun, f"checkpoint({name})", args, kwargs)
        n = len(args)
        spos = sorted({i % n for i in static if -n <= i < n})
        if len(spos) != len(static):
            raise TypeError(f"checkpoint({name}): static_argnums={static} but it was called "
                            f"with {n} positional arguments")
        svals = tuple(args[i] for i in spos)
        try:
            hash(svals)
        except TypeError:
            raise TypeError(f"checkpoint({name}): static arguments must be hashable, got "
                            f"{[type(v).__name__ for v in svals]}") from None
        dyn = tuple(a for i, a in enumerate(args) if i not in spos)
        leaves, tree = tu.tree_flatten(dyn)
        leaves = [as_value(x) for x in leaves]
        avals = tuple(get_aval(x) for x in leaves)
        key = (tree, avals, svals)
        hit: tuple[Any, ...] | None = cache.get(key)
        if hit is None:
            def full(*d):
                it, st = iter(d), dict(zip(spos, svals))
                return fun(*[st[i] if i in st else next(it) for i in range(n)])
            closed, out_tree = trace_tree(full, tree, avals, "checkpoint")
            hit = (closed, out_tree)
            if any(isinstance(c, Tracer) for c in closed.consts):
                # closed over an enclosing transform's tracers: they become inputs
                hoisted, extra = hoist_tracer_consts(closed)
                hit = (hoisted, out_tree, extra)
            else:
                cache[key] = hit
        closed, out_tree = hit[0], hit[1]
        extra = hit[2] if len(hit) > 2 else []
        outs = remat_p.bind(*extra, *leaves, jaxpr=closed, name=name, policy=policy)
        return tu.tree_unflatten(out_tree, outs)
    return wrapped
