"""Full docstrings of Tensor methods whose docstrings were their own one-liners
(``facade/__init__.py`` assigns them at import).  Each Example's output is
PyTorch's, checked when written."""

_IMPORT = "    >>> import functorch_lite as torch"
_SAME = "Differs from PyTorch: nothing in arguments or results."


def _doc(summary, args, returns, example, differs=_SAME):
    return (f"{summary}\n\nArgs:\n{args}\n\nReturns:\n    {returns}\n\n{differs}\n\n"
            f"Example:\n{_IMPORT}\n{example}\n")


DOCS = {
    "Tensor.gather": _doc(
        "Values picked along ``dim`` by ``index`` (``torch.Tensor.gather``):\n"
        "``out[i][j] = self[i][index[i][j]]`` for ``dim=1``.",
        "    dim: the axis to index along.\n"
        "    index: an int64 Tensor of self's rank (other dims no larger than self's).\n"
        "    sparse_grad: must be False (no sparse gradients here).",
        "A Tensor of ``index``'s shape; differentiable in self (scatter-add back).",
        "    >>> t = torch.tensor([[1, 2], [3, 4]])\n"
        "    >>> t.gather(1, torch.tensor([[0, 0], [1, 0]]))\n"
        "    tensor([[1, 1],\n            [4, 3]])"),
    "Tensor.scatter": _doc(
        "A copy of self with values written at ``index`` along ``dim``\n"
        "(``torch.Tensor.scatter``): ``out[i][index[i][j]] = src[i][j]`` for ``dim=1``.",
        "    dim: the axis to write along.\n"
        "    index: an int64 Tensor of self's rank.\n"
        "    src: the values (a Tensor at least index's size), or\n"
        "    value: one number for every position.\n"
        "    reduce: None, ``'add'`` or ``'multiply'`` (combine instead of overwrite).",
        "A new Tensor of self's shape (``scatter_`` writes in place).",
        "    >>> torch.zeros(2, 3).scatter(1, torch.tensor([[2], [0]]), torch.tensor([[5.0], [7.0]]))\n"
        "    tensor([[0., 0., 5.],\n            [7., 0., 0.]])"),
    "Tensor.scatter_add": _doc(
        "A copy of self with ``src`` added at ``index`` along ``dim``; repeated\n"
        "indices accumulate (``torch.Tensor.scatter_add``).",
        "    dim: the axis.\n    index: an int64 Tensor of self's rank.\n"
        "    src: the values to add, at least index's size.",
        "A new Tensor of self's shape, differentiable in self and src.",
        "    >>> torch.zeros(3).scatter_add(0, torch.tensor([0, 2, 0]), torch.tensor([1.0, 2.0, 3.0]))\n"
        "    tensor([4., 0., 2.])"),
    "Tensor.index_select": _doc(
        "The slices of self at ``index`` along ``dim`` (``torch.Tensor.index_select``).",
        "    dim: the axis.\n    index: a 1-D int64 Tensor (repeats allowed).",
        "A new Tensor with ``len(index)`` entries along ``dim``.",
        "    >>> torch.arange(6).reshape(3, 2).index_select(0, torch.tensor([2, 0]))\n"
        "    tensor([[4, 5],\n            [0, 1]])"),
    "Tensor.index_add": _doc(
        "A copy of self with ``alpha * source``'s slices added at ``index`` along\n"
        "``dim``; repeated indices accumulate (``torch.Tensor.index_add``).",
        "    dim: the axis.\n    index: a 1-D int64 Tensor, one entry per slice of source.\n"
        "    source: the slices to add.\n    alpha: their factor (default 1).",
        "A new Tensor of self's shape (``index_add_`` writes in place).",
        "    >>> torch.zeros(3).index_add(0, torch.tensor([0, 0, 2]), torch.tensor([1.0, 2.0, 3.0]))\n"
        "    tensor([3., 0., 3.])"),
    "Tensor.masked_fill": _doc(
        "self with ``value`` where ``mask`` is True (``torch.Tensor.masked_fill``).",
        "    mask: a bool Tensor broadcastable to self.\n"
        "    value: a number or a 0-d Tensor.",
        "A new Tensor of self's shape and dtype (``masked_fill_`` writes in place).",
        "    >>> t = torch.tensor([1.0, -2.0, 3.0])\n    >>> t.masked_fill(t < 0, 0.0)\n"
        "    tensor([1., 0., 3.])"),
    "Tensor.masked_select": _doc(
        "The elements of self where ``mask`` is True, flattened\n"
        "(``torch.Tensor.masked_select``).",
        "    mask: a bool Tensor broadcastable with self.",
        "A 1-D Tensor (its length depends on the data).",
        "    >>> t = torch.tensor([1.0, -2.0, 3.0])\n    >>> t.masked_select(t > 0)\n"
        "    tensor([1., 3.])"),
    "Tensor.sort": _doc(
        "The values sorted along ``dim`` and the indices that sort them\n"
        "(``torch.Tensor.sort``).",
        "    dim: the axis (default -1).\n    descending: largest first.\n"
        "    stable: keep ties in order (always the case here).",
        "A ``(values, indices)`` named tuple; NaN sorts last ascending, first\n"
        "    descending, as PyTorch's.",
        "    >>> values, indices = torch.tensor([3.0, 1.0, 2.0]).sort()\n"
        "    >>> values, indices\n    (tensor([1., 2., 3.]), tensor([1, 2, 0]))",
        "Differs from PyTorch: ties always keep their order (PyTorch's unstable\n"
        "default may order them otherwise)."),
    "Tensor.topk": _doc(
        "The ``k`` largest (or smallest) values along ``dim`` and their indices\n"
        "(``torch.Tensor.topk``).",
        "    k: how many.\n    dim: the axis (default -1).\n"
        "    largest: False for the smallest.\n    sorted: return them in order.",
        "A ``(values, indices)`` named tuple with ``k`` entries along ``dim``.",
        "    >>> values, indices = torch.tensor([3.0, 1.0, 4.0, 1.5]).topk(2)\n"
        "    >>> values, indices\n    (tensor([4., 3.]), tensor([2, 0]))",
        "Differs from PyTorch: ties are broken by position (the earlier first); the\n"
        "named tuple prints as ``topk(values=..., indices=...)``."),
    "Tensor.nonzero": _doc(
        "The indices of the nonzero elements (``torch.Tensor.nonzero``).",
        "    as_tuple: return one 1-D index Tensor per dimension instead.",
        "An ``(n, ndim)`` int64 Tensor, or a tuple of 1-D ones.",
        "    >>> torch.tensor([[0, 1], [2, 0]]).nonzero()\n"
        "    tensor([[0, 1],\n            [1, 0]])"),
    "Tensor.cumsum": _doc(
        "The running sum along ``dim`` (``torch.Tensor.cumsum``).",
        "    dim: the axis.\n    dtype: the result's dtype (default: self's; integers\n"
        "        and bools give int64).",
        "A Tensor of self's shape.",
        "    >>> torch.tensor([1, 2, 3]).cumsum(0)\n    tensor([1, 3, 6])"),
    "Tensor.cumprod": _doc(
        "The running product along ``dim`` (``torch.Tensor.cumprod``).",
        "    dim: the axis.\n    dtype: the result's dtype (integers and bools give int64).",
        "A Tensor of self's shape; its gradient is right with zeros in self.",
        "    >>> torch.tensor([1.0, 2.0, 3.0]).cumprod(0)\n    tensor([1., 2., 6.])"),
    "Tensor.prod": _doc(
        "The product of all elements, or along ``dim`` (``torch.Tensor.prod``).",
        "    dim: the axis (default: all elements).\n    keepdim: keep ``dim`` with size 1.\n"
        "    dtype: the result's dtype (integers and bools give int64).",
        "A Tensor; its gradient is right with zeros in self, as PyTorch's.",
        "    >>> torch.tensor([[1.0, 2.0], [3.0, 4.0]]).prod(1)\n    tensor([ 2., 12.])"),
    "Tensor.unique": _doc(
        "The distinct values (``torch.Tensor.unique``).",
        "    sorted: return them sorted (they always are here).\n"
        "    return_inverse: also each element's index into the result.\n"
        "    return_counts: also how often each value occurs.\n"
        "    dim: unique slices along this axis instead of elements.",
        "A Tensor, or a tuple adding the inverse indices and/or the counts.",
        "    >>> torch.tensor([3, 1, 3, 2]).unique(return_counts=True)\n"
        "    (tensor([1, 2, 3]), tensor([1, 1, 2]))"),
    "Tensor.take": _doc(
        "Elements of the flattened self at ``index`` (``torch.Tensor.take``).",
        "    index: an int64 Tensor of any shape.",
        "A Tensor of ``index``'s shape.",
        "    >>> torch.tensor([[1, 2], [3, 4]]).take(torch.tensor([0, 3]))\n"
        "    tensor([1, 4])"),
    "Tensor.unfold": _doc(
        "Sliding windows along a dimension (``torch.Tensor.unfold``).",
        "    dimension: the axis to slide along.\n    size: the window length.\n"
        "    step: the stride between windows.",
        "A Tensor whose ``dimension`` has one entry per window and whose new last\n"
        "    dimension is the window.",
        "    >>> torch.arange(5.0).unfold(0, 2, 1)\n"
        "    tensor([[0., 1.],\n            [1., 2.],\n            [2., 3.],\n            [3., 4.]])"),
    "Tensor.repeat_interleave": _doc(
        "Each element (or slice along ``dim``) repeated\n(``torch.Tensor.repeat_interleave``).",
        "    repeats: an int or a 1-D Tensor of counts, one per element/slice.\n"
        "    dim: the axis (default: the flattened tensor).\n"
        "    output_size: the total length, if known.",
        "A Tensor.",
        "    >>> torch.tensor([1, 2]).repeat_interleave(2)\n    tensor([1, 1, 2, 2])"),
    "Tensor.diag": _doc(
        "A 1-D Tensor's diagonal matrix, or a 2-D Tensor's diagonal\n(``torch.Tensor.diag``).",
        "    diagonal: which diagonal (0 the main, > 0 above, < 0 below).",
        "A 2-D Tensor (from 1-D) or a 1-D Tensor (from 2-D).",
        "    >>> torch.tensor([1.0, 2.0]).diag()\n    tensor([[1., 0.],\n            [0., 2.]])"),
    "Tensor.addmm": _doc(
        "``beta * self + alpha * (mat1 @ mat2)`` (``torch.Tensor.addmm``).",
        "    mat1: an ``(n, m)`` matrix.\n    mat2: an ``(m, p)`` matrix.\n"
        "    beta: self's factor (default 1).\n    alpha: the product's factor (default 1).",
        "An ``(n, p)`` Tensor (grad_fn ``AddmmBackward0``).",
        "    >>> torch.ones(2, 2).addmm(torch.eye(2), torch.tensor([[1.0, 2.0], [3.0, 4.0]]), beta=0.5)\n"
        "    tensor([[1.5000, 2.5000],\n            [3.5000, 4.5000]])"),
    "Tensor.bincount": _doc(
        "How often each value occurs in a 1-D non-negative integer Tensor\n(``torch.Tensor.bincount``).",
        "    weights: optional weights summed instead of counting ones.\n"
        "    minlength: the least result length.",
        "A 1-D Tensor of length ``max(self) + 1`` (or ``minlength``).",
        "    >>> torch.tensor([0, 1, 1, 3]).bincount()\n    tensor([1, 2, 0, 1])"),
    "Tensor.register_hook": _doc(
        "Run ``hook(grad)`` whenever this Tensor's gradient is computed\n"
        "(``torch.Tensor.register_hook``).",
        "    hook: a function of the gradient returning None or a replacement.",
        "A handle whose ``remove()`` unregisters the hook.",
        "    >>> x = torch.tensor([1.0, 2.0], requires_grad=True)\n"
        "    >>> handle = x.register_hook(lambda g: g * 10)\n"
        "    >>> (x * 3).sum().backward()\n    >>> x.grad\n    tensor([30., 30.])\n"
        "    >>> handle.remove()"),
    "Tensor.view": _doc(
        "The same data with another shape, sharing the storage (``torch.Tensor.view``).",
        "    *shape: the new shape (ints or one tuple; one entry may be -1).",
        "A view: writes to either show in both.",
        "    >>> t = torch.arange(6)\n    >>> v = t.view(2, 3)\n    >>> v[0, 0] = 9\n    >>> t\n"
        "    tensor([9, 1, 2, 3, 4, 5])",
        "Differs from PyTorch: ``view(dtype)`` raises NotImplementedError."),
}
