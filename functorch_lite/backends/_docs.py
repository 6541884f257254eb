"""Full docstrings (arguments, returns, differences, an Example that
tests/test_doctests.py runs) of the backend registry's public names;
``backends/__init__.py`` assigns them at import (``core.mirror_docs.document``)."""

_TAGGED = """    >>> import types
    >>> import numpy as np
    >>> from functorch_lite import backends
    >>> class Tagged(np.ndarray):          # the arrays a toy backend owns
    ...     pass
    >>> class TaggedBackend(backends.Backend):
    ...     name = "tagged"
    ...     device = "tagged"
    ...     array_types = (Tagged,)
    ...     namespace = types.SimpleNamespace()   # its kernels' ``xp``
"""

BACKEND = f"""What the library needs to know about one array library.

Subclass it (or set the attributes on an instance) and pass an instance to
:func:`register_backend`.  The defaults describe a device backend with no
extras; NumPy's (``get_backend("numpy")``) and CuPy's are instances.

The class attributes a backend sets: ``name`` (what ``get()``/
``get_backend()``/``device_put`` take: "numpy", ...), ``device`` (where its
arrays live, as ``device_put`` and messages say it), ``aliases`` (more names
``get()`` accepts: "cpu", "cuda"), ``array_types`` (the concrete array
classes it owns, exact types), ``namespace`` (the ``xp`` its kernels receive,
a NumPy-like module), the capabilities ``is_host``, ``out_reuse``,
``fusion``, ``finiteness_probe``, ``host_constants`` (host memory, ``out=``
buffers, generated fused kernels, ...) and ``special_module`` (the module
path of its ``scipy.special``-like functions).

Args:
    (none): the constructor takes no arguments; set the attributes.

Returns:
    A backend description: ``to_host(x)``/``from_host(a)`` move data,
    ``synchronize()`` waits for queued work, ``scatter_add`` is ``add.at``.

JAX has no user-facing counterpart (its backends are XLA platforms built in
C++); this is the Python protocol the array-API-style kernels dispatch on.

Example:
{_TAGGED}    >>> b = backends.register_backend(TaggedBackend())
    >>> backends.get_backend("tagged")
    <functorch_lite backend 'tagged'>
    >>> backends.backend_of(np.zeros(2).view(Tagged)) is b
    True
    >>> backends.unregister_backend(b)       # leave the registry as it was
"""

REGISTER_BACKEND = f"""Make ``b``'s arrays known: kernels on them get ``b.namespace``.

Args:
    b: a :class:`Backend` instance with a ``name``, ``array_types`` and a
        ``namespace``.

Returns:
    ``b`` (so ``b = register_backend(MyBackend())`` reads well).

Raises:
    ValueError: ``b`` lacks a name, array types or a namespace, or one of its
        array types already belongs to another backend.

No JAX/PyTorch counterpart (their device plugins are C++); undo it with
:func:`unregister_backend`.

Example:
{_TAGGED}    >>> b = backends.register_backend(TaggedBackend())
    >>> backends.backend_named("tagged") is b
    True
    >>> backends.unregister_backend(b)
"""

UNREGISTER_BACKEND = f"""Undo ``register_backend(b)``: its array types, namespace and
names are forgotten (tests, and the CuPy stand-in's swap).

Args:
    b: a :class:`Backend` registered before (a backend never registered is
        left alone: nothing happens).

Returns:
    None.

Example:
{_TAGGED}    >>> b = backends.register_backend(TaggedBackend())
    >>> backends.unregister_backend(b)
    >>> backends.backend_named("tagged") is None
    True
"""

MIXED = f"""Arrays of two backends met in one call (transfers are explicit).

A ValueError: the message names each input's shape and backend and the
``fl.device_put`` call that moves one to the other's place.  JAX raises a
ValueError too for arrays committed to different devices; PyTorch a
RuntimeError ("Expected all tensors to be on the same device").

Args:
    message: the text (raised by the library, not by users).

Returns:
    The exception, as any ValueError.

Example:
{_TAGGED}    >>> b = backends.register_backend(TaggedBackend())
    >>> try:
    ...     backends.namespace_of([np.zeros(2), np.zeros(2).view(Tagged)])
    ... except backends.MixedBackendsError as e:
    ...     print(e)
    inputs live on different backends: input 0 f64[2] on cpu (numpy), input 1 f64[2] on
    tagged. Move them to one place first with fl.device_put(x, 'cpu') or
    fl.device_put(x, 'tagged').
    >>> backends.unregister_backend(b)
"""

DEFAULT_BACKEND = """The name of the backend new arrays use by default.

Args:
    (none)

Returns:
    ``'numpy'``, or the name given to ``set_default_backend`` (``'cupy'``
    once the CuPy backend is registered and chosen).

As ``jax.default_backend()`` (which says "cpu"/"gpu"/"tpu": here the
array library's name).

Example:
    >>> from functorch_lite import backends
    >>> backends.default_backend()
    'numpy'
    >>> backends.get_backend(backends.default_backend()).is_host
    True
"""

FORGET_DASK = """Unregister the dask backend: NumPy alone again (tests); it is loaded
again on the next use of ``"dask"`` (``get("dask")``, ``device_put(x, "dask")``).

Args:
    (none)

Returns:
    None.  Nothing happens when the dask backend is not loaded.

No JAX/PyTorch counterpart (neither has a Dask backend).

Example:
    >>> from functorch_lite import backends
    >>> loaded = backends.backend_named("dask") is not None
    >>> backends.forget_dask()
    >>> backends.backend_named("dask") is None
    True
    >>> if loaded:                  # leave it as it was (loading needs dask.array)
    ...     _ = backends.get_backend("dask")
"""

SET_DEFAULT_TRANSFER_GUARD = """Set the transfer-guard level of every thread outside a
``transfer_guard`` context ("allow" unless set; a context in any thread
overrides it there).

Args:
    level: ``"allow"`` or ``"disallow"`` (a host<->device copy through the
        library then raises a RuntimeError).

Returns:
    None.

Raises:
    ValueError: another level (JAX's ``"log"`` variants are not offered).

As ``jax.config.update("jax_transfer_guard", level)``, with two levels.

Example:
    >>> from functorch_lite import backends
    >>> backends.set_default_transfer_guard("disallow")
    >>> try:
    ...     backends.check_transfer("Tensor.item() of a device value")
    ... except RuntimeError:
    ...     print("refused")
    refused
    >>> backends.set_default_transfer_guard("allow")     # the default again
    >>> backends.check_transfer("Tensor.item() of a device value")
"""

CHECK_TRANSFER = """Check the transfer guard before an implicit device->host copy (the
facade's ``item()``/``float()``, a tracer's ``bool()``/``float()`` over a
device value); a backend that copies implicitly calls it too.

Args:
    what: the copy, in words, for the error message.

Returns:
    None when the level in force is ``"allow"``.

Raises:
    RuntimeError: under ``transfer_guard("disallow")`` (or that default level).

Example:
    >>> from functorch_lite import backends
    >>> backends.check_transfer("x.item()")             # allowed: nothing happens
    >>> with backends.transfer_guard("disallow"):
    ...     try:
    ...         backends.check_transfer("x.item()")
    ...     except RuntimeError as e:
    ...         print(e)
    transfer_guard('disallow'): x.item() would copy between host and device. Keep the data
    where it is, or leave the guard.
"""

DOCS = {"Backend": BACKEND, "register_backend": REGISTER_BACKEND,
        "unregister_backend": UNREGISTER_BACKEND, "MixedBackendsError": MIXED,
        "default_backend": DEFAULT_BACKEND, "forget_dask": FORGET_DASK,
        "set_default_transfer_guard": SET_DEFAULT_TRANSFER_GUARD,
        "check_transfer": CHECK_TRANSFER}
