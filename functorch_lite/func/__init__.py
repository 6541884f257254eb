"""functorch_lite.func: torch.func's names over functorch_lite's transforms.

    import functorch_lite as torch
    from functorch_lite.func import vmap, grad, functional_call

Pytrees follow PyTorch (dicts in insertion order), functions see Tensors and
results are Tensors.  ``docs/func.md`` maps each name to PyTorch's and lists
the differences.
"""
from typing import Any, Callable, TypeVar, cast

from . import _transforms, _vmap, _jacobians
from ._compose import taped as _taped
from ._transforms import vjp, linearize


_F = TypeVar("_F", bound=Callable[..., Any])


def _composed(t: _F) -> _F:
    """The transform ``t`` whose results keep eager autograd's graph (_compose)."""
    def make(*a, **k):
        return _taped(t(*a, **k))
    make.__name__, make.__qualname__, make.__doc__ = t.__name__, t.__qualname__, t.__doc__
    make.__wrapped__ = t  # type: ignore[attr-defined]
    return cast(_F, make)   # t's signature: it returns what t returns, taped


grad = _composed(_transforms.grad)
grad_and_value = _composed(_transforms.grad_and_value)
vmap = _composed(_vmap.vmap)
jacrev = _composed(_jacobians.jacrev)
jacfwd = _composed(_jacobians.jacfwd)
hessian = _composed(_jacobians.hessian)


def jvp(func: Callable[..., Any], primals: Any, tangents: Any, *, strict: bool = False,
        has_aux: bool = False) -> tuple[Any, ...]:
    return _taped(lambda p, t: _transforms.jvp(func, p, t, strict=strict,
                                               has_aux=has_aux))(primals, tangents)


jvp.__doc__ = _transforms.jvp.__doc__
from ._module import (functional_call, stack_module_state, functionalize,
                      replace_all_batch_norm_modules_, make_functional,
                      make_functional_with_buffers, combine_state_for_ensemble)

__all__ = ["grad", "grad_and_value", "vjp", "jvp", "linearize", "vmap", "jacrev",
           "jacfwd", "hessian", "functional_call", "stack_module_state", "functionalize",
           "replace_all_batch_norm_modules_", "make_functional",
           "make_functional_with_buffers", "combine_state_for_ensemble"]

from ..core.mirror_docs import document as _document  # noqa: E402
from ._docs import DOCS as _DOCS  # noqa: E402

_document(globals(), _DOCS)   # full docstrings with examples (func/_docs.py)
from ._docs2 import DOCS as _DOCS2  # noqa: E402

_document(globals(), _DOCS2)
