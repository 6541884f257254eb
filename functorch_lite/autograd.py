"""torch.autograd for the Tensor facade: Variable, Function, grad, backward,
and the grad-mode switches.

``Variable(t, requires_grad=...)`` returns a Tensor sharing t's storage (as in
PyTorch >= 0.4, where Variable and Tensor merged); ``isinstance(x, Variable)``
is true for every Tensor.
"""
import numpy as np

from .core.primitive import defprim
from .tensor._dispatch import record
from .tensor._engine import (_RecTracer, _grad, _unrec, backward, enable_grad,  # noqa
                             grad, inference_mode, is_grad_enabled, no_grad,
                             set_grad_enabled)
from .tensor._tensor import Tensor, _on_dev, _wrap, as_tensor


class _VariableMeta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, Tensor)


class Variable(metaclass=_VariableMeta):
    def __new__(cls, data=None, requires_grad=False, volatile=False):
        if data is None:
            t = _wrap(np.zeros((0,), np.float32))
        else:
            src = data if isinstance(data, Tensor) else as_tensor(data)
            t = _wrap(src._v, src._st)
        if requires_grad:
            t.requires_grad_(True)
        return t


# ------------------------------------------------------------------ Function

class FunctionCtx:
    def __init__(self):
        self.saved_tensors = ()
        self._saved_versions = ()
        self.needs_input_grad = ()
        self._non_diff = set()
        self.materialize_grads = True

    def save_for_backward(self, *tensors):
        self._saved = tensors
        self._saved_versions = tuple((t._st, t._st[0]) if isinstance(t, Tensor) else None
                                     for t in tensors)

    def mark_non_differentiable(self, *tensors):
        self._non_diff.update(id(t) for t in tensors)

    def mark_dirty(self, *tensors):
        pass

    def set_materialize_grads(self, value):
        self.materialize_grads = bool(value)


def _function_vjp(ct, ins, out, needs, fn, ctx, n_in):
    """The vjp of a user Function: check its saved tensors, call ``fn.backward``."""
    for i, sv in enumerate(ctx._saved_versions):
        if sv is not None and sv[0][0] != sv[1]:
            raise RuntimeError(
                f"one of the variables needed for gradient computation has been "
                f"modified by an inplace operation: saved tensor {i} of "
                f"{fn.__name__}Backward is at version {sv[0][0]}; expected version "
                f"{sv[1]} instead (last modified at {sv[0][1]}).")
    ctx.saved_tensors = getattr(ctx, "_saved", ())
    rec = isinstance(ct, _RecTracer)
    g = _unrec(ct) if rec else _wrap(ct if _on_dev(ct) else np.asarray(ct))
    with set_grad_enabled(rec):
        res = fn.backward(ctx, g)
    res = res if isinstance(res, tuple) else (res,)
    if len(res) < n_in:
        raise RuntimeError(f"function {fn.__name__}Backward returned an incorrect "
                           f"number of gradients (expected {n_in}, got {len(res)})")
    outs = []
    for r, nd in zip(res, needs):
        if r is None or not nd:
            outs.append(None)
        elif rec:
            outs.append(_RecTracer(ct._trace, r if isinstance(r, Tensor) else as_tensor(r)))
        else:
            outs.append(r._v if isinstance(r, Tensor) else r if _on_dev(r) else np.asarray(r))
    return tuple(outs)


_EAGER = ("runs eagerly in Function.apply: the user's forward takes any Python "
          "arguments and Tensors, so there is no kernel or shape rule on arrays")
# One primitive for every user Function: params carry the class (``fn``), its
# context and the input count; the node's name is the class's (``MyFnBackward``).
function_p = defprim(
    "autograd_function", vjp=_function_vjp, saves="nothing",
    missing={"impl": _EAGER, "abstract": _EAGER,
             "jvp": "torch.autograd.Function's forward-mode (jvp staticmethod) is not "
                    "supported",
             "batch": "torch.autograd.Function's vmap staticmethod is not supported"})


class Function:
    """Subclass with static ``forward(ctx, *args)`` and ``backward(ctx, *grads)``;
    call ``MyFunction.apply(*args)``."""

    @staticmethod
    def forward(ctx, *args, **kwargs):
        raise NotImplementedError

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise NotImplementedError

    @classmethod
    def apply(cls, *args):
        ctx = FunctionCtx()
        tensors = [a if isinstance(a, Tensor) else None for a in args]
        ctx.needs_input_grad = tuple(t is not None and t.requires_grad for t in tensors)
        with no_grad():
            out = cls.forward(ctx, *args)
        if not isinstance(out, Tensor):
            raise TypeError(f"{cls.__name__}.forward must return a single Tensor "
                            f"(tuples are not supported)")
        if _grad.on and any(ctx.needs_input_grad):
            res = _wrap(out._v) if out.grad_fn is not None or out._base is not None or any(
                out is t for t in tensors) else out
            vals = tuple(t._v if t is not None else None for t in tensors)
            record(res, function_p, {"fn": cls, "ctx": ctx, "n_in": len(args)},
                   tuple(tensors), vals, res._v, cls.__name__ + "Backward")
            return res
        return out


def gradcheck(func, inputs, eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True):
    """Compare autograd gradients with central differences (float64 inputs;
    cpu tensors: the check reads and writes single elements on the host)."""
    inputs = tuple(inputs) if isinstance(inputs, (tuple, list)) else (inputs,)
    if any(isinstance(t, Tensor) and t.is_cuda for t in inputs):
        raise NotImplementedError("gradcheck runs on cpu tensors; move the inputs with "
                                  ".cpu() first (it reads elements one by one)")
    out = func(*inputs)
    outs = out if isinstance(out, tuple) else (out,)
    for oi, o in enumerate(outs):
        for k in range(o.numel()):
            go = np.zeros(o.shape, o._v.dtype).ravel()
            go[k] = 1.0
            diff = [t for t in inputs if isinstance(t, Tensor) and t.requires_grad]
            g = grad(o, diff, grad_outputs=_wrap(go.reshape(o.shape)), retain_graph=True,
                     allow_unused=True)
            for t, gt in zip(diff, g):
                flat = t._v.reshape(-1)
                for j in range(flat.size):
                    old = flat[j]
                    flat[j] = old + eps
                    with no_grad():
                        fp = np.asarray((func(*inputs) if len(outs) == 1 else
                                         func(*inputs)[oi])._v).ravel()[k]
                    flat[j] = old - eps
                    with no_grad():
                        fm = np.asarray((func(*inputs) if len(outs) == 1 else
                                         func(*inputs)[oi])._v).ravel()[k]
                    flat[j] = old
                    num = (fp - fm) / (2 * eps)
                    ana = 0.0 if gt is None else float(np.asarray(gt._v).ravel()[j])
                    if not abs(num - ana) <= atol + rtol * abs(num):
                        if raise_exception:
                            raise RuntimeError(f"gradcheck: Jacobian mismatch for output "
                                               f"{oi} wrt an input at element {j}: "
                                               f"numerical {num} vs analytical {ana}")
                        return False
    return True


__all__ = ["Variable", "Function", "FunctionCtx", "grad", "backward", "no_grad",
           "enable_grad", "set_grad_enabled", "is_grad_enabled", "inference_mode",
           "gradcheck"]
