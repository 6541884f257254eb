"""Where shard tasks run: a ``dask.distributed.Client``, or ``LocalExecutor``.

Both are driven through one small interface (``workers``, ``put``, ``submit``,
``wait``, ``gather``, ``release``, ``moved``), so ``DataParallel`` is written
once and the local executor gives exactly the results a cluster gives (same
shards, same reduction tree, same order of additions).
"""
import time

import numpy as np

from ..core import tree_util as tu


def nbytes(tree):
    """Bytes of the array leaves of a pytree (what moving it costs)."""
    return int(sum(getattr(v, "nbytes", 0) for v in tu.tree_leaves(tree)))


class WorkerLost(RuntimeError):
    """A worker holding part of a step disappeared (the step is re-run)."""


# ------------------------------------------------------------------ local

class _LocalFuture:
    __slots__ = ("value", "worker")

    def __init__(self, value, worker):
        self.value, self.worker = value, worker


class LocalExecutor:
    """Runs data-parallel tasks in this process, one after another, as if on
    ``workers`` workers: the same shards, the same tree reduction and the same
    results as a ``dask.distributed.Client`` (tests, laptops, no Dask needed).

    Args:
        workers: how many workers to pretend (shards are spread over them).

    It also counts the bytes a cluster would move between workers
    (``moved()``): a task's argument that lives on another worker is a copy.
    Unlike Dask there is no scheduler, no process boundary and no fault."""

    def __init__(self, workers=2):
        if int(workers) < 1:
            raise ValueError(f"LocalExecutor: workers must be >= 1, not {workers!r}")
        self._names = [f"local-{i}" for i in range(int(workers))]
        self._moved = {"between_workers": 0, "from_client": 0, "to_client": 0}

    def __repr__(self):
        return f"<LocalExecutor workers={len(self._names)}>"

    def workers(self):
        return list(self._names)

    def put(self, value, worker):
        self._moved["from_client"] += nbytes(value)
        return _LocalFuture(value, worker)

    def submit(self, fn, *args, worker):
        vals = []
        for a in args:
            if isinstance(a, _LocalFuture):
                if a.worker != worker:
                    self._moved["between_workers"] += nbytes(a.value)
                a = a.value
            vals.append(a)
        return _LocalFuture(fn(*vals), worker)

    def wait(self, futures, watch=()):
        return None

    def gather(self, futures):
        out = [f.value for f in futures]
        self._moved["to_client"] += nbytes(out)
        return out

    def release(self, futures):
        pass

    def alive(self, future):
        return True

    def moved(self):
        return dict(self._moved)

    def cpu_seconds(self):
        return time.process_time()


# ----------------------------------------------------------------- client

class ClientRunner:
    """The interface above over a ``dask.distributed.Client``: every task is
    pinned to one worker (``workers=[addr]``, not allowed elsewhere), so the
    parameter replica and the batch shard it needs are already there."""

    def __init__(self, client):
        self.client = client
        self._from_client = 0
        self._to_client = 0

    def __repr__(self):
        return f"<ClientRunner {self.client!r}>"

    def workers(self):
        info = self.client.scheduler_info(n_workers=-1) if _takes_n_workers(self.client) \
            else self.client.scheduler_info()
        return sorted(info["workers"])

    def put(self, value, worker):
        self._from_client += nbytes(value)
        return self.client.scatter([value], workers=[worker], hash=False)[0]

    def submit(self, fn, *args, worker):
        return self.client.submit(fn, *args, workers=[worker], allow_other_workers=False,
                                  pure=False)

    def wait(self, futures, watch=(), poll=1.0):
        """Until every future is done; WorkerLost as soon as a worker in
        ``watch`` leaves the cluster or a future is lost or fails for that.
        The worker list is asked for only every ``poll`` seconds of waiting (a
        scheduler round trip each time), so a fast step costs none."""
        from distributed import wait
        watch = set(watch)
        while True:
            try:
                wait(futures, timeout=poll)
                done = True
            except TimeoutError:
                done = False
            except Exception as e:  # noqa: BLE001 - a cancelled/lost future: a worker left
                if _is_worker_loss(e):
                    raise WorkerLost(str(e)) from e
                raise
            bad = [f for f in futures if f.status in ("lost", "cancelled")]
            err = [f for f in futures if f.status == "error"]
            if err:
                exc = err[0].exception()
                if _is_worker_loss(exc):
                    raise WorkerLost(str(exc)) from exc
                raise exc
            if done and not bad:
                return
            gone = watch - set(self.workers())   # a scheduler round trip: only when slow
            if gone or bad:
                raise WorkerLost(f"worker(s) {sorted(gone) or '?'} left during the step "
                                 f"({len(bad)} task(s) lost)")

    def gather(self, futures):
        out = self.client.gather(list(futures))
        self._to_client += nbytes(out)
        return out

    def release(self, futures):
        for f in futures:
            f.release()

    def alive(self, future):
        return future.status == "finished"

    def moved(self):
        between = sum(self.client.run(_outgoing_bytes).values())
        return {"between_workers": int(between), "from_client": self._from_client,
                "to_client": self._to_client}

    def cpu_seconds(self):
        """CPU seconds of this process (client and, for a LocalCluster, its
        scheduler) and of every child process (nannies, workers)."""
        import psutil
        me = psutil.Process()
        total = sum(me.cpu_times()[:2])
        for c in me.children(recursive=True):
            try:
                total += sum(c.cpu_times()[:2])
            except psutil.Error:
                pass
        return total


def _takes_n_workers(client):
    import inspect
    try:
        return "n_workers" in inspect.signature(client.scheduler_info).parameters
    except (TypeError, ValueError):
        return False


def _outgoing_bytes(dask_worker):
    return dask_worker.transfer_outgoing_bytes_total


def _is_worker_loss(exc):
    name = type(exc).__name__
    return name in ("KilledWorker", "CommClosedError", "FutureCancelledError", "FuturesCancelledError",
                    "CancelledError") or "lost" in str(exc).lower()


def runner_for(client, shards):
    """The runner for ``client``: None -> a LocalExecutor with ``shards``
    workers; a LocalExecutor or a dask Client as given."""
    if client is None:
        return LocalExecutor(shards or 2)
    if isinstance(client, LocalExecutor):
        return client
    if type(client).__name__ == "Client" and hasattr(client, "submit"):
        return ClientRunner(client)
    raise TypeError(f"data_parallel: client must be a dask.distributed.Client, a "
                    f"LocalExecutor or None, not {type(client).__name__}")


def split_sizes(n, shards):
    """Rows per shard, as np.array_split cuts: the first n % shards get one more."""
    base, extra = divmod(int(n), int(shards))
    return [base + (i < extra) for i in range(int(shards))]


def host(tree):
    """Host NumPy leaves (what crosses process boundaries)."""
    return tu.tree_map(lambda v: np.asarray(v) if hasattr(v, "shape") else v, tree)
