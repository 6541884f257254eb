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

# The classes' full docstrings (Args/Returns/differences/Example), all run in this
# process with a LocalExecutor (no Dask needed); ``distributed/__init__.py``
# assigns them at import.
_SETUP = """    >>> import numpy as np
    >>> import functorch_lite as fl
    >>> import functorch_lite.numpy as fnp
    >>> from functorch_lite.distributed import LocalExecutor, data_parallel
    >>> def loss(w, x, y):
    ...     return fnp.mean((x @ w - y) ** 2)
    >>> def sgd(params, grads, state):          # update(params, grads, state)
    ...     return params - 0.01 * grads, state
    >>> x, y = np.arange(8.0).reshape(4, 2), np.ones(4)
"""

LOCAL_EXECUTOR = f"""Runs data-parallel tasks in this process, one after another, as if on
``workers`` workers: the same shards, the same tree reduction and the same
results as a ``dask.distributed.Client`` (tests, laptops, no Dask needed).

Args:
    workers: how many workers to pretend (shards are spread over them); >= 1.

Returns:
    An executor to pass as ``client`` to ``data_parallel`` or
    ``DistributedDataParallel``.  ``workers()`` lists the pretend workers;
    ``moved()`` counts the bytes a cluster would move (``between_workers``: a
    task's argument living on another worker is a copy; ``from_client``,
    ``to_client``).

Unlike Dask there is no scheduler, no process boundary and no fault; a
``dask.distributed.Client`` in its place runs the same code on real workers
(``Client()`` needs ``pip install 'functorch_lite[distributed]'``).

Example:
{_SETUP}    >>> ex = LocalExecutor(workers=2)
    >>> ex, ex.workers()
    (<LocalExecutor workers=2>, ['local-0', 'local-1'])
    >>> step = data_parallel(fl.jit(fl.value_and_grad(loss)), ex)
    >>> value, grads = step(np.zeros(2), x, y)     # two shards, one per worker
    >>> print(value, grads)
    1.0 [-6. -8.]
    >>> ex.moved()['between_workers']              # one shard's result crossed over
    24
"""

DATA_PARALLEL = f"""What :func:`data_parallel` returns: ``fn`` run over the shards of a
batch on the workers, the results all-reduced on the workers.

Args:
    fn: ``fn(params, *batch)``, usually ``fl.jit(fl.value_and_grad(loss))``.
    client: a ``dask.distributed.Client``, a :class:`LocalExecutor`, or None
        (a LocalExecutor with ``shards`` workers).
    shards: pieces each batch is cut into along axis 0 (default: one per worker).
    reduce: ``"mean"`` (each shard weighted by its share of the batch, so a
        batch-mean loss's value and gradient equal the whole batch's) or ``"sum"``.
    update: ``update(params, grads, state) -> (params, state)``: makes
        ``step`` a whole training step on parameters kept on the workers
        (``place`` them first).
    retries: how many times a step whose worker was lost is re-run.

Returns:
    The callable object: ``dp(params, *batch)`` gives the reduced ``fn``
    output; ``place(params, state=None)`` (returns self), ``shard(*arrays)``
    (a resident :class:`Sharded` batch), ``step(*batch)`` (the reduced value),
    ``params``/``state`` (read back), ``moved()``, ``close()``.

JAX's ``pmap``/``shard_map`` run one program on local devices; PyTorch's
DDP runs one process per worker.  Here one driver schedules the workers.

Example:
{_SETUP}    >>> dp = data_parallel(fl.jit(fl.value_and_grad(loss)), LocalExecutor(2),
    ...                    update=sgd).place(np.zeros(2))
    >>> dp
    <DataParallel shards=2 reduce='mean' on <LocalExecutor workers=2>>
    >>> [round(float(dp.step(x, y)), 4) for _ in range(3)]     # the loss falls
    [1.0, 0.348, 0.2867]
    >>> dp.params
    array([0.07868, 0.11564])
"""

SHARDED = f"""A resident data set: batch arrays split along axis 0 and placed on the
workers once (``DataParallel.shard(*arrays)`` makes one).  Pass it to
``DataParallel.step`` / ``__call__`` in place of the arrays: a step then moves
no batch data.  It keeps the host arrays, so a shard lost with its worker is
placed again.

Args:
    dp: the ``DataParallel`` whose shards and workers it follows.
    arrays: the arrays, all with the same leading (batch) dimension.

Returns:
    The placed batch; ``sizes`` is the rows per shard, ``n`` the batch size.

Raises:
    ValueError: the arrays' leading dimensions differ (or one is 0-d).

Example:
{_SETUP}    >>> dp = data_parallel(fl.jit(fl.value_and_grad(loss)), LocalExecutor(2),
    ...                    update=sgd).place(np.zeros(2))
    >>> data = dp.shard(x, y)
    >>> data.sizes
    [2, 2]
    >>> round(float(dp.step(data)), 4)
    1.0
"""

WORKER_LOST = f"""A worker holding part of a step disappeared (a RuntimeError).

``DataParallel.step``/``__call__`` catch it, copy a surviving parameter
replica to the workers now in the cluster, place the lost batch shards again
and re-run the step (up to ``retries`` times), so the result is the same; it
reaches the user only when the retries are spent.

Args:
    message: which worker(s) left (raised by the executors, not by users).

Returns:
    The exception.

Example:
    An executor that loses a worker once:

{_SETUP}    >>> from functorch_lite.distributed import WorkerLost
    >>> class Flaky(LocalExecutor):
    ...     lost = 1
    ...     def wait(self, futures, watch=()):
    ...         if self.lost:
    ...             self.lost -= 1
    ...             raise WorkerLost("worker local-1 left during the step")
    >>> dp = data_parallel(fl.jit(fl.value_and_grad(loss)), Flaky(2),
    ...                    update=sgd).place(np.zeros(2))
    >>> print(dp.step(x, y), dp.params)            # re-run: the same step
    1.0 [0.06 0.08]
    >>> dp = data_parallel(fl.jit(fl.value_and_grad(loss)), Flaky(2), update=sgd,
    ...                    retries=0).place(np.zeros(2))
    >>> dp.step(x, y)
    Traceback (most recent call last):
        ...
    functorch_lite.distributed._runner.WorkerLost: worker local-1 left during the step
"""

DDP = """Train a facade ``nn.Module`` data-parallel over workers.

Args:
    module: the model (an ``nn.Module`` on the CPU).
    optimizer: an ``optim`` optimizer over ``module.parameters()``.
    loss_fn: ``loss_fn(output, target) -> scalar Tensor`` (e.g.
        ``nn.MSELoss()``); a batch mean, so the data-parallel step equals the
        single-process one.
    client: a ``dask.distributed.Client``, a ``LocalExecutor``, or None
        (a LocalExecutor with ``shards`` workers).
    shards: pieces the batch is cut into (default: the number of workers).

Returns:
    The trainer: ``step(*inputs, target)`` runs one training step and
    returns the loss (a float); ``module`` / ``optimizer`` read the trained
    state back into the objects you passed (on request: the workers keep
    theirs); ``moved()``, ``close()``.

Unlike ``torch.nn.parallel.DistributedDataParallel``, this object is not
itself a Module run once per process: one driver schedules every worker,
and ``step`` is the whole forward + backward + all-reduce + optimizer step.

Example:
    Two steps on two shards equal two single-process steps:

    >>> import numpy as np
    >>> import functorch_lite as torch
    >>> from functorch_lite.distributed import DistributedDataParallel, LocalExecutor
    >>> x = np.arange(8, dtype=np.float32).reshape(4, 2)
    >>> y = np.ones((4, 1), dtype=np.float32)
    >>> model = torch.nn.Linear(2, 1)
    >>> ref = torch.nn.Linear(2, 1)
    >>> _ = ref.load_state_dict(model.state_dict())        # the same start
    >>> ddp = DistributedDataParallel(model, torch.optim.SGD(model.parameters(), lr=0.01),
    ...                               torch.nn.MSELoss(), LocalExecutor(2))
    >>> ddp
    DistributedDataParallel(Linear, shards=2)
    >>> losses = [ddp.step(x, y) for _ in range(2)]
    >>> opt = torch.optim.SGD(ref.parameters(), lr=0.01)
    >>> for _ in range(2):
    ...     opt.zero_grad()
    ...     torch.nn.MSELoss()(ref(torch.tensor(x)), torch.tensor(y)).backward()
    ...     opt.step()
    >>> torch.allclose(ddp.module.weight, ref.weight)
    True
"""

DOCS = {"LocalExecutor": LOCAL_EXECUTOR, "DataParallel": DATA_PARALLEL, "Sharded": SHARDED,
        "WorkerLost": WORKER_LOST, "DistributedDataParallel": DDP}
