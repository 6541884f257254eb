"""The full docstrings of transforms/api.py's transforms, kept here because
api.py is at the 600-line limit; api.py assigns them at import, so help(),
Sphinx's autodoc and the doctests see them on the functions themselves."""

GRAD = """Gradient of a scalar-output function (JAX's ``jax.grad``).

Args:
    fun: function of arrays (or pytrees of arrays) returning a real scalar,
        or with ``has_aux=True`` a pair ``(scalar, aux)``.
    argnums: an int or a tuple of ints: which positional arguments to
        differentiate with respect to (default 0).
    has_aux: ``fun`` returns ``(value, aux)``; the gradient function then
        returns ``(gradient, aux)``.
    holomorphic: complex inputs and a complex scalar output; the result is the
        complex derivative f'(z).
    allow_int: integer and boolean inputs are accepted; their gradient is an
        array of JAX's zero-size dtype ``float0``.

Returns:
    A function with ``fun``'s arguments returning the gradient: one pytree
    shaped as the argument for an int ``argnums``, a tuple of them for a
    tuple ``argnums``.

Differs from PyTorch: a function transform, as ``torch.func.grad``, rather
than ``Tensor.backward``; Tensor arguments (``import functorch_lite as
torch``) give Tensor results.  As JAX's otherwise, including its TypeErrors
on complex or integer inputs without ``holomorphic=``/``allow_int=``.

Example:
    >>> import functorch_lite as fl
    >>> import functorch_lite.numpy as fnp
    >>> print(fl.grad(lambda x: fnp.sum(x ** 2))(fnp.array([1.0, 2.0])))
    [2. 4.]
"""

VALUE_AND_GRAD = """The value of ``fun`` and its gradient in one pass (JAX's ``jax.value_and_grad``).

Args:
    fun: function returning a real scalar (or ``(scalar, aux)`` with
        ``has_aux=True``).
    argnums: int or tuple of ints: the arguments to differentiate (default 0).
    has_aux: ``fun`` returns ``(value, aux)``; the result is then
        ``((value, aux), gradient)``.
    holomorphic: complex inputs and a complex scalar output; the gradient is
        the complex derivative f'(z).  Without it a complex output is JAX's
        TypeError naming ``holomorphic=True``.
    allow_int: integer and boolean inputs are accepted and their gradient is
        a ``float0`` array (JAX's zero-size dtype) of the input's shape;
        otherwise they raise JAX's TypeError.

Returns:
    A function returning ``(value, gradient)``, the gradient shaped as for
    ``grad``.

Differs from PyTorch: torch.func has ``grad_and_value`` with the pair the
other way round (``functorch_lite.func.grad_and_value`` gives that order).

Example:
    >>> import functorch_lite as fl
    >>> import functorch_lite.numpy as fnp
    >>> value, g = fl.value_and_grad(lambda x: fnp.sum(x ** 2))(fnp.array([1.0, 2.0]))
    >>> print(value, g)
    5.0 [2. 4.]
"""

VJP = """Vector-Jacobian product: evaluate ``fun`` and return its pullback (JAX's ``jax.vjp``).

Args:
    fun: function of the ``primals`` returning an array or pytree of arrays
        (``(out, aux)`` with ``has_aux=True``).
    *primals: the point to linearise at, one per positional argument of
        ``fun``.
    has_aux: ``fun`` returns ``(out, aux)``; ``aux`` is returned third and
        not differentiated.

Returns:
    ``(out, vjp_fn)`` (``(out, vjp_fn, aux)`` with ``has_aux``):
    ``vjp_fn(cotangent)``, with a cotangent shaped as ``out``, returns a
    tuple with one cotangent per primal.  ``vjp_fn`` may be called many
    times; the forward pass is not rerun.

Differs from PyTorch: ``torch.autograd.grad(out, inputs, grad_outputs)``
computes one product from an eager graph; here the pullback is a function,
as ``torch.func.vjp``'s.

Example:
    >>> import functorch_lite as fl
    >>> import functorch_lite.numpy as fnp
    >>> out, vjp_fn = fl.vjp(fnp.sin, 0.0)
    >>> print(float(out), float(vjp_fn(1.0)[0]))
    0.0 1.0
"""

JVP = """Jacobian-vector product by forward mode (JAX's ``jax.jvp``).

Args:
    fun: function of arrays (or pytrees) returning an array or pytree
        (``(out, aux)`` with ``has_aux=True``).
    primals: a tuple or list with one value per positional argument of ``fun``.
    tangents: a tuple or list of the same structure, shapes and (float)
        dtypes as ``primals``: the direction.
    has_aux: ``fun`` returns ``(out, aux)``; aux is returned third.

Returns:
    ``(out, tangent_out)`` (``(out, tangent_out, aux)`` with ``has_aux``):
    ``fun(*primals)`` and the derivative of ``fun`` at ``primals`` along
    ``tangents``, computed in one forward pass.

Differs from PyTorch: as ``torch.func.jvp``; ``torch.autograd.forward_ad``
(dual tensors) is the eager equivalent.

Example:
    >>> import functorch_lite as fl
    >>> import functorch_lite.numpy as fnp
    >>> out, t = fl.jvp(fnp.sin, (0.0,), (2.0,))
    >>> print(float(out), float(t))
    0.0 2.0
"""

MAKE_JAXPR = """Trace ``fun`` into its intermediate representation (JAX's ``jax.make_jaxpr``).

Args:
    fun: the function to trace.
    static_argnums: int or tuple of ints: arguments that are Python values
        baked into the trace instead of traced inputs.
    source_info: print each equation's user ``file:line`` (``# path:line``
        after it); JAX's equivalent is ``jaxpr.pretty_print(source_info=True)``.

Returns:
    A function that, called with example arguments, returns the ClosedJaxpr
    of ``fun`` for those argument shapes and dtypes.  Its default print is
    JAX's format.

Differs from PyTorch: the closest there is ``torch.fx.symbolic_trace`` or
``make_fx``; the result here is a jaxpr, not an fx graph.

Example:
    >>> import functorch_lite as fl
    >>> import functorch_lite.numpy as fnp
    >>> print(fl.make_jaxpr(lambda x: fnp.sum(x ** 2))(fnp.ones(2, dtype="float32")))
    { lambda ; a:f32[2]. let
        b:f32[2] = integer_pow[y=2] a
        c:f32[] = reduce_sum[axes=(0,)] b
      in (c,) }
"""

EVAL_SHAPE = """The shapes and dtypes ``fun(*args, **kwargs)`` would return (JAX's ``jax.eval_shape``).

Found by tracing: no kernel runs on the inputs (constants the function
builds itself are still made).

Args:
    fun: the function to evaluate abstractly.
    *args: arrays, Python scalars (weakly typed, as JAX), ``ShapeDtypeStruct``
        values or anything with ``.shape`` and ``.dtype``, in any pytree.
    **kwargs: keyword arguments, as ``args``.

Returns:
    A pytree shaped as ``fun``'s output with a ``ShapeDtypeStruct`` at each
    leaf.

Differs from PyTorch: the meta device (``torch.device('meta')``) plays
this role there.

Example:
    >>> import functorch_lite as fl
    >>> import functorch_lite.numpy as fnp
    >>> spec = fl.ShapeDtypeStruct((2, 3), fnp.float32)
    >>> print(fl.eval_shape(lambda x: x.T @ x, spec))
    ShapeDtypeStruct(shape=(3, 3), dtype=float32)
"""

STOP_GRADIENT = """The identity whose derivative is zero (JAX's ``jax.lax.stop_gradient``).

Args:
    x: an array or a pytree of arrays.

Returns:
    ``x`` unchanged in value; ``grad``, ``vjp``, ``jvp`` and the Jacobians
    treat it as a constant.

Differs from PyTorch: ``Tensor.detach()`` is the eager equivalent.

Example:
    >>> import functorch_lite as fl
    >>> print(float(fl.grad(lambda x: x * fl.stop_gradient(x))(3.0)))
    3.0
"""

DOCS = {"grad": GRAD, "value_and_grad": VALUE_AND_GRAD, "vjp": VJP, "jvp": JVP,
        "make_jaxpr": MAKE_JAXPR, "eval_shape": EVAL_SHAPE, "stop_gradient": STOP_GRADIENT}
