"""torch.autograd.Function as PyTorch 2 has it, on one primitive (``function_p``).

Eagerly, ``apply`` runs the user's forward without recording and records one
node whose vjp calls the user's ``backward``.  Inside a transform (an input
Tensor holds a traced value) ``apply`` binds ``function_p`` instead, so each
trace uses the user's rules: reverse mode (``fl.grad``/``func.grad``) calls
``backward``, forward mode calls the ``jvp`` staticmethod, vmap calls the
``vmap`` staticmethod, or with ``generate_vmap_rule = True`` vmaps the forward.
"""
import functools

import numpy as np

from ..core.primitive import defprim
from ..core.trace import Tracer
from ..facade._dispatch import record
from ..facade._engine import _RecTracer, _grad, _unrec, no_grad, set_grad_enabled
from ..facade._tensor import Tensor, _on_dev, _wrap, as_tensor
from ..transforms.batching import vmap_flat


class FunctionCtx:
    """The ``ctx`` of a Function: ``save_for_backward``, ``saved_tensors``,
    ``save_for_forward`` (tensors the jvp staticmethod reads back as attributes
    set by the user), ``needs_input_grad``, ``mark_non_differentiable``,
    ``mark_dirty`` (accepted: the facade checks versions instead),
    ``set_materialize_grads``."""

    def __init__(self):
        self._saved = ()
        self._saved_versions = ()
        self.needs_input_grad = ()
        self._non_diff = set()
        self.materialize_grads = True
        self._nested_vmap = False

    @property
    def saved_tensors(self):
        if self._nested_vmap:
            raise NotImplementedError(
                "autograd.Function with generate_vmap_rule=True: backward (or jvp) under "
                "vmap is not supported by functorch_lite (the forward was vmapped on its "
                "own); write a vmap staticmethod, or take the gradient outside the vmap")
        return self._saved

    def save_for_backward(self, *tensors):
        self._saved = tensors
        self._saved_versions = tuple((t._st, t._st[0]) if isinstance(t, Tensor) else None
                                     for t in tensors)

    def save_for_forward(self, *tensors):
        self.saved_for_forward = tensors

    def mark_non_differentiable(self, *tensors):
        self._non_diff.update(id(t) for t in tensors)

    def mark_dirty(self, *tensors):
        pass

    def set_materialize_grads(self, value):
        self.materialize_grads = bool(value)


class VmapInfo:
    """What a Function's ``vmap`` staticmethod receives first: ``batch_size``
    and ``randomness`` (always 'error' here)."""

    def __init__(self, batch_size, randomness="error"):
        self.batch_size, self.randomness = batch_size, randomness


def _tensor_or_val(v):
    if isinstance(v, Tensor):
        return v
    return _wrap(v if isinstance(v, Tracer) or _on_dev(v) else np.asarray(v))


def _function_vjp(ct, ins, out, needs, fn, ctx, n_in, pos=None, others=None):
    """The vjp of a user Function: check its saved tensors, call ``fn.backward``."""
    for i, sv in enumerate(ctx._saved_versions):
        if sv is not None and sv[0][0] != sv[1]:
            raise RuntimeError(
                f"one of the variables needed for gradient computation has been "
                f"modified by an inplace operation: saved tensor {i} of "
                f"{fn.__name__}Backward is at version {sv[0][0]}; expected version "
                f"{sv[1]} instead (last modified at {sv[0][1]}).")
    rec = isinstance(ct, _RecTracer)
    g = _unrec(ct) if rec else _tensor_or_val(ct)
    with set_grad_enabled(rec):
        res = fn.backward(ctx, g)
    res = res if isinstance(res, tuple) else (res,)
    if len(res) < n_in:
        raise RuntimeError(f"function {fn.__name__}Backward returned an incorrect "
                           f"number of gradients (expected {n_in}, got {len(res)})")
    if pos is not None:         # bound inside a transform: only the Tensor inputs
        res = tuple(res[p] for p in pos)
    outs = []
    for r, nd in zip(res, needs):
        if r is None or not nd:
            outs.append(None)
        elif rec:
            outs.append(_RecTracer(ct._trace, r if isinstance(r, Tensor) else as_tensor(r)))
        else:
            v = r._v if isinstance(r, Tensor) else r
            outs.append(v if isinstance(v, Tracer) or _on_dev(v) else np.asarray(v))
    return tuple(outs)


def _args(vals, pos, others, n_in):
    args = list(others)
    for p, v in zip(pos, vals):
        args[p] = _tensor_or_val(v)
    return args


def _run_forward(fn, ctx, args):
    with no_grad():
        if _new_style(fn):
            out = fn.forward(*args)
            fn.setup_context(ctx, tuple(args), out)
        else:
            out = fn.forward(ctx, *args)
    if not isinstance(out, Tensor):
        raise TypeError(f"{fn.__name__}.forward must return a single Tensor (tuples are "
                        f"not supported by functorch_lite)")
    return out


def _function_impl(xp, *vals, fn, ctx, n_in, pos=None, others=None):
    return _run_forward(fn, ctx, _args(vals, pos, others, n_in))._v


def _function_jvp(primals, tangents, fn, ctx, n_in, pos=None, others=None):
    if fn.jvp is Function.jvp:
        raise RuntimeError(f"{fn.__name__}: to use an autograd.Function with forward-mode "
                           f"AD (jvp, jacfwd, forward_ad), override its jvp staticmethod")
    out = function_p.bind(*primals, fn=fn, ctx=ctx, n_in=n_in, pos=pos, others=others)
    targs = [None] * n_in
    for p, t, x in zip(pos, tangents, primals):
        targs[p] = _tensor_or_val(t) if t is not None else None
    with no_grad():
        tout = fn.jvp(ctx, *targs)
    tout = tout[0] if isinstance(tout, tuple) and len(tout) == 1 else tout
    return out, (tout._v if isinstance(tout, Tensor) else tout)


def _function_batch(vals, dims, fn, ctx, n_in, pos=None, others=None):
    size = next(v.shape[d] for v, d in zip(vals, dims) if d is not None)
    if fn.vmap is not Function.vmap:
        in_dims = [None] * n_in
        for p, d in zip(pos, dims):
            in_dims[p] = d
        out, out_dim = fn.vmap(VmapInfo(size), tuple(in_dims), *_args(vals, pos, others,
                                                                       n_in))
        return (out._v if isinstance(out, Tensor) else out), out_dim
    if fn.generate_vmap_rule:
        ctx._nested_vmap = True

        def one(*xs):
            return [_run_forward(fn, ctx, _args(xs, pos, others, n_in))._v]
        (out,) = vmap_flat(one, list(vals), list(dims), lambda k: [0], size,
                           "autograd.Function")
        return out, 0
    raise RuntimeError(f"{fn.__name__}: to use an autograd.Function with vmap, you must "
                       f"either override the vmap staticmethod or set generate_vmap_rule="
                       f"True")


def _function_abstract(*avals, fn, ctx, n_in, pos=None, others=None):
    raise NotImplementedError(f"{fn.__name__}: an autograd.Function cannot be staged "
                              f"(jit/make_jaxpr): its forward and backward are Python that "
                              f"runs on concrete values; call it outside jit")


# One primitive for every user Function: params carry the class (``fn``), its
# context and the input count (and, bound inside a transform, the positions of
# the Tensor inputs and the other arguments); the node is named ``MyFnBackward``.
function_p = defprim(
    "autograd_function", impl=_function_impl, abstract=_function_abstract,
    jvp=_function_jvp, vjp=_function_vjp, batch=_function_batch, saves="nothing")


def _new_style(fn):
    return fn.setup_context is not Function.setup_context


class Function:
    """Subclass with static ``forward`` and ``backward``; call ``MyFn.apply(*args)``.

    Old style: ``forward(ctx, *args)``.  PyTorch 2 style: ``forward(*args)`` plus
    ``setup_context(ctx, inputs, output)``.  Optional: ``jvp(ctx, *tangents)``
    for forward mode, ``vmap(info, in_dims, *args) -> (out, out_dim)`` or
    ``generate_vmap_rule = True`` for vmap.  Under ``fl.grad``/``func.grad`` the
    user's backward is what differentiates.  Differs from PyTorch: forward
    returns one Tensor; a Function cannot be staged by jit."""
    generate_vmap_rule = False

    @staticmethod
    def forward(ctx, *args, **kwargs):
        raise NotImplementedError

    @staticmethod
    def setup_context(ctx, inputs, output):
        raise NotImplementedError

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise NotImplementedError

    @staticmethod
    def jvp(ctx, *grad_inputs):
        raise NotImplementedError

    @staticmethod
    def vmap(info, in_dims, *args):
        raise NotImplementedError

    @classmethod
    def apply(cls, *args):
        ctx = FunctionCtx()
        tensors = [a if isinstance(a, Tensor) else None for a in args]
        if any(t is not None and isinstance(t._v, Tracer) for t in tensors):
            pos = tuple(i for i, t in enumerate(tensors) if t is not None)
            ctx.needs_input_grad = tuple(t is not None for t in tensors)
            others = tuple(None if t is not None else a for a, t in zip(args, tensors))
            out = function_p.bind(*[args[i]._v for i in pos], fn=cls, ctx=ctx,
                                  n_in=len(args), pos=pos, others=others)
            return _wrap(out)
        ctx.needs_input_grad = tuple(t is not None and t.requires_grad for t in tensors)
        out = _run_forward(cls, ctx, list(args))
        if _grad.on and any(ctx.needs_input_grad):
            res = _wrap(out._v) if out.grad_fn is not None or out._base is not None or any(
                out is t for t in tensors) else out
            vals = tuple(t._v if t is not None else None for t in tensors)
            record(res, function_p, {"fn": cls, "ctx": ctx, "n_in": len(args)},
                   tuple(tensors), vals, res._v, cls.__name__ + "Backward")
            return res
        return out


def once_differentiable(fn):
    """torch.autograd.function.once_differentiable: the decorated backward runs
    without recording (its result has no graph), so differentiating it again
    (create_graph) gets no gradient through it."""
    @functools.wraps(fn)
    def wrapper(ctx, *args):
        with no_grad():
            return fn(ctx, *[a.detach() if isinstance(a, Tensor) else a for a in args])
    return wrapper
