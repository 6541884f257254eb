"""The Example of ``data_parallel`` (``distributed/__init__.py`` appends it to
the docstring in ``_data_parallel.py`` at import)."""

DATA_PARALLEL_EXAMPLE = """Example:
    In this process (a ``LocalExecutor``; pass a ``dask.distributed.Client``
    for real workers), two shards give the whole batch's mean loss and
    gradient:

    >>> import numpy as np
    >>> import functorch_lite as fl
    >>> import functorch_lite.numpy as fnp
    >>> from functorch_lite.distributed import data_parallel
    >>> def loss(w, x, y):
    ...     return fnp.mean((x @ w - y) ** 2)
    >>> step = data_parallel(fl.jit(fl.value_and_grad(loss)), shards=2)
    >>> x, y, w = np.arange(8.0).reshape(4, 2), np.ones(4), np.zeros(2)
    >>> value, grad = step(w, x, y)
    >>> print(value, grad)
    1.0 [-6. -8.]
"""
