"""torch.autograd for the Tensor facade: Variable, Function, grad, backward,
and the grad-mode switches.

``Variable(t, requires_grad=...)`` returns a Tensor sharing t's storage (as in
PyTorch >= 0.4, where Variable and Tensor merged); ``isinstance(x, Variable)``
is true for every Tensor.
"""
from typing import TYPE_CHECKING

import numpy as np

from ..facade._engine import (_RecTracer, _grad, _unrec, backward, enable_grad,  # noqa
                             grad, inference_mode, is_grad_enabled, no_grad,
                             set_grad_enabled)
from ..facade._tensor import Tensor, _on_dev, _wrap, as_tensor


if TYPE_CHECKING:   # to a type checker: Variable(data, requires_grad=...) makes a Tensor
    Variable = Tensor
else:
    class _VariableMeta(type):
        def __instancecheck__(cls, obj):
            return isinstance(obj, Tensor)

    class Variable(metaclass=_VariableMeta):
        """PyTorch 0.3's ``torch.autograd.Variable(data, requires_grad=False, volatile=False)``.

        As in PyTorch since 0.4, constructing one returns a plain Tensor sharing
        ``data``'s values (an empty float32 tensor for no data), with
        ``requires_grad`` set as asked; ``isinstance(t, Variable)`` is true for every
        Tensor.  ``volatile`` is accepted and has no effect, as in PyTorch 0.4+
        (which warns; use ``no_grad`` instead).
        """
        def __new__(cls, data=None, requires_grad=False, volatile=False):
            if data is None:
                t = _wrap(np.zeros((0,), np.float32))
            else:
                src = data if isinstance(data, Tensor) else as_tensor(data)
                t = _wrap(src._v, src._st)
            if requires_grad:
                t.requires_grad_(True)
            return t


from ._function import (Function, FunctionCtx, VmapInfo, function_p,  # noqa: F401
                        once_differentiable)


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


from . import forward_ad, functional  # noqa: E402,F401

__all__ = ["Variable", "Function", "FunctionCtx", "grad", "backward", "no_grad",
           "enable_grad", "set_grad_enabled", "is_grad_enabled", "inference_mode",
           "gradcheck", "forward_ad", "functional", "once_differentiable"]


# Faithful mirror (core/mirror_docs.py): every argument of torch.autograd.grad.
from ..core.mirror_docs import mirror as _mirror  # noqa: E402

_mirror(globals(), "torch.autograd", ("grad",))

from ..core.mirror_docs import document as _document  # noqa: E402
from ._docs import DOCS as _DOCS  # noqa: E402

_document(globals(), _DOCS)
from . import _docs2  # noqa: E402

_document(globals(), _docs2.DOCS)
_document(vars(functional), _docs2.FUNCTIONAL_DOCS)
_document(vars(forward_ad), _docs2.FORWARD_AD_DOCS)
from ._docs import FORWARD_AD_DOCS as _FWAD_DOCS  # noqa: E402

_document(vars(forward_ad), _FWAD_DOCS)
