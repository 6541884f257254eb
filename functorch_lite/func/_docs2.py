"""Full docstrings of torch.func's transforms (``func/__init__.py`` assigns
them at import).  Each Example's output is PyTorch's, checked when written."""

_IMP = "    >>> import functorch_lite as torch"
_FUNC = """    func: a function of Tensors (or pytrees of them: tuples, lists, dicts)."""
_ARGNUMS = """    argnums: an int or a tuple of ints: the positional inputs to
        differentiate (default 0)."""
_AUX = """    has_aux: ``func`` returns ``(output, aux)``; ``aux`` is passed through
        untouched."""
_TENSORS = """Differs from PyTorch: nothing in arguments or results; the same derivative
rules as ``fl.grad`` (JAX-style), on Tensors."""

GRAD = f"""The gradient of a scalar-output function (``torch.func.grad``).

Args:
{_FUNC}
{_ARGNUMS}
{_AUX}

Returns:
    A function with ``func``'s arguments returning the gradient, shaped as
    the ``argnums`` input (a tuple for a tuple ``argnums``), or
    ``(grad, aux)`` with ``has_aux``.

Differs from PyTorch: nothing in arguments or results.  ``fl.grad`` (JAX's)
takes ``holomorphic``/``allow_int`` too and works on arrays as well.

Example:
{_IMP}
    >>> from functorch_lite.func import grad
    >>> grad(lambda x: (x ** 3).sum())(torch.tensor([1.0, 2.0]))
    tensor([ 3., 12.])
"""

GRAD_AND_VALUE = f"""The gradient and the value of a scalar-output function in one pass
(``torch.func.grad_and_value``).

Args:
{_FUNC}
{_ARGNUMS}
{_AUX}

Returns:
    A function returning ``(grad, value)``, or ``(grad, (value, aux))`` with
    ``has_aux``; gradients keep the structure of the ``argnums`` inputs
    (dicts in insertion order).

Differs from PyTorch: nothing.  ``fl.value_and_grad`` (JAX's) returns the
pair the other way round.

Example:
{_IMP}
    >>> from functorch_lite.func import grad_and_value
    >>> g, value = grad_and_value(lambda x: (x ** 2).sum())(torch.tensor([1.0, 2.0]))
    >>> g, value
    (tensor([2., 4.]), tensor(5.))
"""

VJP = f"""The output of ``func`` and its vector-Jacobian-product function
(``torch.func.vjp``).

Args:
{_FUNC}
    *primals: the inputs at which to linearise.
{_AUX}

Returns:
    ``(output, vjp_fn)`` (``(output, vjp_fn, aux)`` with ``has_aux``):
    ``vjp_fn(cotangents)``, with cotangents shaped as ``output``, returns a
    tuple with one gradient per primal.

{_TENSORS}

Example:
{_IMP}
    >>> from functorch_lite.func import vjp
    >>> out, vjp_fn = vjp(torch.sin, torch.tensor([0.0, 1.0]))
    >>> vjp_fn(torch.ones(2))
    (tensor([1.0000, 0.5403]),)
"""

JVP = f"""The output of ``func`` and its Jacobian-vector product, by forward mode
(``torch.func.jvp``).

Args:
{_FUNC}
    primals: a tuple of the inputs.
    tangents: a tuple of tangents, shaped as the primals.
    strict: must be False; True raises RuntimeError, as PyTorch's.
{_AUX}

Returns:
    ``(output, jvp_out)`` (plus ``aux``, as plain values, with ``has_aux``).

{_TENSORS}

Example:
{_IMP}
    >>> from functorch_lite.func import jvp
    >>> jvp(lambda x: x ** 2, (torch.tensor([1.0, 2.0]),), (torch.tensor([1.0, 0.0]),))
    (tensor([1., 4.]), tensor([2., 0.]))
"""

LINEARIZE = f"""The output of ``func`` and a function computing its Jacobian-vector
products at the same point (``torch.func.linearize``).

Args:
{_FUNC}
    *primals: the inputs at which to linearise.

Returns:
    ``(output, jvp_fn)``: the linear part is traced once and
    ``jvp_fn(*tangents)`` replays only it.

{_TENSORS}

Example:
{_IMP}
    >>> from functorch_lite.func import linearize
    >>> out, jvp_fn = linearize(torch.sin, torch.tensor([0.0]))
    >>> out, jvp_fn(torch.tensor([2.0]))
    (tensor([0.]), tensor([2.]))
"""

VMAP = """Vectorise ``func`` over a batch dimension (``torch.func.vmap``; also
``torch.vmap`` at the top level when called on Tensors or with a torch keyword).

Args:
    func: a function of Tensors (or pytrees of them).
    in_dims: an int, None (not batched), or a tuple with one entry per
        positional input (nested to match pytrees); keyword arguments are
        passed to ``func`` unbatched.
    out_dims: an int or a tuple matching the outputs: where the batch
        dimension goes.
    randomness: ``"error"`` (a facade random function inside raises),
        ``"same"`` (one draw for all lanes) or ``"different"`` (one per lane).
    chunk_size: run the batch in chunks of that many lanes (None: all at
        once; 1: a Python loop's memory).

Returns:
    A function with ``func``'s arguments, batched along ``in_dims``,
    returning ``func``'s outputs stacked along ``out_dims``.

Differs from PyTorch: a random in-place fill (``x.normal_()``) of a batched
tensor is refused inside vmap; ``"different"`` draws differ from PyTorch's
stream.

Example:
    >>> import functorch_lite as torch
    >>> from functorch_lite.func import vmap
    >>> vmap(torch.dot)(torch.ones(3, 2), torch.arange(6.0).reshape(3, 2))
    tensor([1., 5., 9.])
"""

JACREV = f"""The Jacobian by reverse mode: one vjp, its pullback vmapped over the
output basis (``torch.func.jacrev``).

Args:
{_FUNC}
{_ARGNUMS}
{_AUX}
    chunk_size: vmap that many basis rows at a time (default all).

Returns:
    A function returning the Jacobian, shape ``output.shape + input.shape``
    (nested tuples for tuple ``argnums`` and tuple outputs).

{_TENSORS}

Example:
{_IMP}
    >>> from functorch_lite.func import jacrev
    >>> jacrev(lambda x: x ** 2)(torch.tensor([1.0, 2.0]))
    tensor([[2., 0.],
            [0., 4.]])
"""

JACFWD = f"""The Jacobian by forward mode: jvp vmapped over the input basis
(``torch.func.jacfwd``).

Args:
{_FUNC}
{_ARGNUMS}
{_AUX}
    randomness: as ``vmap``'s (facade random functions inside see that mode).

Returns:
    A function returning the Jacobian, shape ``output.shape + input.shape``.

{_TENSORS}

Example:
{_IMP}
    >>> from functorch_lite.func import jacfwd
    >>> jacfwd(lambda x: x.sin())(torch.tensor([0.0, 0.0]))
    tensor([[1., 0.],
            [0., 1.]])
"""

HESSIAN = f"""The Hessian of a scalar-output function, ``jacfwd(jacrev(func,
argnums), argnums)`` (``torch.func.hessian``).

Args:
{_FUNC}
{_ARGNUMS}

Returns:
    A function returning the Hessian, shape ``input.shape + input.shape``.

{_TENSORS}

Example:
{_IMP}
    >>> from functorch_lite.func import hessian
    >>> hessian(lambda x: (x ** 3).sum())(torch.tensor([1.0, 2.0]))
    tensor([[ 6.,  0.],
            [ 0., 12.]])
"""

DOCS = {"grad": GRAD, "grad_and_value": GRAD_AND_VALUE, "vjp": VJP, "jvp": JVP,
        "linearize": LINEARIZE, "vmap": VMAP, "jacrev": JACREV, "jacfwd": JACFWD,
        "hessian": HESSIAN}
