"""The full docstring of ``autograd.Function`` (``autograd/__init__.py``
assigns it at import)."""

FUNCTION = """Base class of a differentiable operation with a hand-written backward
(``torch.autograd.Function``).

Subclass it with static methods and call ``MyFn.apply(*args)`` (never the
class or ``forward`` directly):

- ``forward(ctx, *args)`` (the old style) or ``forward(*args)`` plus
  ``setup_context(ctx, inputs, output)`` (PyTorch 2's): compute the output
  from Tensors and other values, outside autograd; save what backward needs
  with ``ctx.save_for_backward(*tensors)`` (other values as ``ctx``
  attributes).
- ``backward(ctx, *grad_outputs)``: one gradient per ``forward`` argument
  (None for those that need none), read ``ctx.saved_tensors`` and
  ``ctx.needs_input_grad``.
- optional ``jvp(ctx, *tangents)`` for forward mode (``forward_ad``,
  ``fl.jvp``); ``vmap(info, in_dims, *args) -> (out, out_dims)`` or the
  class attribute ``generate_vmap_rule = True`` for ``vmap``.

Args:
    (none): a Function is never instantiated; ``apply(*args, **kwargs)``
        takes what ``forward`` takes after ``ctx``.

Returns:
    ``apply`` returns forward's output, recorded on the tape with a
    ``grad_fn`` named after the class (``<MyFnBackward>``) when an input
    requires grad.  Under ``fl.grad``/``func.grad``/``vmap`` the user's
    backward/jvp/vmap rules are the ones used.

Differs from PyTorch: ``forward`` returns one Tensor (not a tuple); a
Function cannot be staged by ``jit``; ``ctx.mark_dirty`` is accepted but the
facade's version counters do its checking.

Example:
    >>> import functorch_lite as torch
    >>> class Exp(torch.autograd.Function):
    ...     @staticmethod
    ...     def forward(ctx, x):
    ...         y = x.exp()
    ...         ctx.save_for_backward(y)
    ...         return y
    ...     @staticmethod
    ...     def backward(ctx, grad):
    ...         y, = ctx.saved_tensors
    ...         return grad * y
    >>> x = torch.tensor([0.0, 1.0], requires_grad=True)
    >>> y = Exp.apply(x)
    >>> y
    tensor([1.0000, 2.7183], grad_fn=<ExpBackward>)
    >>> y.sum().backward()
    >>> x.grad
    tensor([1.0000, 2.7183])
    >>> import functorch_lite as fl
    >>> fl.grad(lambda v: Exp.apply(v).sum())(torch.tensor([0.0, 1.0]))
    tensor([1.0000, 2.7183])
"""

DOCS = {"Function": FUNCTION}
