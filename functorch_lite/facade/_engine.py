"""Autograd for the Tensor facade: backward, autograd.grad (grad mode and the
graph nodes are in ``_graph``, re-exported here).

``backward`` hands the graph to ``reverse.backward_pass``, so the facade runs
exactly the vjp rules that ``fl.grad`` runs.

create_graph=True: the backward runs under a ``_RecTrace``, a trace whose
tracers wrap facade Tensors; every primitive a vjp rule binds is applied to
Tensors and recorded on the facade tape, so the gradients it returns have a
grad_fn and can be differentiated again.  The saved inputs of each node are
re-wrapped as Tensors attached to the node's parents, so second derivatives
flow through them.
"""
import itertools  # noqa: F401 - listed in __all__

import numpy as np

from ..core.primitive import defprim, Primitive
from ..core.trace import state as _tstate
from ..core.trace import Trace, Tracer, get_aval, new_main, source_info
from ..transforms.reverse import backward_pass
from ._dispatch import apply
from ._graph import (_CLASSES, AccumulateGrad, BackwardNode, _GradMode,  # noqa: F401
                     _grad, _seq, edge, enable_grad, inference_mode, is_grad_enabled,
                     mark_hidden, no_grad, node_class, set_grad_enabled)
from ._tensor import Tensor, _attached, _on_dev, _to_host, _wrap, _xp, run_hooks


# ------------------------------------------------- device moves (.cuda/.cpu)

def _move_ct(ct, to):
    """The cotangent of a device move goes back where the input was."""
    if isinstance(ct, _RecTracer):
        return _RecTracer(ct._trace, ct.t.to("cpu" if to == "cuda" else "cuda"))
    if to == "cuda":
        return _to_host(ct, "the backward of .cuda() / .to('cuda') (its gradient goes "
                            "back to the cpu tensor)")
    from .. import backends
    backends.check_transfer("the backward of .cpu() (its gradient goes back to the cuda "
                            "tensor)")
    return backends.get("cupy").from_host(np.asarray(ct))


def _copy_impl(xp, x, to):
    if to == "cpu":
        return _to_host(x, "Tensor.cpu() / .to('cpu') of a cuda tensor")
    from .. import backends
    backends.check_transfer("Tensor.cuda() / .to('cuda')")
    return backends.get("cupy").from_host(np.asarray(x))


def _copy_jvp(primals, tangents, to):
    (x,), (t,) = primals, tangents
    return device_copy_p.bind(x, to=to), (None if t is None else device_copy_p.bind(t, to=to))


# a facade primitive: a value moved between devices (.cuda(), .cpu(), .to(device))
device_copy_p: Primitive = defprim(
    "device_copy", impl=_copy_impl, abstract=lambda x, to: x, jvp=_copy_jvp,
    vjp=lambda ct, ins, out, needs, to: [_move_ct(ct, to)],
    batch=lambda vals, dims, to: (device_copy_p.bind(vals[0], to=to), dims[0]),
    saves="nothing", no_fold=True, torch_name="ToCopyBackward0")


# --------------------------------------------- complex: PyTorch's convention

def _pt(c):
    """A cotangent between PyTorch's convention and JAX's (the one the vjp rules
    follow, see primitives/cplx.py): for complex values one is the conjugate of
    the other (PyTorch's gradient of |z| is z/|z|, JAX's conj(z)/|z|), so the
    facade conjugates its seeds and the gradients it hands out; real ones pass."""
    if c is None or isinstance(c, _RecTracer):
        return c if c is None or c.t._v.dtype.kind != "c" else _RecTracer(c._trace, _pt(c.t))
    v = c._v if isinstance(c, Tensor) else c
    if getattr(v, "dtype", None) is None or v.dtype.kind != "c":
        return c
    if isinstance(c, Tensor):
        from ..primitives.cplx import conj_p
        return apply(conj_p, (c,))
    return _xp(v).conj(v)


# ------------------------------------------------------------- saved versions

def version_error(node, i, st, ver):
    arr = node.out if i < 0 else (node.ins[i] if node.ins is not None else None)
    shape = list(np.shape(arr)) if arr is not None else "?"
    from ._types import from_np
    try:
        tname = from_np(np.asarray(arr).dtype)._tensor_type
    except Exception:  # noqa: BLE001 - only for the message
        tname = "Tensor"
    what = "its output" if i < 0 else f"its input {i}"
    where = f" It was last modified in place at {st[1][0]}:{st[1][1]}." if st[1] else ""
    return RuntimeError(
        f"one of the variables needed for gradient computation has been modified by an "
        f"inplace operation: [torch.{tname} {shape}], saved by {node.name()} as {what}, "
        f"is at version {st[0]}; expected version {ver} instead.{where} Use an "
        f"out-of-place operation (x = x * 2 instead of x.mul_(2)) or modify a clone().")


_FREED = ("Trying to backward through the graph a second time (or directly access saved "
          "tensors after they have already been freed). Saved intermediate values of the "
          "graph are freed when you call .backward() or autograd.grad(). Specify "
          "retain_graph=True if you need to backward through the graph a second time or "
          "if you need to access saved tensors after calling backward.")


# ------------------------------------------------------------------- backward

def _check_roots(tensors, grads, what):
    roots, cts = [], []
    for i, (t, g) in enumerate(zip(tensors, grads)):
        if not isinstance(t, Tensor):
            raise TypeError(f"{what}: expected Tensors, got {type(t).__name__}")
        e = edge(t)
        if e is None:
            raise RuntimeError(f"element {i} of tensors does not require grad and does "
                               f"not have a grad_fn")
        shape = t._v.shape
        if g is None:
            if t.numel() != 1:
                raise RuntimeError("grad can be implicitly created only for scalar outputs")
            g = _wrap(_xp(t._v).ones(shape, t._v.dtype))
        else:
            if not isinstance(g, Tensor):
                g = _wrap(np.asarray(g, t._v.dtype))
            if _on_dev(g._v) != _on_dev(t._v):
                raise RuntimeError(f"invalid gradient at index {i} - expected device "
                                   f"{t.device} but got {g.device}")
            gs = g._v.shape
            if gs != shape:
                if int(np.prod(gs)) == 1 and int(np.prod(shape)) == 1:
                    g = g.reshape(shape)      # old style: out.backward(Tensor([1.0]))
                else:
                    from ._types import Size
                    raise RuntimeError(
                        f"Mismatch in shape: grad_output[{i}] has a shape of {Size(gs)} "
                        f"and output[{i}] has a shape of {Size(shape)}.")
        roots.append(e)
        cts.append(g if g._v.dtype.kind != "c" else _wrap(_pt(g._v)))
    return roots, cts


def run_backward(tensors, grad_tensors, retain_graph, create_graph, capture=None,
                 accumulate=True, inputs=None):
    """The engine: returns {leaf node: ct} (and fills ``capture`` {(node, idx): ct}).

    accumulate: gradients go into ``.grad`` -- of every leaf reached, or with
    ``inputs`` (backward(inputs=...)) only of those tensors, leaves or not."""
    if inputs is not None:
        capture, keys = _capture_keys(inputs)
    roots, cts = _check_roots(tensors, grad_tensors, "backward")
    if retain_graph is None:
        retain_graph = create_graph
    keep = []

    def retained(node, ct):     # retain_grad() / hooks of non-leaf tensors
        for idx, t in node.retained.items():
            c = _pt(ct[idx] if node.prim.multiple_results else ct)
            if c is not None:
                if t._hooks:
                    run_hooks(t, _unrec(c)._v if create_graph else c, False)
                if t._retains and accumulate:
                    _accumulate(t, _unrec(c) if create_graph else _own(c, cts),
                                create_graph)

    def checks(node, ct):       # before each node's rule: freed? stale saves? retained?
        if node.ins is None:
            raise RuntimeError(_FREED)
        for i, st, ver in node.saved:
            if st[0] != ver:
                raise version_error(node, i, st, ver)
        if node.retained is not None:
            retained(node, ct)

    def checks_and_more(node, ct):  # ... and captures, create_graph's re-wrapping
        checks(node, ct)
        if capture is not None:
            for idx in range(len(ct) if node.prim.multiple_results else 1):
                key = (node, idx)
                if key in capture:
                    capture[key] = _pt(ct[idx] if node.prim.multiple_results else ct)
        if create_graph:
            keep.append((node, node.ins, node.out))
            node.ins, node.out = _rewrap(node)

    pre = checks_and_more if capture is not None or create_graph else checks

    if create_graph:
        with new_main(_RecTrace, "backward(create_graph=True)") as main:
            trace = main.trace
            wrapped = [_RecTracer(trace, c) for c in cts]
            leaf_cts = backward_pass(roots, wrapped, None, pre_vjp=pre)
            if capture is not None:
                for k, c in capture.items():
                    capture[k] = _unrec(c)
            leaf_cts = {n: _pt(_unrec(c)) for n, c in leaf_cts.items()}
        for node, ins, out in keep:
            # restored, or freed now when the graph is not retained
            node.ins, node.out = (None, None) if not retain_graph and _keeps_values(node) \
                else (ins, out)
    else:
        # free saved values as the backward passes (not shape-only nodes: a
        # second backward through those is legal, as in PyTorch)
        free = "values" if not retain_graph else False
        leaf_cts = backward_pass(roots, [c._v for c in cts], None, pre_vjp=pre, release=free)
        leaf_cts = {n: _pt(c) for n, c in leaf_cts.items()}
        if capture is not None:
            for k, c in capture.items():
                if c is not None and not isinstance(c, Tensor):
                    capture[k] = _own(c, cts)
    if accumulate:
        used = {id(c._v) for c in cts}
        if inputs is None:
            pairs = [(node.variable, c) for node, c in leaf_cts.items()]
        else:
            pairs = [(t, capture.get(k) if isinstance(k, tuple) else leaf_cts.get(k))
                     for t, k in zip(inputs, keys)]
        for t, c in pairs:
            if t is not None and c is not None and t._hooks:
                c = run_hooks(t, c._v if isinstance(c, Tensor) else c, True)
            if t is not None and c is not None:
                if not isinstance(c, Tensor) and (getattr(c, "base", None) is not None
                                                     or id(c) in used):
                    c = c.copy()
                used.add(id(c))
                _accumulate(t, c, create_graph)
    return leaf_cts


def _keeps_values(node):
    """Whether a node holds arrays (freed after one backward); a node keeping
    only avals or nothing can be run again, as in PyTorch."""
    return node.prim.keeps_ins or node.prim.keeps_out


def _own(c, cts):
    return c.copy() if getattr(c, "base", None) is not None or any(
        c is x._v for x in cts) else c


def _accumulate(t, c, create_graph):
    if isinstance(c, Tensor):
        if not create_graph:
            c = c.detach()
    elif _on_dev(c):
        if c.dtype != t._v.dtype:
            c = c.astype(t._v.dtype)
    elif not isinstance(c, np.ndarray) or c.dtype != t._v.dtype:
        c = np.asarray(c, t._v.dtype)
    g = t.grad
    if g is None:
        t.grad = c if isinstance(c, Tensor) else _wrap(c)
    elif create_graph or isinstance(c, Tensor) and c.requires_grad:
        t.grad = g + c
    else:
        cv = c._v if isinstance(c, Tensor) else c
        gv = g._v
        if isinstance(gv, np.ndarray) and gv.flags.writeable and gv.shape == cv.shape:
            np.add(gv, cv, out=gv)
            g._st[0] += 1
        elif _on_dev(gv) and type(cv) is type(gv) and gv.shape == cv.shape:
            _xp(gv).add(gv, cv, out=gv)
            g._st[0] += 1
        else:
            t.grad = _wrap(gv + cv)


# ----------------------------------------------- create_graph: recording trace

class _RecTracer(Tracer):
    __slots__ = ("t",)

    def __init__(self, trace, t):
        self._trace = trace
        self.t = t

    @property
    def aval(self):
        return get_aval(self.t._v)

    def concrete(self, why):
        v = self.t._v
        return v.concrete(why) if isinstance(v, Tracer) else v


class _RecTrace(Trace):
    def pure(self, val):
        return _RecTracer(self, val if isinstance(val, Tensor) else _wrap(val))

    lift = pure

    def process_primitive(self, prim, tracers, params):
        out = apply(prim, [t.t for t in tracers], params)
        if prim.multiple_results:
            return [_RecTracer(self, o) for o in out]
        return _RecTracer(self, out)


def _unrec(c):
    if c is None:
        return None
    if isinstance(c, _RecTracer):
        return c.t
    return c if isinstance(c, Tensor) else _wrap(c)


def _rewrap(node):
    """Saved inputs/output as Tensors attached to the graph (for create_graph)."""
    if node.prim.vjp_fwd is not None:
        raise RuntimeError(f"{node.name()}: create_graph=True is not supported through "
                           f"primitive {node.prim.name} (its rule uses residuals)")
    trace = _rev_trace()
    if node.prim.keeps_shapes:
        ins = node.ins          # avals: the rule reads only shapes, nothing to differentiate
    else:
        ins = tuple(None if v is None else _RecTracer(trace, _attached(v, p))
                    for v, p in zip(node.ins, node.parents))  # None: the rule never reads it
    if node.prim.multiple_results:
        out = [_RecTracer(trace, _attached(o, (node, i))) for i, o in enumerate(node.out)]
    else:
        out = None if node.out is None else _RecTracer(trace, _attached(node.out, (node, 0)))
    return ins, out


def _rev_trace():
    return _tstate.stack[-1].trace


# ------------------------------------------------------------- autograd.grad

def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False,
         allow_unused=None, is_grads_batched=False, materialize_grads=False):
    single_in = isinstance(inputs, Tensor)
    outputs = [outputs] if isinstance(outputs, Tensor) else list(outputs)
    inputs = [inputs] if single_in else list(inputs)
    if grad_outputs is None:
        grad_outputs = [None] * len(outputs)
    elif isinstance(grad_outputs, Tensor):
        grad_outputs = [grad_outputs]
    for i, t in enumerate(inputs):
        if not t.requires_grad:
            raise RuntimeError(f"One of the differentiated Tensors (input {i}) does not "
                               f"require grad")
    if is_grads_batched:
        return _grad_batched(outputs, inputs, grad_outputs, retain_graph, create_graph,
                             allow_unused, materialize_grads, single_in)
    capture, keys = _capture_keys(inputs)
    leaf_cts = run_backward(outputs, grad_outputs, retain_graph, create_graph, capture,
                            accumulate=False)
    res = []
    for t, k in zip(inputs, keys):
        c = capture.get(k) if isinstance(k, tuple) else leaf_cts.get(k)
        if c is None:
            if not (allow_unused or materialize_grads):
                raise RuntimeError("One of the differentiated Tensors appears to not have "
                                   "been used in the graph. Set allow_unused=True if this "
                                   "is the desired behavior.")
            res.append(_wrap(_xp(t._v).zeros_like(t._v)) if materialize_grads else None)
            continue
        if not isinstance(c, Tensor):
            c = _wrap(c)
        elif not create_graph:
            c = c.detach()
        res.append(c)
    return tuple(res)


def _grad_batched(outputs, inputs, grad_outputs, retain_graph, create_graph,
                  allow_unused, materialize_grads, single_in):
    """is_grads_batched=True: each grad_output's first dimension is a batch of
    cotangents; the result stacks one backward pass per entry (PyTorch vmaps
    the backward; a loop over the same graph gives the same numbers)."""
    if any(g is None for g in grad_outputs):
        raise RuntimeError("autograd.grad(is_grads_batched=True): every grad_output must "
                           "be given, with the batch as its first dimension")
    sizes = {g.shape[0] if g.ndim else None for g in grad_outputs}
    if len(sizes) != 1 or None in sizes:
        raise RuntimeError(f"autograd.grad(is_grads_batched=True): the grad_outputs must "
                           f"share a first (batch) dimension; got shapes "
                           f"{[list(g.shape) for g in grad_outputs]}")
    n = sizes.pop()
    rows = []
    for b in range(n):
        keep = True if b < n - 1 else retain_graph
        rows.append(grad(outputs, inputs, [g[b] for g in grad_outputs], keep, create_graph,
                         allow_unused, False, materialize_grads))
    from ..primitives.shape import concatenate_p, reshape_p

    def stack(rs):   # (recorded when create_graph: the rows carry graphs then)
        return apply(concatenate_p, [apply(reshape_p, [r], {"new_sizes": (1,) + tuple(
            r.shape)}, "UnsqueezeBackward0") for r in rs], {"dimension": 0},
            "StackBackward0")
    return tuple(None if r[0] is None else stack(list(r)) for r in zip(*rows))


def _capture_keys(inputs):
    """Where each input's gradient shows up: (node, idx) captured during the pass
    for a non-leaf, its AccumulateGrad node (a key of the leaf cts) for a leaf."""
    capture, keys = {}, []
    for t in inputs:
        if t.grad_fn is not None:
            k = (t.grad_fn, t._oi)
            capture[k] = None
        else:
            k = edge(t)[0]
        keys.append(k)
    return capture, keys


def _inputs(inputs):
    """backward's ``inputs=``: None (every leaf) or a non-empty list of Tensors
    requiring grad."""
    if inputs is None:
        return None
    inputs = [inputs] if isinstance(inputs, Tensor) else list(inputs)
    if not inputs:
        raise RuntimeError("`inputs` argument to `backward()` cannot be empty.")
    for t in inputs:
        if not isinstance(t, Tensor):
            raise TypeError(f"backward: inputs must be Tensors, got {type(t).__name__}")
        if not t.requires_grad:
            raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
    return inputs


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False,
             inputs=None):
    """Accumulate gradients of ``tensors`` into ``.grad`` of the leaves, or with
    ``inputs`` only into those tensors (leaves or not), as torch.autograd.backward."""
    tensors = [tensors] if isinstance(tensors, Tensor) else list(tensors)
    if grad_tensors is None:
        grad_tensors = [None] * len(tensors)
    elif isinstance(grad_tensors, Tensor):
        grad_tensors = [grad_tensors]
    run_backward(tensors, list(grad_tensors), retain_graph, create_graph,
                 inputs=_inputs(inputs))


__all__ = ["no_grad", "enable_grad", "set_grad_enabled", "is_grad_enabled", "grad",
           "backward", "inference_mode", "source_info", "itertools"]


def _tensor_backward(self, gradient=None, retain_graph=None, create_graph=False,
                     inputs=None):
    if isinstance(self._v, Tracer) and not isinstance(self._v, _RecTracer):
        raise RuntimeError(
            "backward() was called on a tensor traced by a functorch_lite transform "
            "(func.grad, vmap, jvp, ...): the transform computes the derivative itself. "
            "Return the loss and take functorch_lite.func.grad (or vjp) of the function "
            "instead of calling .backward() inside it")
    run_backward([self], [gradient], retain_graph, create_graph, inputs=_inputs(inputs))


# a method of Tensor, installed here: _tensor sits below the engine
_tensor_backward.__name__, _tensor_backward.__qualname__ = "backward", "Tensor.backward"
setattr(Tensor, "backward", _tensor_backward)   # declared in _tensor_decls.py
