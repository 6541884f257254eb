"""Full docstrings of more facade functions and Tensor methods
(``facade/__init__.py`` assigns them at import).  Examples marked "PyTorch's
output" were checked against PyTorch when written."""

_IMP = "    >>> import functorch_lite as torch"


def _doc(summary, args, returns, example, differs="Differs from PyTorch: nothing in arguments or results."):
    return (f"{summary}\n\nArgs:\n{args}\n\nReturns:\n    {returns}\n\n{differs}\n\n"
            f"Example:\n{_IMP}\n{example}\n")


def _ties(qualified, extreme):
    w = qualified.rpartition(".")[2]      # the op's name (qualified: not a bare table key)
    return (f"Differs from PyTorch: the backward of ``{w}(dim)``/``{w}()`` shares the\n"
            f"gradient equally among tied {extreme} (PyTorch's picks one index for\n"
            f"``{w}(dim)``); the named tuple prints as ``{w}(values=..., indices=...)``.")



DOCS = {
    "torch.max": _doc(
        "The largest element, or the largest along ``dim`` with its index, or the\n"
        "elementwise maximum of two Tensors (``torch.max``).",
        "    input: a Tensor.\n    *args: ``dim`` (int), or ``other`` (a Tensor).\n"
        "    out: must be None.\n    **kwargs: ``dim=``, ``keepdim=``.",
        "A 0-d Tensor; with ``dim`` a ``(values, indices)`` named tuple; with\n"
        "    ``other`` a Tensor.",
        "    >>> torch.max(torch.tensor([[1.0, 5.0], [3.0, 2.0]]), dim=1).values\n"
        "    tensor([5., 3.])", _ties("torch.max", "maxima")),
    "torch.min": _doc(
        "The smallest element, or the smallest along ``dim`` with its index, or\n"
        "the elementwise minimum of two Tensors (``torch.min``).",
        "    input: a Tensor.\n    *args: ``dim`` (int), or ``other`` (a Tensor).\n"
        "    out: must be None.\n    **kwargs: ``dim=``, ``keepdim=``.",
        "A 0-d Tensor; with ``dim`` a ``(values, indices)`` named tuple.",
        "    >>> torch.min(torch.tensor([1.0, -2.0, 3.0]))\n    tensor(-2.)",
        _ties("torch.min", "minima")),
    "torch.sort": _doc(
        "Sort along a dimension (``torch.sort``).",
        "    input: a Tensor.\n    *args: ``dim`` (default -1), ``descending``.\n"
        "    out: must be None.\n    **kwargs: ``dim=``, ``descending=``, ``stable=``.",
        "A ``(values, indices)`` named tuple.",
        "    >>> torch.sort(torch.tensor([3.0, 1.0, 2.0])).indices\n    tensor([1, 2, 0])",
        "Differs from PyTorch: ties always keep their input order (a stable sort)."),
    "torch.topk": _doc(
        "The ``k`` largest (or smallest) elements along a dimension (``torch.topk``).",
        "    input: a Tensor.\n    *args: ``k``, ``dim``, ``largest``, ``sorted``.\n"
        "    out: must be None.\n    **kwargs: the same by name.",
        "A ``(values, indices)`` named tuple.",
        "    >>> torch.topk(torch.tensor([3.0, 1.0, 4.0]), 2).values\n    tensor([4., 3.])",
        "Differs from PyTorch: ties are broken by position (the earlier element first)."),
    "torch.unique": _doc(
        "The distinct elements (``torch.unique``).",
        "    input: a Tensor.\n    *args: ``sorted``, ``return_inverse``, ``return_counts``, ``dim``.\n"
        "    out: must be None.\n    **kwargs: the same by name.",
        "A Tensor, or a tuple adding the inverse indices and/or the counts.",
        "    >>> torch.unique(torch.tensor([3, 1, 3]))\n    tensor([1, 3])",
        "Differs from PyTorch: ``sorted=False`` still returns the values sorted."),
    "torch.meshgrid": _doc(
        "Coordinate grids from 1-D Tensors (``torch.meshgrid``).",
        "    *tensors: 1-D Tensors (or one list of them).\n"
        "    indexing: ``'ij'`` (PyTorch's default) or ``'xy'``.",
        "A tuple of Tensors, one per input, each of the grid's shape.",
        "    >>> torch.meshgrid(torch.tensor([1, 2]), torch.tensor([3, 4, 5]), indexing='ij')[1]\n"
        "    tensor([[3, 4, 5],\n            [3, 4, 5]])"),
    "torch.cdist": _doc(
        "p-norm distances between the rows of two batches of matrices (``torch.cdist``).",
        "    x1: ``(..., P, M)``.\n    x2: ``(..., R, M)``.\n    p: the norm's order (default 2).\n"
        "    compute_mode: accepted as PyTorch's (the results are the same).",
        "A Tensor ``(..., P, R)``.",
        "    >>> torch.cdist(torch.tensor([[0.0, 0.0]]), torch.tensor([[3.0, 4.0], [1.0, 0.0]]))\n"
        "    tensor([[5., 1.]])"),
    "torch.softmin": _doc(
        "``softmax(-input, dim)`` (``torch.nn.functional.softmin``; here also\n"
        "``torch.softmin`` and a Tensor method).",
        "    self: a Tensor.\n    dim: the dimension.\n    dtype: cast to this dtype first.",
        "A Tensor shaped as the input.",
        "    >>> torch.softmin(torch.tensor([1.0, 2.0]), 0)\n    tensor([0.7311, 0.2689])",
        "Differs from PyTorch: PyTorch has ``softmin`` only in ``nn.functional``."),
    "torch.bernoulli": _doc(
        "0/1 draws with the probabilities in ``input`` (``torch.bernoulli``).",
        "    input: probabilities (a float Tensor).\n    p: a number instead of ``input``'s values.\n"
        "    generator: a ``torch.Generator``.\n    out: must be None.",
        "A Tensor of 0s and 1s, in ``input``'s dtype: PyTorch's CPU numbers after\n"
        "    the same seed.",
        "    >>> _ = torch.manual_seed(0)\n"
        "    >>> torch.bernoulli(torch.tensor([0.0, 1.0, 0.5, 0.5]))\n    tensor([0., 1., 1., 1.])"),
    "torch.getitem": _doc(
        "``x[idx]`` as a function: PyTorch's indexing (basic, advanced, boolean,\n"
        "``None`` and ``...``).",
        "    x: a Tensor.\n    idx: an index as ``x[...]`` takes it.",
        "A Tensor (a view for basic indexing).",
        "    >>> torch.getitem(torch.arange(6).reshape(2, 3), (1, slice(0, 2)))\n    tensor([3, 4])",
        "Differs from PyTorch: PyTorch has no such function (it is ``x[idx]``)."),
    "torch.setitem": _doc(
        "``x[idx] = value`` as a function: PyTorch's in-place indexed write.",
        "    x: a Tensor.\n    idx: an index as ``x[...]`` takes it.\n    value: a number or a Tensor.",
        "None; ``x`` is modified in place (recorded for autograd).",
        "    >>> t = torch.zeros(3)\n    >>> torch.setitem(t, 1, 5.0)\n    >>> t\n    tensor([0., 5., 0.])",
        "Differs from PyTorch: PyTorch has no such function (it is ``x[idx] = value``)."),
    "torch.get_rng_state": _doc(
        "The global CPU generator's state (``torch.get_rng_state``).",
        "    (none)",
        "A uint8 Tensor, in this library's layout: give it to ``set_rng_state``.",
        "    >>> state = torch.get_rng_state()\n    >>> a = torch.rand(2)\n"
        "    >>> torch.set_rng_state(state)\n    >>> bool((torch.rand(2) == a).all())\n    True",
        "Differs from PyTorch: the bytes are not PyTorch's layout (not interchangeable)."),
    "torch.set_rng_state": _doc(
        "Restore the global CPU generator's state (``torch.set_rng_state``).",
        "    new_state: a state from ``get_rng_state``.",
        "None.",
        "    >>> state = torch.get_rng_state()\n    >>> a = torch.rand(2)\n"
        "    >>> torch.set_rng_state(state)\n    >>> bool((torch.rand(2) == a).all())\n    True",
        "Differs from PyTorch: the state is this library's byte layout, not PyTorch's."),
    "torch.Size": _doc(
        "A Tensor's shape (``torch.Size``): a tuple of ints.",
        "    iterable: the sizes.",
        "A tuple subclass printing as ``torch.Size([...])``.",
        "    >>> torch.Size([5, 3])\n    torch.Size([5, 3])\n    >>> torch.zeros(5, 3).shape == (5, 3)\n    True"),
    "torch.device": _doc(
        "A device (``torch.device``): ``'cpu'``, or ``'cuda'`` (CuPy) with an index.",
        "    spec: ``'cpu'``, ``'cuda'``, ``'cuda:0'``, or another device.\n    index: the device index.",
        "A device object with ``type`` and ``index``.",
        "    >>> torch.device('cuda', 0)\n    device(type='cuda', index=0)\n"
        "    >>> torch.zeros(1).device\n    device(type='cpu')"),
    "torch.dtype": _doc(
        "The dtype objects (``torch.float32``, ``torch.int64``, ...), each wrapping a\n"
        "NumPy dtype (``torch.dtype``).",
        "    name: the dtype's name.\n    np_dtype: the NumPy dtype.\n    tensor_type: the legacy type name.",
        "A dtype with ``is_floating_point``, ``is_complex``, ``itemsize``; made by the\n"
        "    library (``torch.float32`` ...), not by users.",
        "    >>> torch.float32, torch.float32.is_floating_point, torch.int64.itemsize\n"
        "    (torch.float32, True, 8)"),
    "torch.set_default_device": _doc(
        "The device the factory functions use when given none\n(``torch.set_default_device``).",
        "    device: ``'cpu'``, ``'cuda'`` (needs CuPy), or None (the CPU).",
        "None.",
        "    >>> torch.set_default_device('cpu')\n    >>> torch.zeros(2).device\n    device(type='cpu')"),
}

TENSOR_DOCS = {
    "Tensor.max": DOCS["torch.max"].replace("(``torch.max``)", "(``torch.Tensor.max``)").replace(
        "    input: a Tensor.\n", "").replace(
        "torch.max(torch.tensor([[1.0, 5.0], [3.0, 2.0]]), dim=1).values",
        "torch.tensor([[1.0, 5.0], [3.0, 2.0]]).max(dim=1).values"),
    "Tensor.min": DOCS["torch.min"].replace("(``torch.min``)", "(``torch.Tensor.min``)").replace(
        "    input: a Tensor.\n", "").replace("torch.min(torch.tensor([1.0, -2.0, 3.0]))",
                                             "torch.tensor([1.0, -2.0, 3.0]).min()"),
    "Tensor.atleast_1d": _doc(
        "The Tensor with at least one dimension (``torch.atleast_1d`` as a method).",
        "    (none)", "The Tensor itself, or a 0-d one reshaped to ``(1,)``.",
        "    >>> torch.tensor(3.0).atleast_1d()\n    tensor([3.])",
        "Differs from PyTorch: PyTorch has no such method (only ``torch.atleast_1d``)."),
    "Tensor.atleast_2d": _doc(
        "The Tensor with at least two dimensions (``torch.atleast_2d`` as a method).",
        "    (none)", "The Tensor itself, or reshaped to ``(1, n)`` (or ``(1, 1)``).",
        "    >>> torch.tensor([1.0, 2.0]).atleast_2d()\n    tensor([[1., 2.]])",
        "Differs from PyTorch: PyTorch has no such method (only ``torch.atleast_2d``)."),
    "Tensor.diag_embed": _doc(
        "Matrices with the last dimension on a diagonal (``torch.Tensor.diag_embed``).",
        "    offset: which diagonal.\n    dim1: the first matrix dimension of the result.\n"
        "    dim2: the second.",
        "A Tensor with one more dimension.",
        "    >>> torch.tensor([[1.0, 2.0]]).diag_embed()\n"
        "    tensor([[[1., 0.],\n             [0., 2.]]])"),
    "Tensor.scatter_reduce": _doc(
        "A copy of self with ``src`` combined at ``index`` along ``dim``\n"
        "(``torch.Tensor.scatter_reduce``).",
        "    dim: the dimension.\n    index: int64 indices.\n    src: the values.\n"
        "    reduce: ``'sum'``, ``'prod'``, ``'amax'`` or ``'amin'``.\n"
        "    include_self: must be True (self's values take part).",
        "A new Tensor of self's shape.",
        "    >>> torch.zeros(2).scatter_reduce(0, torch.tensor([0, 0, 1]), torch.tensor([1.0, 3.0, 2.0]), 'amax')\n"
        "    tensor([3., 2.])",
        "Differs from PyTorch: no ``reduce='mean'``; ``include_self=False`` is refused."),
    "Tensor.storage_offset": _doc(
        "The offset of the first element in the storage (``torch.Tensor.storage_offset``).",
        "    (none)", "Always 0 here: a view owns its start (its array begins at its first element).",
        "    >>> torch.arange(4)[2:].storage_offset()\n    0",
        "Differs from PyTorch: PyTorch gives 2 in the example (the view's offset in its base)."),
    "Tensor.random_": _doc(
        "Fill with random integers in place (``torch.Tensor.random_``).",
        "    low: the lowest value (with ``high``), or one above the highest (alone).\n"
        "    high: one above the highest value.\n    generator: a ``torch.Generator``.",
        "The Tensor itself: ``[low, high)``, ``[0, low)`` with one argument, or the\n"
        "    dtype's range (``[0, 2^mantissa]`` for floats) with none; PyTorch's CPU\n"
        "    numbers after the same seed.",
        "    >>> _ = torch.manual_seed(0)\n    >>> torch.zeros(4).random_(0, 10)\n    tensor([4., 9., 3., 0.])"),
    "Tensor.creator": _doc(
        "The Tensor's ``grad_fn`` under PyTorch 0.1's name, which old tutorials use.",
        "    (none)", "The grad_fn node (None for a leaf).",
        "    >>> x = torch.tensor([1.0], requires_grad=True)\n    >>> (x * 2).creator.name()\n    'MulBackward0'",
        "Differs from PyTorch: current PyTorch has only ``grad_fn``."),
    "Tensor.at": _doc(
        "JAX's functional indexed update on a Tensor: ``t.at[idx].set(v)``,\n"
        "``.add``, ``.multiply``, ``.min``, ``.max``, ``.get``.",
        "    (none): index the returned helper, then call an update method.",
        "A new Tensor (``t`` is unchanged), recorded for autograd.",
        "    >>> t = torch.zeros(3)\n    >>> t.at[1].set(5.0)\n    tensor([0., 5., 0.])\n    >>> t\n"
        "    tensor([0., 0., 0.])",
        "Differs from PyTorch: PyTorch has no ``.at`` (this is JAX's API on Tensors)."),
}
