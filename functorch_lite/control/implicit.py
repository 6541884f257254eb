"""Implicit differentiation: ``custom_linear_solve`` and ``custom_root`` (as
``jax.lax``), and ``closure_convert`` (as ``jax.closure_convert``).

Both are ``custom_vjp`` functions whose reverse rule solves one linear system
instead of differentiating the solver's iterations (memory does not grow with
them).  A function handed in may close over values traced by an enclosing
transform (the usual case: ``matvec`` closes over the parameters being
differentiated); ``closure_convert`` traces it once and turns those closed-over
tracers into explicit arguments, so the gradient reaches them.

Forward mode differs from JAX: ``jvp`` differentiates the solver itself
(exact for a direct solve, the derivative of the iterations for an iterative
one), where JAX applies the implicit rule in forward mode too.
"""
from ..core import tree_util as tu
from ..core.ir import ClosedJaxpr, Jaxpr
from ..core.trace import Tracer, get_aval
from ..core.tracing import trace_to_jaxpr
from ..transforms.reverse import backward_pass, vjp_flat
from ._util import as_value, run_jaxpr
from .custom import custom_vjp

__all__ = ["closure_convert", "custom_linear_solve", "custom_root", "vjp_leaves"]


def closure_convert(fun, *example_args):
    """Trace ``fun(*example_args)`` once; returns ``(converted, consts)`` where
    ``converted(*args, *consts)`` computes ``fun(*args)`` with the values it
    closed over that belong to an enclosing transform (tracers) passed
    explicitly as ``consts`` (concrete closed-over arrays stay inside).  As
    ``jax.closure_convert``; the trace is reused for arguments shaped like the
    examples."""
    leaves, tree = tu.tree_flatten(example_args)
    leaves = [as_value(x) for x in leaves]
    box = []

    def flat(*xs):
        out = fun(*tu.tree_unflatten(tree, xs))
        ol, ot = tu.tree_flatten(out)
        box.append(ot)
        return [as_value(o) if not isinstance(o, Tracer) else o for o in ol]
    closed, _ = trace_to_jaxpr(flat, [get_aval(x) for x in leaves],
                               f"closure_convert({getattr(fun, '__name__', 'fun')})")
    j = closed.jaxpr
    hoist = [isinstance(c, Tracer) for c in closed.consts]
    keep_v = [v for v, h in zip(j.constvars, hoist) if not h]
    keep_c = [c for c, h in zip(closed.consts, hoist) if not h]
    hv = [v for v, h in zip(j.constvars, hoist) if h]
    consts = [c for c, h in zip(closed.consts, hoist) if h]
    hj = ClosedJaxpr(Jaxpr(keep_v, hv + list(j.invars), j.outvars, j.eqns), keep_c)
    out_tree, n_in, nc = box[0], len(leaves), len(consts)

    def converted(*args):
        if len(args) != len(example_args) + nc:
            raise TypeError(f"closure_convert: the converted function takes "
                            f"{len(example_args)} arguments and {nc} consts, got "
                            f"{len(args)} values")
        al, at = tu.tree_flatten(args[:len(example_args)])
        if at != tree or len(al) != n_in:
            raise TypeError(f"closure_convert: arguments shaped {at}, traced for {tree}")
        outs = run_jaxpr(hj, *args[len(example_args):], *[as_value(x) for x in al])
        return tu.tree_unflatten(out_tree, outs)
    converted.__name__ = getattr(fun, "__name__", "converted")
    return converted, consts


def vjp_leaves(fun, primals, cts):
    """Cotangents of ``fun(*primals)`` (flat lists in and out) for output
    cotangents ``cts``; a zero cotangent comes back as None."""
    _, refs, leaves, _ = vjp_flat(lambda *xs: (list(fun(*xs)), []),
                                  [as_value(p) for p in primals], "implicit_vjp")
    return backward_pass(refs, [as_value(c) for c in cts], leaves)


def _check_same(name, what, a, b):
    la, ta = tu.tree_flatten(a)
    lb, tb = tu.tree_flatten(b)
    if ta != tb or any(get_aval(as_value(x)).shape != get_aval(as_value(y)).shape
                       for x, y in zip(la, lb)):
        raise TypeError(f"{name}: {what} must return a value shaped like its input "
                        f"({ta}), got {tb}")


def custom_linear_solve(matvec, b, solve, transpose_solve=None, symmetric=False):
    """``x = solve(matvec, b)`` for the linear map ``matvec``, differentiated
    implicitly: the cotangent of ``b`` is ``transpose_solve(vecmat, x_bar)``
    and that of the values ``matvec`` closes over is ``-(d matvec(x)/dtheta)^T
    b_bar``; the solver's steps are never taped.  ``symmetric=True`` uses
    ``solve`` for the transpose.  ``b`` may be a pytree.  As
    ``jax.lax.custom_linear_solve`` (without ``has_aux``); the gradient through
    ``solve``'s own closed-over values is zero, as in JAX."""
    if transpose_solve is None and symmetric:
        transpose_solve = solve
    mv, mv_c = closure_convert(matvec, b)
    _check_same("custom_linear_solve", "matvec", b, matvec(b))
    sv, sv_c = closure_convert(lambda bb: solve(matvec, bb), b)
    nm = len(mv_c)
    bl0, bt = tu.tree_flatten(b)

    def vecmat(y, cm):   # the transpose of matvec (linear: any linearisation point)
        yl = tu.tree_leaves(y)
        cts = vjp_leaves(lambda *xs: tu.tree_leaves(mv(tu.tree_unflatten(bt, xs), *cm)),
                         [0 * v for v in yl], yl)
        return tu.tree_unflatten(bt, [c if c is not None else 0 * v for c, v in zip(cts, yl)])
    if transpose_solve is not None:
        # traced now, while the values it closes over are alive (bwd runs after)
        tsv, ts_c = closure_convert(
            lambda r, cm: transpose_solve(lambda y: vecmat(y, cm), r), b, list(mv_c))
    else:
        tsv, ts_c = None, []

    def run(bb, cm, cs, ct):
        return sv(bb, *cs)

    def fwd(bb, cm, cs, ct):
        x = sv(bb, *cs)
        return x, (x, cm, ct)

    def bwd(res, x_bar):
        x, cm, ct = res
        if tsv is None:
            raise TypeError("custom_linear_solve: reverse mode needs transpose_solve "
                            "(or symmetric=True)")
        b_bar = tsv(x_bar, list(cm), *ct)
        bl = tu.tree_leaves(b_bar)
        cm_bar = []
        if nm:
            cm_bar = vjp_leaves(lambda *cs: tu.tree_leaves(mv(x, *cs)), list(cm), bl)
            cm_bar = [0 * c0 if c is None else -c for c, c0 in zip(cm_bar, cm)]
        return b_bar, cm_bar, None, None

    f = custom_vjp(run, _jvp_through_primal=True)
    f.defvjp(fwd, bwd)
    return f(b, list(mv_c), list(sv_c), list(ts_c))


def custom_root(f, initial_guess, solve, tangent_solve, has_aux=False):
    """A root ``x`` of ``f(x) = 0`` found by ``solve(f, initial_guess)``,
    differentiated by the implicit function theorem: with ``J = df/dx`` at the
    root, the values ``f`` closes over get ``-(df/dtheta)^T J^-T x_bar``, where
    ``tangent_solve(g, y)`` solves the linear system ``g(z) = y`` (here with
    ``g`` the transpose of ``J``; for a scalar root ``lambda g, y: y / g(1.0)``).
    As ``jax.lax.custom_root``; with ``has_aux`` ``solve`` returns
    ``(root, aux)`` and aux is returned undifferentiated."""
    _check_same("custom_root", "f", initial_guess, f(initial_guess))
    fc, f_c = closure_convert(f, initial_guess)

    def solve_flat(x0):
        out = solve(f, x0)
        return out if has_aux else (out, None)
    sv, sv_c = closure_convert(solve_flat, initial_guess)

    xl0, xt = tu.tree_flatten(initial_guess)

    def vecmat(x, cf, y):   # (df/dx)^T y at the root x
        cs_ = vjp_leaves(lambda *xs: tu.tree_leaves(fc(tu.tree_unflatten(xt, xs), *cf)),
                         tu.tree_leaves(x), tu.tree_leaves(y))
        return tu.tree_unflatten(xt, [c if c is not None else 0 * v
                                      for c, v in zip(cs_, tu.tree_leaves(x))])
    # traced now, while the values tangent_solve closes over are alive (bwd runs after)
    tsv, ts_c = closure_convert(
        lambda xb, x, cf: tangent_solve(lambda y: vecmat(x, cf, y), xb),
        initial_guess, initial_guess, list(f_c))

    def run(x0, cf, cs, ct):
        return sv(x0, *cs)

    def fwd(x0, cf, cs, ct):
        out = sv(x0, *cs)
        return out, (out[0], cf, ct)

    def bwd(res, cts):
        x, cf, ct = res
        lam = tsv(cts[0], x, list(cf), *ct)
        ll = tu.tree_leaves(lam)
        cf_bar = []
        if cf:
            cf_bar = vjp_leaves(lambda *cs: tu.tree_leaves(fc(x, *cs)), list(cf), ll)
            cf_bar = [0 * c0 if c is None else -c for c, c0 in zip(cf_bar, cf)]
        return None, cf_bar, None, None

    g = custom_vjp(run, _jvp_through_primal=True)
    g.defvjp(fwd, bwd)
    root, aux = g(initial_guess, list(f_c), list(sv_c), list(ts_c))
    return (root, aux) if has_aux else root
