"""The full docstring of ``utils.checkpoint.CheckpointFunction`` (an Example
that tests/test_doctests.py runs); ``utils/checkpoint.py`` assigns it at import."""

CHECKPOINT_FUNCTION = """The recompute-in-backward node of ``checkpoint`` (PyTorch's reentrant
``torch.utils.checkpoint.CheckpointFunction``), an ``autograd.Function``.

``forward`` runs ``run_function(*args)`` without recording (the graph keeps
this one node and the inputs); ``backward`` runs it again with grad on, with
the CPU generator's state of the first run when ``preserve_rng_state`` (so
dropout masks repeat), and backpropagates through the re-run, which also
fills the ``.grad`` of the parameters the function uses.

Args:
    run_function: the function, ``run_function(*args) -> Tensor`` (one Tensor
        output; another result is a TypeError).
    preserve_rng_state: restore the generator's state for the re-run.
    *args: its inputs (Tensors and other values).

Returns:
    ``CheckpointFunction.apply(run_function, preserve_rng_state, *args)``
    returns the function's output with ``grad_fn=<CheckpointFunctionBackward>``.

As PyTorch's class (same ``apply`` arguments); call it through
:func:`checkpoint`, which also checks the keyword arguments.  One Tensor
output only.

Example:
    >>> import functorch_lite as torch
    >>> from functorch_lite.utils.checkpoint import CheckpointFunction
    >>> calls = []
    >>> def f(x):
    ...     calls.append(1)
    ...     return x.sin() * 2
    >>> x = torch.tensor([0.0, 1.0], requires_grad=True)
    >>> y = CheckpointFunction.apply(f, True, x)
    >>> y
    tensor([0.0000, 1.6829], grad_fn=<CheckpointFunctionBackward>)
    >>> y.sum().backward()             # runs f a second time
    >>> x.grad, len(calls)
    (tensor([2.0000, 1.0806]), 2)
"""
