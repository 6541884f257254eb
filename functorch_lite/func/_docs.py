"""Full docstrings of ``functional_call`` and ``stack_module_state``
(``func/__init__.py`` assigns them at import)."""

FUNCTIONAL_CALL = """Run a module with the given tensors in place of its parameters
and buffers (``torch.func.functional_call``), so a module can be used as a
pure function of its parameters under ``grad``, ``vmap`` and ``jacrev``.

Args:
    module: an ``nn.Module``.
    parameter_and_buffer_dicts: a dict from dotted names
        (``"0.weight"``, ``"fc.bias"``) to Tensors, or a tuple/list of such
        dicts with distinct keys; names not given keep the module's own.
    args: the positional argument of ``forward``, or a tuple of them.
    kwargs: keyword arguments of ``forward``.
    tie_weights: a tensor registered under several names (tied weights)
        takes the given value under all of them (default True).
    strict: every parameter and buffer must be given, and nothing else.

Returns:
    What ``module(*args, **kwargs)`` returns with the substituted tensors;
    the module's own parameters are restored afterwards, even on an error.

Differs from PyTorch: nothing in arguments or results.

Example:
    >>> import functorch_lite as torch
    >>> from functorch_lite.func import functional_call, grad
    >>> model = torch.nn.Linear(2, 1)
    >>> params = {"weight": torch.ones(1, 2), "bias": torch.zeros(1)}
    >>> x = torch.tensor([[1.0, 2.0]])
    >>> functional_call(model, params, (x,))
    tensor([[3.]])
    >>> grad(lambda p: functional_call(model, p, (x,)).sum())(params)
    {'weight': tensor([[1., 2.]]), 'bias': tensor([1.])}
"""

STACK_MODULE_STATE = """Stack the parameters and buffers of several same-shaped
models on a new leading axis (``torch.func.stack_module_state``), for model
ensembling with ``vmap`` over ``functional_call``.

Args:
    models: a sequence of modules of one architecture (same names and
        shapes).

Returns:
    ``(params, buffers)``: dicts from each name to the models' tensors
    stacked on axis 0.  They are new leaf tensors; a stacked parameter
    requires grad if the originals do.

Differs from PyTorch: nothing in arguments or results.

Example:
    >>> import functorch_lite as torch
    >>> from functorch_lite.func import functional_call, stack_module_state, vmap
    >>> models = [torch.nn.Linear(2, 1) for _ in range(3)]
    >>> params, buffers = stack_module_state(models)
    >>> params["weight"].shape, buffers
    (torch.Size([3, 1, 2]), {})
    >>> def run(p, x):
    ...     return functional_call(models[0], p, (x,))
    >>> vmap(run, in_dims=(0, None))(params, torch.ones(4, 2)).shape
    torch.Size([3, 4, 1])
"""

DOCS = {"functional_call": FUNCTIONAL_CALL, "stack_module_state": STACK_MODULE_STATE}
