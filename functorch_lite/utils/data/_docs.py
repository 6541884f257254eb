"""Full docstrings of the DataLoader and TensorDataset (``utils/data/__init__.py``
assigns them at import)."""

DATALOADER = """Batches of samples from a dataset, in this process or in worker
processes (``torch.utils.data.DataLoader``).

Random draws follow PyTorch's order exactly, so ``manual_seed(s)`` (or a
seeded ``generator``) then a shuffled DataLoader gives PyTorch's batches.

Args:
    dataset: a map-style dataset (``__getitem__`` and ``__len__``) or an
        ``IterableDataset``.
    batch_size: samples per batch (default 1); None yields single samples,
        uncollated.
    shuffle: a new random order every epoch (a ``RandomSampler``).
    sampler: the indices to load, in order (excludes ``shuffle``).
    batch_sampler: lists of indices, one per batch (excludes ``batch_size``,
        ``shuffle``, ``sampler`` and ``drop_last``).
    num_workers: worker processes (default 0: load in this process).
    collate_fn: makes a batch from a list of samples (default
        ``default_collate``: stacks Tensors, NumPy arrays and numbers, and
        recurses into tuples, lists and dicts).
    pin_memory: has no effect (no pinned host memory here).
    drop_last: drop the last batch when it is smaller than ``batch_size``.
    timeout: seconds to wait for a worker's batch (0: forever).
    worker_init_fn: called with the worker id in each worker after seeding.
    multiprocessing_context: a ``multiprocessing`` context or start method
        name for the workers (``"fork"``).
    generator: the ``torch.Generator`` that the base seed and the shuffle
        draw from (default the global one).
    prefetch_factor: batches each worker loads ahead (needs workers).
    persistent_workers: keep workers across epochs (needs workers); here
        they are started per epoch, with the same batches.
    pin_memory_device: has no effect, as ``pin_memory``.
    in_order: batches come back in sampler order (they always do here).

Returns:
    An iterable: each ``for batch in loader`` pass is one epoch of collated
    batches; ``len(loader)`` is the number of batches (map-style datasets).

Differs from PyTorch: workers need the ``fork`` start method (Linux, macOS
with fork) and inherit the dataset rather than pickling it; pinning does
nothing.

Example:
    >>> import functorch_lite as torch
    >>> from functorch_lite.utils.data import DataLoader, TensorDataset
    >>> ds = TensorDataset(torch.arange(10.0).reshape(5, 2), torch.arange(5))
    >>> loader = DataLoader(ds, batch_size=2)
    >>> len(loader)
    3
    >>> [y.tolist() for x, y in loader]
    [[0, 1], [2, 3], [4]]
    >>> g = torch.Generator().manual_seed(0)      # PyTorch's order, bit for bit
    >>> [y.tolist() for x, y in DataLoader(ds, batch_size=2, shuffle=True, generator=g)]
    [[3, 1], [0, 4], [2]]
"""

TENSOR_DATASET = """A dataset whose samples are the rows of Tensors
(``torch.utils.data.TensorDataset``).

Args:
    *tensors: Tensors with the same first dimension (the number of samples).

Returns:
    A map-style dataset: ``ds[i]`` is ``(tensors[0][i], tensors[1][i], ...)``
    and ``len(ds)`` the common first dimension.  Different first dimensions
    raise PyTorch's AssertionError ("Size mismatch between tensors").

Differs from PyTorch: nothing in arguments or results.

Example:
    >>> import functorch_lite as torch
    >>> from functorch_lite.utils.data import TensorDataset
    >>> ds = TensorDataset(torch.arange(10.0).reshape(5, 2), torch.arange(5))
    >>> len(ds)
    5
    >>> ds[1]
    (tensor([2., 3.]), tensor(1))
"""

DOCS = {"DataLoader": DATALOADER, "TensorDataset": TENSOR_DATASET}
