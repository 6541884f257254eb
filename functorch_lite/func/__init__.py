"""functorch_lite.func: torch.func's names over functorch_lite's transforms.

    import functorch_lite as torch
    from functorch_lite.func import vmap, grad, functional_call

Pytrees follow PyTorch (dicts in insertion order), functions see Tensors and
results are Tensors.  ``docs/func.md`` maps each name to PyTorch's and lists
the differences.
"""
from ._transforms import grad, grad_and_value, vjp, jvp, linearize
from ._vmap import vmap
from ._jacobians import jacrev, jacfwd, hessian
from ._module import (functional_call, stack_module_state, functionalize,
                      replace_all_batch_norm_modules_, make_functional,
                      make_functional_with_buffers, combine_state_for_ensemble)

__all__ = ["grad", "grad_and_value", "vjp", "jvp", "linearize", "vmap", "jacrev",
           "jacfwd", "hessian", "functional_call", "stack_module_state", "functionalize",
           "replace_all_batch_norm_modules_", "make_functional",
           "make_functional_with_buffers", "combine_state_for_ensemble"]
