"""The public transforms: grad, value_and_grad, vjp, jvp, vmap, make_jaxpr."""
import functools

import numpy as np

from ..control._util import as_value as _as_value
from ..core import tree_util as tu
from ..core.ir import SourcedClosedJaxpr
from ..core.trace import Tracer, get_aval, source_info
from ..core.tracing import trace_to_jaxpr
from ..primitives import _util as U
from .batching import vmap_flat
from .jvp import JVPTracer, jvp_flat
from .reverse import backward_pass, vjp_flat


# --- functions written with Tensor methods (torch.func style): the facade's
# Tensor class provides __fl_value__ (Tensor -> array) and __fl_wrap__ (array or
# tracer -> Tensor); inputs that were Tensors reach the function as Tensors and
# the results come back as Tensors.

def _facade_wrap(leaves):
    for x in leaves:
        w = getattr(type(x), "__fl_wrap__", None)
        if w is not None:
            return w
    return None


def _rewrap(xs, originals, wrap):
    if wrap is None:
        return xs
    return [wrap(x) if hasattr(type(o), "__fl_wrap__") else x for x, o in zip(xs, originals)]


def _unwrap(x):
    conv = getattr(x, "__fl_value__", None)
    return conv() if conv is not None and not isinstance(x, Tracer) else x


def _wrap_out(tree, wrap):
    return tree if wrap is None else tu.tree_map(wrap, tree)


def facade_adapter(fun, args, kwargs):
    """For transforms that hand ``fun`` raw tracers (jit, the Jacobians): if any
    argument leaf is a Tensor, return (g, array_args, array_kwargs, wrap) where
    ``g`` takes arrays, shows ``fun`` Tensors and returns arrays; ``wrap`` turns
    results back into Tensors.  Returns None when no Tensor is involved."""
    leaves, tree = tu.tree_flatten((args, kwargs))
    wrap = _facade_wrap(leaves)
    if wrap is None:
        return None
    mask = [hasattr(type(x), "__fl_wrap__") for x in leaves]

    def g(*a, **k):
        ls, tr = tu.tree_flatten((a, k))
        a2, k2 = tu.tree_unflatten(tr, [wrap(x) if m else x for x, m in zip(ls, mask)])
        return tu.tree_map(_unwrap, fun(*a2, **k2))
    g.__name__ = getattr(fun, "__name__", "fun")
    a, k = tu.tree_unflatten(tree, [_unwrap(x) for x in leaves])
    return g, a, k, wrap


def _argnums_tuple(argnums, nargs, name):
    single = isinstance(argnums, int)
    nums = (argnums,) if single else tuple(argnums)
    for a in nums:
        if not -nargs <= a < nargs:
            raise ValueError(f"{name}: argnums={argnums} but the function got {nargs} "
                             f"positional arguments")
    return single, tuple(a % nargs for a in nums)


def _check_float_leaves(leaves, name):
    for x in leaves:
        dt = get_aval(x).dtype
        if dt.kind not in "fc":
            raise TypeError(f"{name} requires floating-point inputs to differentiate, got "
                            f"{dt} (shape {get_aval(x).shape}); pass floats, e.g. "
                            f"x.astype(float), or exclude it from argnums")


def _zeros_for(x):
    """A zero cotangent/tangent like x, on x's backend."""
    if isinstance(x, (np.ndarray, np.generic, bool, int, float, complex)):
        a = get_aval(x)
        return np.zeros(a.shape, a.dtype)
    return U.zeros_like(x)


# ------------------------------------------------------------------ vjp/grad

def vjp(fun, *primals, has_aux=False):
    leaves, in_tree = tu.tree_flatten(primals)
    orig, wrap = leaves, _facade_wrap(leaves)
    leaves = [_as_value(x) for x in leaves]
    out_tree_box = []

    def flat_fun(*xs):
        out = fun(*tu.tree_unflatten(in_tree, _rewrap(xs, orig, wrap)))
        aux = None
        if has_aux:
            out, aux = _split_aux(out, "vjp")
        out_leaves, out_tree = tu.tree_flatten(out)
        out_leaves = [_unwrap(o) for o in out_leaves]
        aux_leaves, aux_tree = tu.tree_flatten(aux)
        aux_leaves = [_unwrap(o) for o in aux_leaves]
        out_tree_box.append((out_tree, aux_tree))
        return out_leaves, aux_leaves

    outs, refs, leaf_nodes, aux = vjp_flat(flat_fun, leaves, "vjp")
    out_tree, aux_tree = out_tree_box[0]
    out_avals = [get_aval(o) for o in outs]

    def vjp_fn(ct):
        ct_leaves, ct_tree = tu.tree_flatten(ct)
        if ct_tree != out_tree:
            raise ValueError(f"vjp_fn: cotangent structure {ct_tree} does not match the "
                             f"output structure {out_tree}")
        cts = []
        for c, a in zip(ct_leaves, out_avals):
            c = _as_value(c)
            ca = get_aval(c)
            if ca.shape != a.shape:
                raise ValueError(f"vjp_fn: cotangent shape {ca.shape} does not match the "
                                 f"output shape {a.shape}")
            cts.append(c)
        in_cts = backward_pass(refs, cts, leaf_nodes)
        in_cts = [_zeros_for(x) if c is None else _cast_like(c, x)
                  for c, x in zip(in_cts, leaves)]
        return _wrap_out(tuple(tu.tree_unflatten(in_tree, in_cts)), wrap)

    out = _wrap_out(tu.tree_unflatten(out_tree, outs), wrap)
    if has_aux:
        return out, vjp_fn, _wrap_out(tu.tree_unflatten(aux_tree, aux), wrap)
    return out, vjp_fn


def _cast_like(c, x):
    dt = get_aval(x).dtype
    return c if get_aval(c).dtype == dt else U.ew.convert_element_type(c, dt)


def _split_aux(out, name):
    if not (isinstance(out, (tuple, list)) and len(out) == 2):
        raise TypeError(f"{name}(has_aux=True): the function must return a pair "
                        f"(output, aux), got {type(out).__name__}")
    return out[0], out[1]


def value_and_grad(fun, argnums=0, has_aux=False):
    @functools.wraps(fun)
    def vg(*args, **kwargs):
        single, nums = _argnums_tuple(argnums, len(args), "grad")
        diff = tuple(args[i] for i in nums)
        leaves, tree = tu.tree_flatten(diff)
        orig, wrap = leaves, _facade_wrap(leaves)
        leaves = [_as_value(x) for x in leaves]
        _check_float_leaves(leaves, "grad")
        box = []

        def flat_fun(*xs):
            new_args = list(args)
            for i, sub in zip(nums, tu.tree_unflatten(tree, _rewrap(xs, orig, wrap))):
                new_args[i] = sub
            out = fun(*new_args, **kwargs)
            aux = None
            if has_aux:
                out, aux = _split_aux(out, "grad")
            out = _as_value(out) if not isinstance(out, Tracer) else out
            a = get_aval(out)
            if a.shape != () or a.dtype.kind != "f":
                raise TypeError(
                    f"grad requires a real scalar output, but the function returned "
                    f"{a.str_short()} (shape {a.shape}, dtype {a.dtype}). Reduce it "
                    f"(e.g. .sum()) or use vjp / jacrev for non-scalar outputs.")
            aux_leaves, aux_tree = tu.tree_flatten(aux)
            box.append(aux_tree)
            return [out], [_unwrap(a) for a in aux_leaves]

        (value,), refs, leaf_nodes, aux = vjp_flat(flat_fun, leaves, "grad")
        one = U.ones_like(value)  # made by the output's own backend
        cts = backward_pass(refs, [one], leaf_nodes, release=True)
        grads = [_zeros_for(x) if c is None else _cast_like(c, x)
                 for c, x in zip(cts, leaves)]
        g = _wrap_out(tu.tree_unflatten(tree, grads), wrap)
        g = g[0] if single else g
        value = _wrap_out(value, wrap)
        if has_aux:
            return (value, _wrap_out(tu.tree_unflatten(box[0], aux), wrap)), g
        return value, g
    return vg


def grad(fun, argnums=0, has_aux=False):
    vg = value_and_grad(fun, argnums, has_aux)

    @functools.wraps(fun)
    def g(*args, **kwargs):
        out, gr = vg(*args, **kwargs)
        return (gr, out[1]) if has_aux else gr
    return g


# ----------------------------------------------------------------------- jvp

def jvp(fun, primals, tangents, has_aux=False):
    if not isinstance(primals, (tuple, list)) or not isinstance(tangents, (tuple, list)):
        raise TypeError("jvp: primals and tangents must be tuples (one entry per argument)")
    p_leaves, p_tree = tu.tree_flatten(tuple(primals))
    t_leaves, t_tree = tu.tree_flatten(tuple(tangents))
    if p_tree != t_tree:
        raise ValueError(f"jvp: primals {p_tree} and tangents {t_tree} differ in structure")
    orig, wrap = p_leaves, _facade_wrap(p_leaves)
    p_leaves = [_as_value(x) for x in p_leaves]
    t_leaves = [_as_value(x) for x in t_leaves]
    for p, t in zip(p_leaves, t_leaves):
        pa, ta = get_aval(p), get_aval(t)
        if pa.shape != ta.shape:
            raise ValueError(f"jvp: primal shape {pa.shape} and tangent shape {ta.shape} "
                             f"differ; each tangent must have its primal's shape")
    box = []

    def flat_fun(*xs):
        out = fun(*tu.tree_unflatten(p_tree, _rewrap(xs, orig, wrap)))
        aux = None
        if has_aux:
            out, aux = _split_aux(out, "jvp")
            # aux leaves leave this jvp as their primal values (not dead tracers)
            tr = xs[0]._trace if xs else None
            aux = tu.tree_map(lambda a: a.primal if isinstance(a, JVPTracer) and
                              a._trace is tr else a, aux)
        leaves, tree = tu.tree_flatten(out)
        box.append((tree, aux))
        return [_unwrap(o) for o in leaves]

    outs, touts = jvp_flat(flat_fun, p_leaves, t_leaves)
    out_tree, aux = box[0]
    touts = [_zeros_for(o) if t is None else t for o, t in zip(outs, touts)]
    res = (_wrap_out(tu.tree_unflatten(out_tree, outs), wrap),
           _wrap_out(tu.tree_unflatten(out_tree, touts), wrap))
    return (res + (aux,)) if has_aux else res


# ---------------------------------------------------------------------- vmap

def vmap(fun, in_axes=0, out_axes=0, axis_size=None):
    @functools.wraps(fun)
    def batched(*args):
        leaves, in_tree = tu.tree_flatten(args)
        orig, wrap = leaves, _facade_wrap(leaves)
        leaves = [_as_value(x) for x in leaves]
        axes = tuple(in_axes) if isinstance(in_axes, list) else in_axes
        if isinstance(axes, tuple) and len(axes) != len(args):
            raise ValueError(f"vmap: in_axes {in_axes} has {len(axes)} entries but the "
                             f"function got {len(args)} arguments")
        dims = tu.broadcast_prefix(axes, args)
        size = axis_size
        norm = []
        for x, d in zip(leaves, dims):
            if d is None:
                norm.append(None)
                continue
            nd = get_aval(x).ndim
            if not -nd <= d < nd:
                raise ValueError(f"vmap: in_axes {d} is out of range for an argument of "
                                 f"shape {get_aval(x).shape}")
            d %= nd
            n = get_aval(x).shape[d]
            if size is None:
                size = n
            elif size != n:
                raise ValueError(f"vmap: mapped axes have different sizes {size} and {n} "
                                 f"(in_axes={in_axes}, shape {get_aval(x).shape})")
            norm.append(d)
        if size is None:
            raise ValueError("vmap: no argument is mapped (all in_axes are None); pass "
                             "axis_size= to say how many lanes to run")
        box = []

        def flat_fun(*xs):
            out = fun(*tu.tree_unflatten(in_tree, _rewrap(xs, orig, wrap)))
            out_leaves, out_tree = tu.tree_flatten(out)
            box.append((out, out_tree))
            return [_unwrap(o) for o in out_leaves]

        def out_dims_fn(n):
            out, _ = box[0]
            return tu.broadcast_prefix(out_axes, out)

        outs = vmap_flat(flat_fun, leaves, norm, out_dims_fn, size)
        return _wrap_out(tu.tree_unflatten(box[0][1], outs), wrap)
    return batched


# ---------------------------------------------------------------- make_jaxpr

def _abstractify(x):
    if isinstance(x, Tracer):
        return x.aval
    return get_aval(_as_value(x) if not isinstance(x, (bool, int, float, complex)) else x)


def make_jaxpr(fun, static_argnums=(), source_info=False):
    """``make_jaxpr(f)(*args)``: the ClosedJaxpr of ``f`` for these argument shapes.
    With ``source_info=True`` the result prints each equation's user ``file:line``
    (``# path:line`` after it; JAX's equivalent is ``jaxpr.pretty_print(source_info=True)``);
    it is otherwise the same ClosedJaxpr, and the default print is JAX's format."""
    if isinstance(static_argnums, int):
        static_argnums = (static_argnums,)

    @functools.wraps(fun)
    def jaxpr_maker(*args):
        dyn = [i for i in range(len(args)) if i not in static_argnums]
        leaves, tree = tu.tree_flatten(tuple(args[i] for i in dyn))
        avals = [_abstractify(x) for x in leaves]

        def flat_fun(*xs):
            new_args = list(args)
            for i, a in zip(dyn, tu.tree_unflatten(tree, xs)):
                new_args[i] = a
            return tu.tree_leaves(fun(*new_args))

        closed, _ = trace_to_jaxpr(flat_fun, avals)
        if source_info:
            return SourcedClosedJaxpr(closed.jaxpr, closed.consts)
        return closed
    return jaxpr_maker


def stop_gradient(x):
    return tu.tree_map(lambda v: U.ew.stop_gradient(_as_value(v)), x)


__all__ = ["grad", "value_and_grad", "vjp", "jvp", "vmap", "make_jaxpr", "stop_gradient",
           "source_info"]
