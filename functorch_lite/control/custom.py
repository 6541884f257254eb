"""custom_jvp / custom_vjp in JAX's decorator style.

    @custom_jvp                         @custom_vjp
    def f(x): ...                       def g(x): ...
    @f.defjvp                           def g_fwd(x): return g(x), residuals
    def f_jvp(primals, tangents):       def g_bwd(res, ct): return (ct_x,)
        return out, t_out               g.defvjp(g_fwd, g_bwd)

Calling f binds a primitive carrying f's jaxpr plus the user's rules, so the
rules survive jit (the primitive sits in the jaxpr) and vmap (the batch rule
vmaps the jaxpr *and* the rules).  Reverse mode of a custom_jvp function is the
VJP of its (linear in the tangents) jvp rule with respect to the tangents;
forward mode of a custom_vjp function raises TypeError (as JAX's).
"""
import functools
from typing import Any, Callable, Generic, Sequence, TypeVar

from ..core import tree_util as tu
from ..core.primitive import defprim
from ..core.errors import TracerConversionError
from ..core._typevars import P, R
from ..core.trace import Tracer, concrete_value, get_aval
from ..primitives import _util as U
from ..transforms.batching import vmap_flat
from ..transforms.jaxpr_transforms import batch_jaxpr, is_float, jvp_jaxpr, to_front
from ..transforms.reverse import backward_pass, vjp_flat
from ._util import as_value as _as_value
from ._util import resolve_kwargs, run_jaxpr, trace_tree
from ._util import zero as _zero

_F = TypeVar("_F", bound=Callable[..., Any])   # a rule, returned as given


def _trace(fun, tree, avals, name):
    closed, out_tree = trace_tree(fun, tree, avals, name)
    if any(isinstance(c, Tracer) for c in closed.consts):
        raise TypeError(f"{name}: the function closes over a value traced by an enclosing "
                        f"transform; pass it as an argument instead (custom rules cannot "
                        f"see closed-over tracers)")
    return closed, out_tree


def _vmap_rule(rule, n_out_fn, size):
    """A flat rule(*args) -> list, vmapped over axis 0 of every argument."""

    def batched(*args):
        return vmap_flat(lambda *xs: rule(*xs), list(args), [0] * len(args),
                         lambda k: [0] * k, size, "custom_rule_vmap")
    return batched


# ------------------------------------------------------------------ custom_jvp

def _cj_impl(xp, *args, call_jaxpr, jvp, name, fun=None):
    if call_jaxpr is None:       # the concrete path: the Python function itself
        return fun(*args)
    return run_jaxpr(call_jaxpr, *args)


def _untraceable(name):
    return TypeError(f"custom_jvp {name}: its function uses Python control flow on its "
                     f"values, so it runs only on concrete values (grad/jvp outside jit); "
                     f"under jit, vmap or make_jaxpr write it with lax.cond / jnp.where")


def _cj_abstract(*avals, call_jaxpr, jvp, name, fun=None):
    if call_jaxpr is None:
        raise _untraceable(name)
    return list(call_jaxpr.out_avals)


def _cj_jvp(primals, tangents, call_jaxpr, jvp, name, fun=None):
    ts = [_zero(get_aval(p).strip_weak(), p) if t is None else t
          for p, t in zip(primals, tangents)]
    outs, touts = jvp(list(primals), ts)
    return outs, touts


def _cj_vjp_fwd(*ins, call_jaxpr, jvp, name, fun=None):
    extra = {} if fun is None else {"fun": fun}
    return custom_jvp_p.bind(*ins, call_jaxpr=call_jaxpr, jvp=jvp, name=name, **extra), \
        list(ins)


def _cj_vjp(ct, ins, out, needs, call_jaxpr, jvp, name, fun=None):
    avals = call_jaxpr.out_avals if call_jaxpr is not None else [get_aval(o) for o in out]
    like = U.backend_ref(ins, ct)
    cts = [_zero(a.strip_weak(), like) if c is None else c for c, a in zip(ct, avals)]
    zeros = [_zero(get_aval(p).strip_weak(), p) for p in ins]
    # the jvp rule is linear in the tangents: its VJP in them is the transpose
    _, refs, leaves, _ = vjp_flat(lambda *ts: (jvp(list(ins), list(ts))[1], []), zeros,
                                  "custom_jvp_transpose")
    in_cts = backward_pass(refs, cts, leaves)
    return [c if n and is_float(get_aval(p)) else None for c, n, p in zip(in_cts, needs, ins)]


def _cj_batch(vals, dims, call_jaxpr, jvp, name, fun=None):
    if call_jaxpr is None:
        raise _untraceable(name)
    size = U.batch_size(vals, dims)
    vals, nd = to_front(vals, dims, size, force=True)
    bj = batch_jaxpr(call_jaxpr, nd, size)
    n = len(vals)

    def flat_jvp(*args):
        outs, touts = jvp(list(args[:n]), list(args[n:]))
        return list(outs) + list(touts)
    bflat = _vmap_rule(flat_jvp, None, size)

    def bjvp(primals, tangents):
        r = bflat(*primals, *tangents)
        k = len(r) // 2
        return r[:k], r[k:]
    out = custom_jvp_p.bind(*vals, call_jaxpr=bj, jvp=bjvp, name=name)
    return out, [0] * len(out)


custom_jvp_p = defprim("custom_jvp_call", impl=_cj_impl, abstract=_cj_abstract, jvp=_cj_jvp,
                       vjp_fwd=_cj_vjp_fwd, vjp=_cj_vjp, batch=_cj_batch,
                       multiple_results=True, higher_order=True,
                       inner_call=lambda params, ins: None if params["call_jaxpr"] is None
                       else (params["call_jaxpr"], list(ins)))


_CONCRETE = object()   # cache mark: this signature's function needs concrete values


def _split_nondiff(kind, name, nondiff, args):
    """(positions, static values, the differentiable args, a cache key part)."""
    n = len(args)
    pos = sorted({i % n for i in nondiff if -n <= i < n}) if nondiff else []
    if len(pos) != len(nondiff or ()):
        raise TypeError(f"{kind} {name}: nondiff_argnums={tuple(nondiff)} but the function "
                        f"was called with {n} positional arguments")
    static = tuple(args[i] for i in pos)
    for i, v in zip(pos, static):
        if any(isinstance(x, Tracer) for x in tu.tree_leaves(v)):
            raise TypeError(f"{kind} {name}: argument {i} is in nondiff_argnums but is a "
                            f"traced value; nondiff arguments are fixed values (functions, "
                            f"flags, shapes): pass arrays as ordinary arguments")
    diff = tuple(a for i, a in enumerate(args) if i not in pos)
    try:
        key = (tuple(pos), static, hash(static))
    except TypeError:
        key = None     # unhashable nondiff values: traced again at every call
    return pos, static, diff, key


def _merge(pos, static, diff):
    out, it, st = [], iter(diff), dict(zip(pos, static))
    for i in range(len(pos) + len(diff)):
        out.append(st[i] if i in st else next(it))
    return out


class custom_jvp(Generic[P, R]):  # noqa: N801 - JAX's name
    """A function with a user-defined forward-mode rule (JAX's ``jax.custom_jvp``).

    Args:
        fun: the primal function.
        nondiff_argnums: positions of arguments that are not differentiated
            (Python values, functions); they are passed to the rule first.

    Define the rule with ``f.defjvp(rule)``: ``rule(primals, tangents) -> (out,
    tangent_out)``, or with ``nondiff_argnums`` ``rule(*nondiff_args, primals,
    tangents)`` where primals and tangents hold the other arguments; or with
    ``f.defjvps(*rules)``: one rule per argument, ``rule_i(tangent_i, primal_out,
    *primals)``, summed (None: that argument gets a zero contribution).

    Returns:
        Calling ``f(*args)`` returns ``fun(*args)``; jvp uses the rule, and
        reverse mode (grad, vjp) transposes it.

    Outside jit the rule runs on concrete values (a Python ``if x > 0`` works
    under grad, as JAX's); under jit it is traced.  Differs from JAX: no
    ``symbolic_zeros``.  Differs from PyTorch: ``torch.autograd.Function`` with a
    ``jvp`` staticmethod is the closest there.

    Example:
        >>> import functorch_lite as fl
        >>> import functorch_lite.numpy as fnp
        >>> f = fl.custom_jvp(fnp.sin)
        >>> @f.defjvp
        ... def f_jvp(primals, tangents):
        ...     return fnp.sin(primals[0]), 2.0 * tangents[0]
        >>> print(float(fl.grad(f)(0.0)))
        2.0
    """

    __name__: str   # fun's, by functools.update_wrapper

    def __init__(self, fun: Callable[P, R], nondiff_argnums: Sequence[int] = ()):
        functools.update_wrapper(self, fun)
        self.fun = fun
        self.nondiff_argnums = tuple(nondiff_argnums)
        self.jvp: Callable[..., Any] | None = None
        self._cache: dict[Any, Any] = {}

    def defjvp(self, jvp: _F) -> _F:
        """Set the jvp rule (usable as a decorator); returns it."""
        self.jvp = jvp
        self._cache.clear()
        return jvp

    def defjvps(self, *jvps: Callable[..., Any] | None) -> None:
        """One rule per differentiable argument, ``rule(t_i, primal_out, *primals)``;
        the tangent out is their sum (a None rule contributes nothing)."""
        fun = self.fun

        def rule(*a):
            nd, (primals, tangents) = a[:-2], a[-2:]
            out = fun(*_merge(self._pos_for(len(nd) + len(primals)), nd, primals))
            tout = None
            for r, t in zip(jvps, tangents):
                if r is None:
                    continue
                c = r(t, out, *primals)
                tout = c if tout is None else tu.tree_map(lambda u, v: u + v, tout, c)
            if tout is None:
                tout = tu.tree_map(lambda o: _zero(get_aval(_as_value(o)).strip_weak(),
                                                   _as_value(o)), out)
            return out, tout
        if len(jvps) == 0:
            raise TypeError(f"custom_jvp {self.__name__}.defjvps: give one rule per argument")
        self.defjvp(rule)

    def _concrete_call(self, pos, static, args, leaves, tree):
        if not any(isinstance(x, Tracer) for x in leaves):
            return self.fun(*_merge(pos, static, args))     # no transform: just call it
        conc = [concrete_value(x) for x in leaves]
        if any(c is None or get_aval(c).shape != get_aval(x).shape
               for c, x in zip(conc, leaves)):
            raise _untraceable(self.__name__)
        fun, user = self.fun, self.jvp
        out_tree = tu.tree_structure(fun(*_merge(pos, static,
                                                 tu.tree_unflatten(tree, conc))))

        def flat_fun(*xs):
            out = fun(*_merge(pos, static, tu.tree_unflatten(tree, list(xs))))
            return [_as_value(o) for o in tu.tree_leaves(out)]

        def flat_jvp(primals, tangents):
            out, tout = user(*static, tuple(tu.tree_unflatten(tree, primals)),
                             tuple(tu.tree_unflatten(tree, tangents)))
            return ([_as_value(o) for o in tu.tree_leaves(out)],
                    [_as_value(o) for o in tu.tree_leaves(tout)])
        outs = custom_jvp_p.bind(*leaves, call_jaxpr=None, jvp=flat_jvp, name=self.__name__,
                                 fun=flat_fun)
        return tu.tree_unflatten(out_tree, outs)

    def _pos_for(self, n):
        return sorted({i % n for i in self.nondiff_argnums})

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        if kwargs:
            args = resolve_kwargs(self.fun, f"custom_jvp {self.__name__}", args, kwargs)
        if self.jvp is None:
            raise TypeError(f"custom_jvp {self.__name__}: no jvp rule; define one with "
                            f"@{self.__name__}.defjvp")
        pos, static, args, nkey = _split_nondiff("custom_jvp", self.__name__,
                                                 self.nondiff_argnums, args)
        leaves, tree = tu.tree_flatten(args)
        leaves = [_as_value(x) for x in leaves]
        avals = tuple(get_aval(x) for x in leaves)
        key = (tree, avals, nkey)
        hit = self._cache.get(key) if nkey is not None else None
        if hit is _CONCRETE:
            return self._concrete_call(pos, static, args, leaves, tree)
        if hit is None:
            fun: Callable[..., Any] = self.fun   # called on traced leaves
            try:
                closed, out_tree = _trace(lambda *d: fun(*_merge(pos, static, d)), tree,
                                          avals, f"custom_jvp({self.__name__})")
            except TracerConversionError:
                # Python control flow on the values: as JAX, run it on concrete ones
                if nkey is not None:
                    self._cache[key] = _CONCRETE
                return self._concrete_call(pos, static, args, leaves, tree)
            user = self.jvp

            def flat_jvp(primals, tangents):
                p = tu.tree_unflatten(tree, primals)
                t = tu.tree_unflatten(tree, tangents)
                out, tout = user(*static, tuple(p), tuple(t))
                return ([_as_value(o) for o in tu.tree_leaves(out)],
                        [_as_value(o) for o in tu.tree_leaves(tout)])
            hit = (closed, out_tree, flat_jvp)
            if nkey is not None:
                self._cache[key] = hit
        closed, out_tree, flat_jvp = hit
        outs = custom_jvp_p.bind(*leaves, call_jaxpr=closed, jvp=flat_jvp, name=self.__name__)
        return tu.tree_unflatten(out_tree, outs)


# ------------------------------------------------------------------ custom_vjp

def _cv_impl(xp, *args, call_jaxpr, fwd, bwd, name):
    return run_jaxpr(call_jaxpr, *args)


def _cv_abstract(*avals, call_jaxpr, fwd, bwd, name):
    return list(call_jaxpr.out_avals)


def _cv_jvp(primals, tangents, call_jaxpr, fwd, bwd, name):
    if getattr(fwd, "jvp_through_primal", False):
        # the library's own implicit-differentiation solvers (control/implicit.py):
        # forward mode differentiates the solver itself (docs/scientific.md)
        jj = jvp_jaxpr(call_jaxpr, [t is not None for t in tangents])
        r = run_jaxpr(jj, *primals, *[t for t in tangents if t is not None])
        n = len(call_jaxpr.out_avals)
        return r[:n], r[n:]
    # as JAX: a custom_vjp function defines reverse mode only
    raise TypeError(f"can't apply forward-mode autodiff (jvp) to a custom_vjp function "
                    f"({name}); define it with custom_jvp instead (reverse mode then "
                    f"transposes its jvp rule), or use grad/vjp/jacrev")


def _cv_vjp_fwd(*ins, call_jaxpr, fwd, bwd, name):
    outs, res = fwd(list(ins))
    return outs, res


def _cv_vjp(ct, res, out, needs, call_jaxpr, fwd, bwd, name):
    like = U.backend_ref(ct, out if isinstance(out, (list, tuple)) else [])
    cts = [_zero(a.strip_weak(), like) if c is None else c
           for c, a in zip(ct, call_jaxpr.out_avals)]
    in_cts = bwd(res, cts)
    return [c if n and is_float(a) else None
            for c, n, a in zip(in_cts, needs, call_jaxpr.in_avals)]


def _cv_batch(vals, dims, call_jaxpr, fwd, bwd, name):
    size = U.batch_size(vals, dims)
    vals, nd = to_front(vals, dims, size, force=True)
    bj = batch_jaxpr(call_jaxpr, nd, size)
    n_out = len(call_jaxpr.out_avals)

    def bfwd(ins):
        box = []

        def f(*xs):
            outs, res = fwd(list(xs))
            box.append(len(res))
            return list(outs) + list(res)
        r = vmap_flat(f, list(ins), [0] * len(ins), lambda k: [0] * k, size, "custom_vjp_fwd")
        return r[:n_out], r[n_out:]

    def bbwd(res, cts):
        nr = len(res)
        return vmap_flat(lambda *xs: list(bwd(list(xs[:nr]), list(xs[nr:]))),
                         list(res) + list(cts), [0] * (nr + len(cts)), lambda k: [0] * k,
                         size, "custom_vjp_bwd")
    bfwd.jvp_through_primal = getattr(fwd, "jvp_through_primal", False)
    out = custom_vjp_p.bind(*vals, call_jaxpr=bj, fwd=bfwd, bwd=bbwd, name=name)
    return out, [0] * len(out)


custom_vjp_p = defprim("custom_vjp_call", impl=_cv_impl, abstract=_cv_abstract, jvp=_cv_jvp,
                       vjp_fwd=_cv_vjp_fwd, vjp=_cv_vjp, batch=_cv_batch,
                       multiple_results=True, higher_order=True,
                       inner_call=lambda params, ins: (params["call_jaxpr"], list(ins)))


class custom_vjp(Generic[P, R]):  # noqa: N801 - JAX's name
    """A function with a user-defined reverse-mode rule (JAX's ``jax.custom_vjp``).

    Args:
        fun: the primal function.
        nondiff_argnums: positions of arguments that are not differentiated;
            ``bwd`` receives them first.

    Define the rule with ``f.defvjp(fwd, bwd)``: ``fwd(*args) -> (out,
    residuals)``, ``bwd(residuals, cotangent_out) -> tuple`` with one cotangent
    per argument (None: zero).  With ``nondiff_argnums``, ``bwd(*nondiff_args,
    residuals, ct)`` returns cotangents for the other arguments only.

    Returns:
        Calling ``f(*args)`` returns ``fun(*args)``; grad and vjp use ``fwd`` and
        ``bwd``.

    Forward mode (jvp, jacfwd) raises TypeError, as JAX's.  Differs from JAX: no
    ``symbolic_zeros`` or ``optimize_remat``.  Differs from PyTorch: as
    ``torch.autograd.Function``'s forward/backward, but functional: residuals
    are returned, not saved on a context.

    Example:
        >>> import functorch_lite as fl
        >>> f = fl.custom_vjp(lambda x: 3.0 * x)
        >>> _ = f.defvjp(lambda x: (3.0 * x, None), lambda res, ct: (10.0 * ct,))
        >>> print(float(fl.grad(f)(1.0)))
        10.0
    """

    __name__: str   # fun's, by functools.update_wrapper

    def __init__(self, fun: Callable[P, R], nondiff_argnums: Sequence[int] = (), *,
                 _jvp_through_primal: bool = False):
        functools.update_wrapper(self, fun)
        self.fun = fun
        self.nondiff_argnums = tuple(nondiff_argnums)
        self.fwd: Callable[..., Any] | None = None
        self.bwd: Callable[..., Any] | None = None
        self._cache: dict[Any, Any] = {}
        self._jvp_through_primal = _jvp_through_primal   # library-internal (implicit.py)

    def defvjp(self, fwd: Callable[..., Any], bwd: Callable[..., Any]) -> "custom_vjp[P, R]":
        """Set the rules; returns self."""
        self.fwd, self.bwd = fwd, bwd
        self._cache.clear()
        return self

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        if kwargs:
            args = resolve_kwargs(self.fun, f"custom_vjp {self.__name__}", args, kwargs)
        if self.fwd is None:
            raise TypeError(f"custom_vjp {self.__name__}: no rules; call "
                            f"{self.__name__}.defvjp(fwd, bwd)")
        pos, static, args, nkey = _split_nondiff("custom_vjp", self.__name__,
                                                 self.nondiff_argnums, args)
        leaves, tree = tu.tree_flatten(args)
        leaves = [_as_value(x) for x in leaves]
        avals = tuple(get_aval(x) for x in leaves)
        key = (tree, avals, nkey)
        hit = self._cache.get(key) if nkey is not None else None
        if hit is None:
            fun: Callable[..., Any] = self.fun   # called on traced leaves
            closed, out_tree = _trace(lambda *d: fun(*_merge(pos, static, d)), tree, avals,
                                      f"custom_vjp({self.__name__})")
            ufwd, ubwd, name = self.fwd, self.bwd, self.__name__
            res_tree: list[Any] = []

            def flat_fwd(ins):
                out, res = ufwd(*_merge(pos, static, tu.tree_unflatten(tree, ins)))
                rl, rt = tu.tree_flatten(res)
                res_tree[:] = [rt]
                return [_as_value(o) for o in tu.tree_leaves(out)], [_as_value(r) for r in rl]

            def flat_bwd(res, cts):
                r = tu.tree_unflatten(res_tree[0], res)
                ct = tu.tree_unflatten(out_tree, cts)
                in_cts = ubwd(*static, r, ct)
                if not isinstance(in_cts, (tuple, list)) or len(in_cts) != len(args):
                    raise TypeError(f"custom_vjp {name}: bwd must return a tuple with one "
                                    f"cotangent per differentiable argument ({len(args)}), "
                                    f"got {type(in_cts).__name__}"
                                    + (f" of length {len(in_cts)}"
                                       if isinstance(in_cts, (tuple, list)) else ""))
                flat = []
                for c, a in zip(in_cts, args):
                    n = len(tu.tree_leaves(a))
                    flat += [None] * n if c is None else \
                        [_as_value(x) for x in tu.tree_leaves(c)]
                return flat
            setattr(flat_fwd, "jvp_through_primal", self._jvp_through_primal)   # read by the rule
            hit = (closed, out_tree, flat_fwd, flat_bwd)
            if nkey is not None:
                self._cache[key] = hit
        closed, out_tree, flat_fwd, flat_bwd = hit
        outs = custom_vjp_p.bind(*leaves, call_jaxpr=closed, fwd=flat_fwd, bwd=flat_bwd,
                                 name=self.__name__)
        return tu.tree_unflatten(out_tree, outs)
