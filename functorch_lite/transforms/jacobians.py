"""jacfwd, jacrev, hessian and linearize.

Jacobians follow JAX's layout: for an output leaf of shape O and an input
leaf of shape I the block has shape O + I; the result has the output's
pytree structure with, at each output leaf, the structure of the
differentiated arguments (a single one when argnums is an int).

jacfwd pushes the standard basis of the inputs through jvp under one vmap;
jacrev pulls the standard basis of the outputs back through one vjp_fn under
vmap.  So both cost one batched pass.  Block assembly uses primitives, so
nesting works (hessian = jacfwd(jacrev)).

linearize runs the jvp once while tracing the tangent inputs into a jaxpr:
primal values are concrete during that pass, so every primal computation runs
eagerly and only the tangent (linear) operations are recorded, with the
residuals they need captured as constants.  jvp_fn then evaluates just that
linear jaxpr: no primal recomputation.
"""
import functools
from typing import Any, Callable, Literal, Sequence, overload

import numpy as np

from ..core._typevars import P, R
from ..core.eval import eval_closed_jaxpr
from ..core import tree_util as tu
from ..core.trace import get_aval, public
from ..core.tracing import trace_to_jaxpr
from ..primitives import _util as U
from ..primitives.linalg import eye_like
from .api import (_argnums_tuple, _as_value, _check_float_leaves, _split_aux,
                  facade_adapter, jvp, vjp, vmap)
from .jvp import JVPTracer, jvp_flat


def _partial(fun, args, kwargs, nums, tree):
    """fun of the flat leaves of the differentiated arguments, others fixed."""
    def f(*leaves):
        new = list(args)
        for i, a in zip(nums, tu.tree_unflatten(tree, leaves)):
            new[i] = a
        return fun(*new, **kwargs)
    return f


def _basis(refs):
    """Per leaf, its (N, *shape) slab of the N x N identity (N = total size),
    built on each leaf's backend (see primitives.linalg.eye_like)."""
    avals = [get_aval(r) for r in refs]
    sizes = [a.size for a in avals]
    n = sum(sizes)
    out, off = [], 0
    for r, a, s in zip(refs, avals, sizes):
        zero = np.zeros((), a.dtype)[()]
        block = U.shp.pad(eye_like(r, s), zero, ((off, n - off - s, 0), (0, 0, 0)))
        out.append(U.shp.reshape(block, (n,) + a.shape))
        off += s
    return out, sizes


def _block(x, off, size, lead_shape, tail_shape, lead_first):
    """Rows [off, off+size) of an (N, *rest) batch as the Jacobian block.

    lead_first=False (jacfwd): x is (N_in, *out_shape) -> out_shape + in_shape.
    lead_first=True (jacrev):  x is (N_out, *in_shape) -> out_shape + in_shape."""
    shape = get_aval(x).shape
    nd = len(shape)
    if (off, off + size) != (0, shape[0]):
        x = U.shp.slice_(x, (off,) + (0,) * (nd - 1), (off + size,) + shape[1:])
    if lead_first:
        return U.shp.reshape(x, tuple(lead_shape) + tuple(tail_shape))
    x = U.moveaxis(x, 0, nd - 1) if nd > 1 else x
    return U.shp.reshape(x, tuple(shape[1:]) + tuple(lead_shape))


def _prepare(name, argnums, args):
    _, nums = _argnums_tuple(argnums, len(args), name)
    single = isinstance(argnums, int)
    leaves, tree = tu.tree_flatten(tuple(args[i] for i in nums))
    leaves = [_as_value(x) for x in leaves]
    _check_float_leaves(leaves, name)
    return single, nums, leaves, tree


def _check_complex(name, leaves, holomorphic, what):
    """JAX's dtype rules for jacfwd/jacrev: with holomorphic=True every leaf is
    complex; without, a complex leaf (jacfwd: input, jacrev: output) is refused,
    since the Jacobian of a non-holomorphic map is not one complex matrix."""
    for x in leaves:
        dt = get_aval(x).dtype
        if holomorphic and dt.kind != "c":
            raise TypeError(f"{name} with holomorphic=True requires {what} with complex "
                            f"dtype, but got {dt.name}.")
        if not holomorphic and dt.kind == "c":
            raise TypeError(f"{name} requires real-valued {what} (a sub-dtype of "
                            f"np.floating), but got {dt.name}. For holomorphic "
                            f"differentiation, pass holomorphic=True. For differentiation "
                            f"of non-holomorphic functions involving complex {what}, use "
                            f"vjp/jvp directly.")


def _per_out(blocks_per_in, tree, single):
    t = tu.tree_unflatten(tree, blocks_per_in)
    return t[0] if single else t


def jacfwd(fun: Callable[P, Any], argnums: int | Sequence[int] = 0, has_aux: bool = False,
           holomorphic: bool = False) -> Callable[P, Any]:
    """Jacobian by forward mode: one vmapped jvp over the input basis (JAX's ``jax.jacfwd``).

    Args:
        fun: function of arrays (or pytrees) returning an array or pytree
            (``(out, aux)`` with ``has_aux=True``).
        argnums: int or tuple of ints: the arguments to differentiate (default 0).
        has_aux: ``fun`` returns ``(out, aux)``; the result is ``(jacobian, aux)``.
        holomorphic: complex inputs, the complex Jacobian f'(z); without it complex
            inputs are refused (JAX's TypeError).

    Returns:
        A function returning the Jacobian: for an output of shape ``O`` and an
        input of shape ``I``, an array of shape ``O + I``; pytrees nest as JAX's
        (output structure outside, input structure inside).

    Differs from PyTorch: as ``torch.func.jacfwd`` (whose ``randomness=`` this
    JAX-style name does not take; ``functorch_lite.func.jacfwd`` does).  Best
    when the function has fewer inputs than outputs.

    Example:
        >>> import functorch_lite as fl
        >>> import functorch_lite.numpy as fnp
        >>> print(fl.jacfwd(lambda x: x ** 2)(fnp.array([1.0, 2.0])))
        [[2. 0.]
         [0. 4.]]
    """
    @functools.wraps(fun)
    def jacfun(*args, **kwargs):
        adapted = facade_adapter(fun, args, kwargs)
        if adapted is not None:  # a function written with Tensor methods
            g, a, k, wrap = adapted
            return tu.tree_map(wrap, jacfwd(g, argnums, has_aux, holomorphic)(*a, **k))
        single, nums, leaves, tree = _prepare("jacfwd", argnums, args)
        _check_complex("jacfwd", leaves, holomorphic, "inputs")
        f = _partial(fun, args, kwargs, nums, tree)
        avals = [get_aval(x) for x in leaves]
        basis, sizes = _basis(leaves)
        box = []

        def push(*tangents):
            res = jvp(f, tuple(leaves), tuple(tangents), has_aux=has_aux)
            out, tout = res[0], res[1]
            t_leaves, out_tree = tu.tree_flatten(tout)
            box.append((out_tree, [get_aval(o) for o in tu.tree_leaves(out)]))
            return t_leaves, (res[2] if has_aux else None)

        t_batched, aux = vmap(push, out_axes=(0, None))(*basis)
        out_tree, out_avals = box[0]
        jac_leaves = []
        for t, oa in zip(t_batched, out_avals):
            blocks, off = [], 0
            for a, s in zip(avals, sizes):
                blocks.append(_block(t, off, s, a.shape, oa.shape, False))
                off += s
            jac_leaves.append(_per_out(blocks, tree, single))
        jac = tu.tree_unflatten(out_tree, jac_leaves)
        return (jac, aux) if has_aux else jac
    return jacfun


def jacrev(fun: Callable[P, Any], argnums: int | Sequence[int] = 0, has_aux: bool = False,
           holomorphic: bool = False) -> Callable[P, Any]:
    """Jacobian by reverse mode: one vjp, its vjp_fn vmapped over the output basis (JAX's ``jax.jacrev``).

    Args:
        fun: function of arrays (or pytrees) returning an array or pytree
            (``(out, aux)`` with ``has_aux=True``).
        argnums: int or tuple of ints: the arguments to differentiate (default 0).
        has_aux: ``fun`` returns ``(out, aux)``; the result is ``(jacobian, aux)``.
        holomorphic: complex inputs and outputs, the complex Jacobian; without it
            complex outputs are refused (JAX's TypeError), and a complex input of a
            real output gives JAX's convention (the gradient's form, see ``grad``).

    Returns:
        A function returning the Jacobian, shaped as ``jacfwd``'s.

    Differs from PyTorch: as ``torch.func.jacrev`` (no ``chunk_size=`` here;
    ``functorch_lite.func.jacrev`` takes it).  Best when the function has fewer
    outputs than inputs.

    Example:
        >>> import functorch_lite as fl
        >>> import functorch_lite.numpy as fnp
        >>> print(fl.jacrev(lambda x: x ** 2)(fnp.array([1.0, 2.0])))
        [[2. 0.]
         [0. 4.]]
    """
    @functools.wraps(fun)
    def jacfun(*args, **kwargs):
        adapted = facade_adapter(fun, args, kwargs)
        if adapted is not None:  # a function written with Tensor methods
            g, a, k, wrap = adapted
            return tu.tree_map(wrap, jacrev(g, argnums, has_aux, holomorphic)(*a, **k))
        single, nums, leaves, tree = _prepare("jacrev", argnums, args)
        if holomorphic:
            _check_complex("jacrev", leaves, True, "inputs")
        f = _partial(fun, args, kwargs, nums, tree)
        res = vjp(f, *leaves, has_aux=has_aux)
        out, vjp_fn = res[0], res[1]
        out_leaves, out_tree = tu.tree_flatten(out)
        out_avals = [get_aval(_as_value(o)) for o in out_leaves]
        _check_complex("jacrev", [_as_value(o) for o in out_leaves], holomorphic, "outputs")
        basis, sizes = _basis([_as_value(o) for o in out_leaves])

        def pull(*cts):
            return list(vjp_fn(tu.tree_unflatten(out_tree, list(cts))))

        ct_batched = vmap(pull)(*basis)
        in_avals = [get_aval(x) for x in leaves]
        jac_leaves, off = [], 0
        for oa, s in zip(out_avals, sizes):
            blocks = [_block(c, off, s, oa.shape, a.shape, True)
                      for c, a in zip(ct_batched, in_avals)]
            jac_leaves.append(_per_out(blocks, tree, single))
            off += s
        jac = tu.tree_unflatten(out_tree, jac_leaves)
        return (jac, res[2]) if has_aux else jac
    return jacfun


def hessian(fun: Callable[P, Any], argnums: int | Sequence[int] = 0, has_aux: bool = False,
            holomorphic: bool = False) -> Callable[P, Any]:
    """Hessian of a scalar function: ``jacfwd(jacrev(fun))``, forward-over-reverse, JAX's choice (``jax.hessian``).

    Args:
        fun: function returning a scalar (``(scalar, aux)`` with ``has_aux``).
        argnums: int or tuple of ints: the arguments to differentiate (default 0).
        has_aux: ``fun`` returns ``(value, aux)``; the result is ``(hessian, aux)``.
        holomorphic: complex inputs and output, as ``jacfwd``/``jacrev``.

    Returns:
        A function returning the matrix of second derivatives, of shape
        ``I + I`` for an input of shape ``I``.

    Differs from PyTorch: as ``torch.func.hessian``;
    ``torch.autograd.functional.hessian`` computes it eagerly.

    Example:
        >>> import functorch_lite as fl
        >>> import functorch_lite.numpy as fnp
        >>> print(fl.hessian(lambda x: fnp.sum(x ** 3))(fnp.array([1.0, 2.0])))
        [[ 6.  0.]
         [ 0. 12.]]
    """
    return jacfwd(jacrev(fun, argnums, has_aux, holomorphic), argnums, has_aux, holomorphic)


@overload
def linearize(fun: Callable[..., R], *primals: Any,
              has_aux: Literal[False] = ...) -> tuple[R, Callable[..., R]]: ...
@overload
def linearize(fun: Callable[..., Any], *primals: Any,
              has_aux: Literal[True]) -> tuple[Any, Callable[..., Any], Any]: ...
@overload
def linearize(fun: Callable[..., Any], *primals: Any, has_aux: bool) -> tuple[Any, ...]: ...
def linearize(fun: Callable[..., Any], *primals: Any, has_aux: bool = False) -> tuple[Any, ...]:
    """Evaluate ``fun`` and return its linear approximation at ``primals`` (JAX's ``jax.linearize``).

    The linear part is traced once (see the module docstring); each ``jvp_fn``
    call evaluates only the recorded tangent operations, so many jvps at one
    point cost less than many ``jvp`` calls.

    Args:
        fun: function of arrays (or pytrees) returning an array or pytree
            (``(out, aux)`` with ``has_aux=True``).
        *primals: the point, one value per positional argument.
        has_aux: ``fun`` returns ``(out, aux)``; aux is returned third.

    Returns:
        ``(out, jvp_fn)`` (``(out, jvp_fn, aux)`` with ``has_aux``):
        ``jvp_fn(*tangents)`` is the jvp of ``fun`` at ``primals``.

    Differs from PyTorch: as ``torch.func.linearize``.

    Example:
        >>> import functorch_lite as fl
        >>> import functorch_lite.numpy as fnp
        >>> out, f_jvp = fl.linearize(fnp.sin, 0.0)
        >>> print(float(out), float(f_jvp(3.0)))
        0.0 3.0
    """
    adapted = facade_adapter(fun, primals, {})
    if adapted is not None:   # a function written with Tensor methods
        g, a, _, wrap = adapted
        res = linearize(lambda *xs: g(*xs), *a, has_aux=has_aux)
        f_jvp = res[1]

        def jvp_fn_t(*tangents):
            return tu.tree_map(wrap, f_jvp(*tu.tree_map(_as_value, tangents)))
        setattr(jvp_fn_t, "jaxpr", getattr(f_jvp, "jaxpr"))
        out = tu.tree_map(wrap, res[0])
        return (out, jvp_fn_t, tu.tree_map(wrap, res[2])) if has_aux else (out, jvp_fn_t)
    leaves, in_tree = tu.tree_flatten(primals)
    leaves = [_as_value(x) for x in leaves]
    _check_float_leaves(leaves, "linearize")
    in_avals = [get_aval(x).strip_weak() for x in leaves]
    box = []

    def flat_fun(*xs):
        out = fun(*tu.tree_unflatten(in_tree, xs))
        aux = None
        if has_aux:
            out, aux = _split_aux(out, "linearize")
            tr = xs[0]._trace if xs else None   # aux leaves leave as primal values
            aux = tu.tree_map(lambda a: a.primal if isinstance(a, JVPTracer) and
                              a._trace is tr else a, aux)
        out_leaves, out_tree = tu.tree_flatten(out)
        box.append((out_tree, aux))
        return out_leaves

    def tangent_fun(*tangents):
        outs, touts = jvp_flat(flat_fun, leaves, list(tangents), "linearize")
        box.append(outs)
        return [U.zeros_like(o) if t is None else t for o, t in zip(outs, touts)]

    closed, _ = trace_to_jaxpr(tangent_fun, in_avals, "linearize")
    (out_tree, aux), outs = box[0], box[1]
    out = tu.tree_unflatten(out_tree, public(outs))

    def jvp_fn(*tangents):
        t_leaves, t_tree = tu.tree_flatten(tangents)
        if t_tree != in_tree:
            raise ValueError(f"linearize jvp_fn: tangent structure {t_tree} does not match "
                             f"the primals' structure {in_tree}")
        t_leaves = [_as_value(t) for t in t_leaves]
        for t, a in zip(t_leaves, in_avals):
            ta = get_aval(t)
            if ta.shape != a.shape:
                raise ValueError(f"linearize jvp_fn: tangent shape {ta.shape} does not "
                                 f"match the primal shape {a.shape}")
            if ta.dtype != a.dtype:
                raise TypeError(f"linearize jvp_fn: tangent dtype {ta.dtype} does not "
                                f"match the primal dtype {a.dtype}")
        return tu.tree_unflatten(out_tree, public(eval_closed_jaxpr(closed, *t_leaves)))

    setattr(jvp_fn, "jaxpr", closed)   # the linear program, for inspection
    return (out, jvp_fn, aux) if has_aux else (out, jvp_fn)


__all__ = ["jacfwd", "jacrev", "hessian", "linearize"]
