"""Full docstrings of ``autograd.backward``, ``autograd.functional`` and
``autograd.forward_ad`` (``autograd/__init__.py`` assigns them at import).
Each Example's output is PyTorch's, checked when written."""

_IMP = "    >>> import functorch_lite as torch"
_SAME = "Differs from PyTorch: nothing in arguments or results."
_FN = """    func: a function of Tensors returning a Tensor or a tuple of them.
    inputs: a Tensor or a tuple of Tensors (the point).
    create_graph: record the computation, so the results can be
        differentiated again.
    strict: raise if an output does not depend on an input (PyTorch's check)."""

BACKWARD = f"""Accumulate the gradients of ``tensors`` into the leaves' ``.grad``
(``torch.autograd.backward``; ``t.backward()`` for several roots at once).

Args:
    tensors: a Tensor or a sequence of Tensors to differentiate.
    grad_tensors: their vector-Jacobian-product vectors (None for scalars).
    retain_graph: keep the graph for another backward (default: create_graph).
    create_graph: record the backward pass for higher derivatives.
    inputs: accumulate only into these Tensors (leaves or not).

Returns:
    None; the gradients are added to ``.grad``.

{_SAME}

Example:
{_IMP}
    >>> x = torch.tensor([1.0, 2.0], requires_grad=True)
    >>> torch.autograd.backward((x ** 2).sum())
    >>> x.grad
    tensor([2., 4.])
"""

VJP = f"""``func``'s output and the vector-Jacobian product ``v^T J`` at ``inputs``
(``torch.autograd.functional.vjp``).

Args:
{_FN}
    v: the vector, shaped as the output (None for a one-element output).

Returns:
    ``(func_output, vjp)``, ``vjp`` shaped as ``inputs``.

{_SAME}

Example:
{_IMP}
    >>> from functorch_lite.autograd.functional import vjp
    >>> vjp(lambda x: x ** 2, torch.tensor([1.0, 2.0]), torch.ones(2))
    (tensor([1., 4.]), tensor([2., 4.]))
"""

JVP = f"""``func``'s output and the Jacobian-vector product ``J v`` at ``inputs``
(``torch.autograd.functional.jvp``).

Args:
{_FN}
    v: the vector, shaped as ``inputs`` (None for a one-element input).

Returns:
    ``(func_output, jvp)``, ``jvp`` shaped as the output.

{_SAME}

Example:
{_IMP}
    >>> from functorch_lite.autograd.functional import jvp
    >>> jvp(lambda x: x ** 2, torch.tensor([1.0, 2.0]), torch.ones(2))
    (tensor([1., 4.]), tensor([2., 4.]))
"""

JACOBIAN = f"""The Jacobian of ``func`` at ``inputs`` (``torch.autograd.functional.jacobian``).

Args:
{_FN}
    vectorize: compute the rows with vmap instead of a loop (same values).
    strategy: ``"reverse-mode"`` (default) or ``"forward-mode"`` (needs
        ``vectorize=True``, as PyTorch's).

Returns:
    Blocks of shape ``output.shape + input.shape``: a Tensor for one input
    and one output, a tuple over the tuple side(s), a tuple (outputs) of
    tuples (inputs) when both are tuples.

{_SAME}

Example:
{_IMP}
    >>> from functorch_lite.autograd.functional import jacobian
    >>> jacobian(lambda x: x ** 2, torch.tensor([1.0, 2.0]))
    tensor([[2., 0.],
            [0., 4.]])
"""

HESSIAN = f"""The Hessian of a one-element-output ``func`` at ``inputs``
(``torch.autograd.functional.hessian``).

Args:
{_FN}
    vectorize: compute the rows with vmap (same values).
    outer_jacobian_strategy: ``"reverse-mode"`` or ``"forward-mode"``.

Returns:
    A Tensor of shape ``input.shape + input.shape`` (one input) or a tuple
    of tuples (a tuple of inputs).

{_SAME}

Example:
{_IMP}
    >>> from functorch_lite.autograd.functional import hessian
    >>> hessian(lambda x: (x ** 3).sum(), torch.tensor([1.0, 2.0]))
    tensor([[ 6.,  0.],
            [ 0., 12.]])
"""

VHP = f"""``func``'s output and the vector-Hessian product ``v^T H`` for a
one-element-output ``func`` (``torch.autograd.functional.vhp``).

Args:
{_FN}
    v: the vector, shaped as ``inputs``.

Returns:
    ``(func_output, vhp)``.

{_SAME}

Example:
{_IMP}
    >>> from functorch_lite.autograd.functional import vhp
    >>> vhp(lambda x: (x ** 3).sum(), torch.tensor([1.0, 2.0]), torch.ones(2))
    (tensor(9.), tensor([ 6., 12.]))
"""

HVP = f"""``func``'s output and the Hessian-vector product ``H v`` for a
one-element-output ``func`` (``torch.autograd.functional.hvp``).

Args:
{_FN}
    v: the vector, shaped as ``inputs``.

Returns:
    ``(func_output, hvp)``; the Hessian is symmetric (second derivatives
    commute), so ``H v`` is computed as PyTorch's ``vhp`` is.

{_SAME}

Example:
{_IMP}
    >>> from functorch_lite.autograd.functional import hvp
    >>> hvp(lambda x: (x ** 3).sum(), torch.tensor([1.0, 2.0]), torch.ones(2))
    (tensor(9.), tensor([ 6., 12.]))
"""

_FWAD_EX = f"""{_IMP}
    >>> import functorch_lite.autograd.forward_ad as fwAD
    >>> with fwAD.dual_level():
    ...     dual = fwAD.make_dual(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 0.0]))
    ...     primal, tangent = fwAD.unpack_dual(dual.sin())
    >>> primal, tangent
    (tensor([0.8415, 0.9093]), tensor([0.5403, -0.0000]))"""

DUAL_LEVEL = f"""Context manager opening one forward-mode AD level
(``torch.autograd.forward_ad.dual_level``).

Args:
    (none)

Returns:
    A context manager yielding the level's index; dual Tensors made inside
    lose their tangents when it exits.

{_SAME}

Example:
{_FWAD_EX}
"""

MAKE_DUAL = f"""A dual Tensor: a primal value carrying a tangent, whose operations
compute Jacobian-vector products (``torch.autograd.forward_ad.make_dual``).

Args:
    tensor: the primal.
    tangent: the tangent, of ``tensor``'s shape.
    level: the level (default: the innermost open one).

Returns:
    A Tensor; ``unpack_dual`` of anything computed from it gives the tangent.

{_SAME}

Example:
{_FWAD_EX}
"""

UNPACK_DUAL = f"""The primal and the tangent of a Tensor at a level
(``torch.autograd.forward_ad.unpack_dual``).

Args:
    tensor: any Tensor.
    level: the level (default: the innermost open one).

Returns:
    ``UnpackedDualTensor(primal, tangent)``, a named tuple; the tangent is
    None for a Tensor that is not dual at that level (or whose tangent is
    zero by construction).

{_SAME}

Example:
{_FWAD_EX}
"""

DOCS = {"backward": BACKWARD}
FUNCTIONAL_DOCS = {"vjp": VJP, "jvp": JVP, "jacobian": JACOBIAN, "hessian": HESSIAN,
                   "vhp": VHP, "hvp": HVP}
FORWARD_AD_DOCS = {"dual_level": DUAL_LEVEL, "make_dual": MAKE_DUAL, "unpack_dual": UNPACK_DUAL}
