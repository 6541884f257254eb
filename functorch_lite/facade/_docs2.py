"""Full docstrings of the facade's random-number functions, ``Tensor``,
``save``/``load`` and ``set_grad_enabled`` (``facade/__init__.py`` assigns
them at import; facade/_docs.py has the creation functions)."""

_GEN = """    generator: a ``torch.Generator`` to draw from (default the global one)."""
_CPU_SAME = """Differs from PyTorch: nothing in the CPU numbers: after the same
``manual_seed`` they equal PyTorch's bit for bit (float32 and float64); on
``"cuda"`` (CuPy) they are CuPy's own stream."""

MANUAL_SEED = """Seed the global random-number generators (``torch.manual_seed``).

Args:
    seed: an integer; the CPU generator is PyTorch's mt19937 seeded as
        PyTorch seeds it, and the device generator (with CuPy) is seeded too.

Returns:
    The global CPU ``Generator``.

Differs from PyTorch: nothing: ``rand``, ``randn``, ``randint``,
``randperm``, dropout, ``nn.init`` and shuffled ``DataLoader``\\ s then draw
PyTorch's numbers.

Example:
    >>> import functorch_lite as torch
    >>> g = torch.manual_seed(0)
    >>> g.initial_seed()
    0
    >>> torch.rand(3)
    tensor([0.4963, 0.7682, 0.0885])
"""

GENERATOR = """A random-number generator object (``torch.Generator``): an mt19937
stream with PyTorch's normal-sampling cache.

Args:
    device: ``"cpu"`` (default).

Returns:
    A generator: ``manual_seed(s)`` (returns the generator), ``initial_seed()``,
    ``seed()`` (a fresh nondeterministic seed), ``get_state()``/``set_state()``;
    pass it as ``generator=`` to the sampling functions and ``DataLoader``.

Differs from PyTorch: ``get_state()`` is a uint8 Tensor in this library's
own layout (not interchangeable with PyTorch's).

Example:
    >>> import functorch_lite as torch
    >>> g = torch.Generator().manual_seed(1)
    >>> torch.rand(2, generator=g)
    tensor([0.7576, 0.2793])
"""

RAND = f"""Uniform samples on ``[0, 1)`` (``torch.rand``).

Args:
    *size: the shape, as ints or one tuple.
    dtype: a float dtype (default float32).
    device: ``"cpu"`` or ``"cuda"``.
    requires_grad: make the result a leaf that requires grad.
{_GEN}

Returns:
    A Tensor of ``size``.

{_CPU_SAME}

Example:
    >>> import functorch_lite as torch
    >>> _ = torch.manual_seed(0)
    >>> torch.rand(3)
    tensor([0.4963, 0.7682, 0.0885])
"""

RANDN = f"""Standard normal samples (``torch.randn``).

Args:
    *size: the shape, as ints or one tuple.
    dtype: a float dtype (default float32).
    device: ``"cpu"`` or ``"cuda"``.
    requires_grad: make the result a leaf that requires grad.
{_GEN}

Returns:
    A Tensor of ``size``.

{_CPU_SAME}

Example:
    >>> import functorch_lite as torch
    >>> _ = torch.manual_seed(0)
    >>> _ = torch.rand(3)
    >>> torch.randn(2, 2)
    tensor([[0.3643, 0.1344],
            [0.1642, 0.3058]])
"""

RANDINT = f"""Uniform random integers in ``[low, high)`` (``torch.randint``).

Args:
    low: the lowest value (default 0); ``randint(high, size)`` also works.
    high: one above the highest value.
    size: the shape (a tuple).
    dtype: the result's dtype (default int64).
    device: ``"cpu"`` or ``"cuda"``.
    requires_grad: True raises PyTorch's RuntimeError (an integer Tensor
        cannot require grad).
{_GEN}

Returns:
    A Tensor of ``size``.

{_CPU_SAME}

Example:
    >>> import functorch_lite as torch
    >>> _ = torch.manual_seed(0)
    >>> torch.randint(0, 10, (5,))
    tensor([4, 9, 3, 0, 3])
"""

RANDPERM = f"""A random permutation of ``0 .. n-1`` (``torch.randperm``).

Args:
    n: the length.
    dtype: an integer dtype (default int64).
    device: ``"cpu"`` or ``"cuda"``.
{_GEN}

Returns:
    A 1-D Tensor of length ``n``.

{_CPU_SAME}

Example:
    >>> import functorch_lite as torch
    >>> _ = torch.manual_seed(0)
    >>> torch.randperm(5)
    tensor([4, 0, 1, 3, 2])
"""

NORMAL = f"""Normal samples with given means and standard deviations
(``torch.normal``).

Args:
    mean: a number or a Tensor of means.
    std: a number or a Tensor of standard deviations (broadcast with mean).
    size: the shape, when both are numbers.
    device: ``"cpu"`` or ``"cuda"``.
    dtype: a float dtype (default float32).
{_GEN}

Returns:
    A Tensor of ``size`` (numbers) or of the broadcast shape of ``mean`` and
    ``std``.

Differs from PyTorch: with numbers, PyTorch's CPU numbers; with a Tensor
``mean`` or ``std`` each element is drawn from its own normal, but not from
PyTorch's stream (other numbers, the same distribution).

Example:
    >>> import functorch_lite as torch
    >>> _ = torch.manual_seed(0)
    >>> torch.normal(0.0, 2.0, size=(3,))
    tensor([ 3.0820, -0.5869, -4.3576])
"""

TENSOR_CLASS = """The n-dimensional array of the PyTorch-style facade (``torch.Tensor``):
values on the CPU (NumPy) or a GPU (CuPy), a dtype, a device, views sharing
storage, and autograd (``requires_grad``, ``grad``, ``grad_fn``,
``backward``).

Args:
    *args: ``Tensor(5, 3)`` an uninitialised float32 Tensor of that shape;
        ``Tensor([[1, 2]])`` or ``Tensor(ndarray)`` float32 values from data.
    dtype: the dtype (default float32).
    device: ``"cpu"`` or ``"cuda"``.
    requires_grad: make it a leaf that requires grad.

Returns:
    A Tensor.  Prefer ``torch.tensor(data)``, ``torch.zeros(...)`` and the
    other factory functions, as in PyTorch.

Differs from PyTorch: ``Tensor(...)`` also takes ``dtype``/``device``/
``requires_grad`` keywords; no sparse, quantized or named tensors.

Example:
    >>> import functorch_lite as torch
    >>> torch.Tensor(2, 3).shape
    torch.Size([2, 3])
    >>> torch.Tensor([[1, 2]])
    tensor([[1., 2.]])
    >>> isinstance(torch.ones(2), torch.Tensor)
    True
"""

SAVE = """Save Tensors and nested containers of them to a file (``torch.save``),
as ``.npz`` data plus a JSON manifest: no pickle, so loading runs no code.

Args:
    obj: a Tensor, or dicts/lists/tuples of Tensors, NumPy arrays, numbers,
        strings and None (a ``state_dict``, an optimiser's ``state_dict``, a
        checkpoint dict).
    f: a path or a writable binary file object.

Returns:
    None.  Anything else (a module, a function, an arbitrary object) raises
    TypeError naming where it is: save its ``state_dict()`` instead.

Differs from PyTorch: arbitrary Python objects are refused (PyTorch
pickles them), and the file is not a PyTorch ``.pt`` archive.

Example:
    >>> import io
    >>> import functorch_lite as torch
    >>> model = torch.nn.Linear(2, 1)
    >>> buf = io.BytesIO()
    >>> torch.save({"model": model.state_dict(), "step": 3}, buf)
    >>> _ = buf.seek(0)
    >>> ckpt = torch.load(buf)
    >>> ckpt["step"], ckpt["model"]["weight"].shape
    (3, torch.Size([1, 2]))
"""

LOAD = """Load what ``save`` wrote (``torch.load``).

Args:
    f: a path or a readable binary file object.
    map_location: None (entries saved from ``cuda`` tensors come back on the
        device, as in PyTorch), ``"cpu"`` (everything on the host) or
        ``"cuda"`` (everything on the device).
    weights_only: accepted for PyTorch's signature; loading never runs code
        here whatever it says.

Returns:
    The saved object, with Tensors for the saved Tensors and arrays.  A
    file this library did not write (a PyTorch ``.pt``, a foreign ``.npz``)
    is refused with an error naming the file.

Differs from PyTorch: reads only files ``functorch_lite.save`` wrote.

Example:
    >>> import io
    >>> import functorch_lite as torch
    >>> buf = io.BytesIO()
    >>> torch.save(torch.arange(3), buf)
    >>> _ = buf.seek(0)
    >>> torch.load(buf)
    tensor([0, 1, 2])
"""

SET_GRAD_ENABLED = """Switch autograd recording on or off (``torch.set_grad_enabled``),
for this thread.

Args:
    mode: True to record operations on Tensors that require grad, False not to.

Returns:
    An object that also works as a context manager: called plainly it
    switches the mode at once; in a ``with`` block it restores the previous
    mode on exit.

Differs from PyTorch: nothing in arguments or results.

Example:
    >>> import functorch_lite as torch
    >>> x = torch.tensor([1.0], requires_grad=True)
    >>> with torch.set_grad_enabled(False):
    ...     y = x * 2
    >>> y.requires_grad
    False
    >>> (x * 2).requires_grad
    True
"""

DOCS = {"manual_seed": MANUAL_SEED, "Generator": GENERATOR, "rand": RAND, "randn": RANDN,
        "randint": RANDINT, "randperm": RANDPERM, "normal": NORMAL, "Tensor": TENSOR_CLASS,
        "set_grad_enabled": SET_GRAD_ENABLED}
SERIALIZATION_DOCS = {"save": SAVE, "load": LOAD}
