"""``backward_hook``: an identity node whose backward calls a Python function.

nn's ``register_full_backward_hook`` wraps a module call's Tensor inputs and
outputs in one such node each (PyTorch's BackwardHookFunction): the node over
the outputs sees grad_output, the node over the inputs sees grad_input, each
once per backward because one node carries all of them.  ``with_backward_hook``
hands the function Tensors in PyTorch's complex convention (the rules run in
JAX's, see ``_engine._pt``) and takes its replacement back the same way.
"""
from ..core.primitive import defprim, Primitive
from ._dispatch import apply
from ._engine import _pt, _RecTracer, _unrec
from ._tensor import Tensor, _wrap


def _vjp(ct, ins, out, needs, hook):
    rec = next((c._trace for c in ct if isinstance(c, _RecTracer)), None)
    grads = tuple(None if c is None else (_unrec(_pt(c)) if rec else _wrap(_pt(c)))
                  for c in ct)
    new = hook(grads)
    if new is None:
        return list(ct)
    out_cts = []
    for g in new:
        if g is None:
            out_cts.append(None)
        elif rec is not None:
            out_cts.append(_pt(_RecTracer(rec, g if isinstance(g, Tensor) else _wrap(g))))
        else:
            out_cts.append(_pt(g._v if isinstance(g, Tensor) else g))
    return out_cts


# a facade primitive: identity forward, the hook in reverse; forward mode and
# vmap pass tangents and batch dimensions through untouched (PyTorch's backward
# hooks do not run in forward-mode AD either).
backward_hook_p: Primitive = defprim(
    "backward_hook", impl=lambda xp, *xs, hook: list(xs),
    abstract=lambda *avals, hook: list(avals),
    jvp=lambda primals, tangents, hook: (backward_hook_p.bind(*primals, hook=hook),
                                         list(tangents)),
    vjp=_vjp,
    batch=lambda vals, dims, hook: (backward_hook_p.bind(*vals, hook=hook), list(dims)),
    saves="nothing", multiple_results=True, no_fold=True,
    torch_name="BackwardHookFunctionBackward")


def with_backward_hook(tensors, hook):
    """Pass ``tensors`` through one identity node whose backward calls
    ``hook(grads)`` with a tuple of gradients (Tensors, None where zero), one
    per tensor; a non-None result (a sequence as long) replaces them.  Returns
    the new tensors (the same ones when grad mode is off or none requires grad)."""
    outs = apply(backward_hook_p, list(tensors), {"hook": hook})
    for o, t in zip(outs, tensors):
        # one buffer (the kernel returns its inputs): share the storage record as
        # detach() does, so an in-place write through either bumps one version
        o._st = t._st
    return outs
