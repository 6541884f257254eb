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

_SQUARE = """    >>> import functorch_lite as torch
    >>> class Square(torch.autograd.Function):
    ...     @staticmethod
    ...     def forward(ctx, x, k):
    ...         ctx.save_for_backward(x)      # Tensors: saved_tensors in backward
    ...         ctx.k = k                     # anything else: an attribute
    ...         return x * x * k
    ...     @staticmethod
    ...     @torch.autograd.once_differentiable
    ...     def backward(ctx, grad):
    ...         x, = ctx.saved_tensors
    ...         return 2 * ctx.k * x * grad, None   # no gradient for k
"""

FUNCTION_CTX = f"""The ``ctx`` an ``autograd.Function``'s ``forward``/``setup_context``,
``backward`` and ``jvp`` receive: what forward leaves for the others.

Methods and attributes:

- ``save_for_backward(*tensors)`` / ``saved_tensors``: Tensors backward
  reads (a Tensor changed in place in between is an error at backward).
- ``save_for_forward(*tensors)``: Tensors the ``jvp`` staticmethod reads
  (``ctx.saved_for_forward``).
- ``needs_input_grad``: a bool per forward argument.
- ``mark_non_differentiable(*outputs)``: outputs that get no gradient.
- ``set_materialize_grads(value)``: False passes None (not zeros) to
  backward for an unused output.
- ``mark_dirty(*tensors)``: accepted for PyTorch code; the facade's version
  counters do the checking.
- any other attribute: set in forward, read in backward.

Args:
    (none): made by ``Function.apply``, never by users.

Returns:
    The context object.

Differs from PyTorch: there ``ctx`` is the graph's backward node itself
(``type(ctx).__name__ == "SquareBackward"``); here a ``FunctionCtx`` (the
node is ``y.grad_fn``), with the same methods.

Example:
{_SQUARE}    >>> x = torch.tensor([1.0, 2.0], requires_grad=True)
    >>> y = Square.apply(x, 3.0)
    >>> y
    tensor([ 3., 12.], grad_fn=<SquareBackward>)
    >>> y.sum().backward()
    >>> x.grad
    tensor([ 6., 12.])
"""

ONCE_DIFFERENTIABLE = f"""Decorate a Function's ``backward`` that must not be differentiated
again (``torch.autograd.function.once_differentiable``).

The decorated backward runs under ``no_grad`` on detached inputs, so its
result carries no graph: a ``create_graph=True`` gradient through it does
not require grad (a second derivative gets nothing from it).

Args:
    fn: the ``backward(ctx, *grad_outputs)`` staticmethod.

Returns:
    The wrapped backward (same name and docstring).

As PyTorch's, which lives in ``torch.autograd.function``; here
``torch.autograd.once_differentiable`` as well.

Example:
{_SQUARE}    >>> x = torch.tensor([1.0, 2.0], requires_grad=True)
    >>> g, = torch.autograd.grad(Square.apply(x, 3.0).sum(), x, create_graph=True)
    >>> g, g.requires_grad
    (tensor([ 6., 12.]), False)
"""

UNPACKED_DUAL = """What ``forward_ad.unpack_dual`` returns: a named tuple
(``torch.autograd.forward_ad.UnpackedDualTensor``).

Args:
    primal: the Tensor's value (without its tangent).
    tangent: its tangent at the level, or None when it is not dual there.

Returns:
    The named tuple ``(primal, tangent)``: unpack it, or read the fields.

As PyTorch's (a ``namedtuple`` with the same fields).

Example:
    >>> import functorch_lite as torch
    >>> import functorch_lite.autograd.forward_ad as fwAD
    >>> with fwAD.dual_level():
    ...     x = fwAD.make_dual(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 0.0]))
    ...     out = fwAD.unpack_dual(x * x)
    >>> out
    UnpackedDualTensor(primal=tensor([1., 4.]), tangent=tensor([2., 0.]))
    >>> out.tangent
    tensor([2., 0.])
"""

DOCS = {"Function": FUNCTION, "FunctionCtx": FUNCTION_CTX,
        "once_differentiable": ONCE_DIFFERENTIABLE}
FORWARD_AD_DOCS = {"UnpackedDualTensor": UNPACKED_DUAL}
