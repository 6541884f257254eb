"""Full docstrings of the rest of ``torch.utils.data`` (``utils/data/__init__.py``
assigns them at import).  Each Example's output is PyTorch's, checked when
written."""

_IMP = "    >>> import functorch_lite as torch"
_SAME = "Differs from PyTorch: nothing in arguments or results."


def _doc(summary, args, returns, example, differs=_SAME, imports=""):
    return (f"{summary}\n\nArgs:\n{args}\n\nReturns:\n    {returns}\n\n{differs}\n\n"
            f"Example:\n{_IMP}\n{imports}{example}\n")


_U = "    >>> from functorch_lite.utils.data import "
DOCS = {
    "default_collate": _doc(
        "Make a batch from a list of samples (``torch.utils.data.default_collate``):\n"
        "Tensors, NumPy arrays and numbers are stacked on a new first axis;\n"
        "tuples, lists, dicts and named tuples are collated field by field.",
        "    batch: a list of samples of one structure.",
        "The batch: tuples come back as lists, a float column as float64, an\n"
        "    int one as int64, strings as lists of strings.",
        f"{_U}default_collate\n"
        "    >>> default_collate([(torch.tensor([1.0, 2.0]), 0), (torch.tensor([3.0, 4.0]), 1)])\n"
        "    [tensor([[1., 2.],\n            [3., 4.]]), tensor([0, 1])]"),
    "default_convert": _doc(
        "What a DataLoader without batching applies to each sample\n"
        "(``torch.utils.data.default_convert``).",
        "    data: a sample.",
        "The sample with NumPy arrays (and NumPy scalars) converted to Tensors,\n"
        "    element by element through containers.",
        "    >>> import numpy as np\n"
        f"{_U}default_convert\n"
        "    >>> default_convert([np.array([1, 2]), 3])\n    [tensor([1, 2]), 3]"),
    "ChainDataset": _doc(
        "Iterable datasets one after another (``torch.utils.data.ChainDataset``).",
        "    datasets: iterable datasets.",
        "An IterableDataset yielding every sample of each in turn.",
        f"{_U}ChainDataset, IterableDataset\n"
        "    >>> class Count(IterableDataset):\n"
        "    ...     def __init__(self, n):\n    ...         self.n = n\n"
        "    ...     def __iter__(self):\n    ...         return iter(range(self.n))\n"
        "    >>> list(ChainDataset([Count(2), Count(3)]))\n    [0, 1, 0, 1, 2]"),
    "ConcatDataset": _doc(
        "Map-style datasets one after another (``torch.utils.data.ConcatDataset``;\n"
        "``a + b`` of two datasets makes one).",
        "    datasets: map-style datasets.",
        "A dataset of the summed length; ``cumulative_sizes`` holds the ends.",
        f"{_U}ConcatDataset, TensorDataset\n"
        "    >>> ds = ConcatDataset([TensorDataset(torch.arange(2)), TensorDataset(torch.arange(10, 13))])\n"
        "    >>> len(ds), ds[3], ds.cumulative_sizes\n    (5, (tensor(11),), [2, 5])"),
    "Dataset": _doc(
        "Base class of map-style datasets (``torch.utils.data.Dataset``): subclasses\n"
        "define ``__getitem__(idx)`` and usually ``__len__``.",
        "    (none)",
        "A dataset; ``a + b`` concatenates (a ConcatDataset).",
        f"{_U}Dataset\n"
        "    >>> class Squares(Dataset):\n    ...     def __len__(self):\n    ...         return 4\n"
        "    ...     def __getitem__(self, i):\n    ...         return i * i\n"
        "    >>> [Squares()[i] for i in range(4)]\n    [0, 1, 4, 9]"),
    "IterableDataset": _doc(
        "Base class of stream datasets (``torch.utils.data.IterableDataset``):\n"
        "subclasses define ``__iter__``.  With worker processes each worker\n"
        "iterates its own copy; shard it with ``get_worker_info()``.",
        "    (none)",
        "A dataset for ``DataLoader`` (no sampler, no shuffle).",
        f"{_U}DataLoader, IterableDataset\n"
        "    >>> class Count(IterableDataset):\n"
        "    ...     def __iter__(self):\n    ...         return iter(range(5))\n"
        "    >>> [b.tolist() for b in DataLoader(Count(), batch_size=2)]\n"
        "    [[0, 1], [2, 3], [4]]"),
    "StackDataset": _doc(
        "Samples combining several datasets' samples at the same index\n"
        "(``torch.utils.data.StackDataset``).",
        "    *args: datasets of one length: samples are tuples, or\n"
        "    **kwargs: named datasets: samples are dicts.",
        "A map-style dataset.",
        f"{_U}StackDataset\n"
        "    >>> ds = StackDataset(x=torch.arange(3.0), y=torch.tensor([0, 1, 0]))\n"
        "    >>> ds[1]\n    {'x': tensor(1.), 'y': tensor(1)}"),
    "Subset": _doc(
        "The samples of ``dataset`` at ``indices``, in that order\n(``torch.utils.data.Subset``).",
        "    dataset: a map-style dataset.\n    indices: a sequence of indices into it.",
        "A map-style dataset of ``len(indices)`` samples.",
        f"{_U}Subset, TensorDataset\n"
        "    >>> ds = Subset(TensorDataset(torch.arange(10, 15)), [4, 0])\n"
        "    >>> len(ds), ds[0]\n    (2, (tensor(14),))"),
    "random_split": _doc(
        "Split a dataset into random non-overlapping Subsets\n(``torch.utils.data.random_split``).",
        "    dataset: a map-style dataset (or a sequence).\n"
        "    lengths: the Subsets' lengths, or fractions summing to 1 (rounded down,\n"
        "        the remainder handed out one by one).\n"
        "    generator: the ``torch.Generator`` of the one ``randperm`` (default global).",
        "A list of Subsets: PyTorch's split after the same seed.",
        f"{_U}random_split\n"
        "    >>> a, b = random_split(range(10), [0.7, 0.3], generator=torch.Generator().manual_seed(0))\n"
        "    >>> list(a), list(b)\n    ([4, 1, 7, 5, 3, 9, 0], [8, 6, 2])"),
    "BatchSampler": _doc(
        "Lists of indices from another sampler (``torch.utils.data.BatchSampler``).",
        "    sampler: the sampler (or iterable of indices).\n    batch_size: indices per list.\n"
        "    drop_last: drop a last, shorter list.",
        "A sampler of index lists (a DataLoader's ``batch_sampler``).",
        f"{_U}BatchSampler, SequentialSampler\n"
        "    >>> list(BatchSampler(SequentialSampler(range(5)), batch_size=2, drop_last=False))\n"
        "    [[0, 1], [2, 3], [4]]"),
    "RandomSampler": _doc(
        "Indices in a random order (``torch.utils.data.RandomSampler``).",
        "    data_source: the dataset (its length is used).\n"
        "    replacement: draw with replacement (in chunks of 32, as PyTorch).\n"
        "    num_samples: how many (default the length; more than the length\n"
        "        without replacement: whole permutations, then part of one).\n"
        "    generator: the ``torch.Generator`` (default: a seed from the global one).",
        "A sampler: PyTorch's order after the same seed.",
        f"{_U}RandomSampler\n"
        "    >>> list(RandomSampler(range(5), generator=torch.Generator().manual_seed(0)))\n"
        "    [4, 0, 1, 3, 2]"),
    "Sampler": _doc(
        "Base class of samplers (``torch.utils.data.Sampler``): subclasses define\n"
        "``__iter__`` (indices) and usually ``__len__``.",
        "    data_source: accepted for older subclasses' ``super().__init__(data)``.",
        "A sampler for DataLoader's ``sampler=``.",
        f"{_U}Sampler\n"
        "    >>> class Evens(Sampler):\n    ...     def __init__(self, n):\n"
        "    ...         self.n = n\n    ...     def __iter__(self):\n"
        "    ...         return iter(range(0, self.n, 2))\n    >>> list(Evens(5))\n    [0, 2, 4]"),
    "SequentialSampler": _doc(
        "Indices ``0 .. len(data_source) - 1`` in order\n(``torch.utils.data.SequentialSampler``).",
        "    data_source: the dataset.",
        "A sampler.",
        f"{_U}SequentialSampler\n    >>> list(SequentialSampler(range(4)))\n    [0, 1, 2, 3]"),
    "SubsetRandomSampler": _doc(
        "The given indices in a random order (``torch.utils.data.SubsetRandomSampler``).",
        "    indices: a sequence of indices.\n    generator: the ``torch.Generator``.",
        "A sampler: PyTorch's order after the same seed.",
        f"{_U}SubsetRandomSampler\n"
        "    >>> list(SubsetRandomSampler([10, 20, 30], generator=torch.Generator().manual_seed(0)))\n"
        "    [30, 10, 20]"),
    "WeightedRandomSampler": _doc(
        "Indices drawn with probabilities proportional to ``weights``\n"
        "(``torch.utils.data.WeightedRandomSampler``).",
        "    weights: non-negative weights, one per index.\n    num_samples: how many to draw.\n"
        "    replacement: draw with replacement (default True).\n"
        "    generator: the ``torch.Generator``.",
        "A sampler.",
        f"{_U}WeightedRandomSampler\n"
        "    >>> list(WeightedRandomSampler([0.0, 1.0, 0.0], 3))\n    [1, 1, 1]",
        "Differs from PyTorch: the same distribution, other numbers: the draws\n"
        "invert the cumulative weights at uniforms from the generator (PyTorch's\n"
        "multinomial kernel differs); without replacement it uses the\n"
        "exponential-race (Gumbel top-k) construction."),
    "get_worker_info": _doc(
        "Information about the current DataLoader worker\n(``torch.utils.data.get_worker_info``).",
        "    (none)",
        "None in the main process; in a worker an object with ``id``,\n"
        "    ``num_workers``, ``seed`` and ``dataset`` (the worker's copy), used to\n"
        "    shard an IterableDataset.",
        f"{_U}get_worker_info\n    >>> print(get_worker_info())\n    None"),
}
