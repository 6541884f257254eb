"""The DataLoader: batches of samples from a dataset, in the main process or
in worker processes.

Random draws follow PyTorch's order exactly: creating an iterator draws one
64-bit "base seed" from the loader's generator (the global one by default),
then a shuffling sampler without a generator draws its epoch seed from the
global generator, and the permutation comes from a generator seeded with it.
So ``manual_seed(s)`` then ``for x, y in DataLoader(ds, shuffle=True)``
gives PyTorch's batches.

Workers (``num_workers > 0``) are forked processes (the dataset is inherited,
not pickled); each is seeded with ``base_seed + worker_id`` (the facade's
generator and Python's ``random``), runs ``worker_init_fn``, and sends back
collated batches (tensors travel by pickle).  Batches come back in order.
Differences from PyTorch: ``pin_memory`` does nothing (no accelerator);
workers need the ``fork`` start method (Linux, macOS with fork).
"""
import itertools
import multiprocessing as mp
import queue
import random
import traceback
from typing import Any, Iterator

from ...facade import _random
from ._collate import default_collate, default_convert
from .dataset import IterableDataset
from .sampler import BatchSampler, RandomSampler, SequentialSampler

_info = [None]


class WorkerInfo:
    """What ``get_worker_info()`` returns inside a worker."""

    def __init__(self, id, num_workers, seed, dataset):  # noqa: A002
        self.id, self.num_workers, self.seed, self.dataset = id, num_workers, seed, dataset

    def __repr__(self):
        return (f"WorkerInfo(id={self.id}, num_workers={self.num_workers}, "
                f"seed={self.seed}, dataset={self.dataset!r})")


def get_worker_info():
    """The current worker's WorkerInfo, or None in the main process."""
    return _info[0]


class DataLoader:
    """torch.utils.data.DataLoader: ``batch_size`` (None: no batching),
    ``shuffle`` (a RandomSampler, drawing from ``generator``), ``sampler`` /
    ``batch_sampler``, ``drop_last``, ``collate_fn`` (default_collate),
    ``num_workers`` worker processes with ``worker_init_fn``,
    ``prefetch_factor``, ``persistent_workers`` (accepted: workers are started
    per epoch here), ``timeout``."""

    def __init__(self, dataset, batch_size=1, shuffle=None, sampler=None, batch_sampler=None,
                 num_workers=0, collate_fn=None, pin_memory=False, drop_last=False,
                 timeout=0, worker_init_fn=None, multiprocessing_context=None,
                 generator=None, *, prefetch_factor=None, persistent_workers=False,
                 pin_memory_device="", in_order=True):
        if num_workers < 0:
            raise ValueError("num_workers option should be non-negative; use num_workers=0 "
                             "to disable multiprocessing.")
        if timeout < 0:
            raise ValueError("timeout option should be non-negative")
        if num_workers == 0 and prefetch_factor is not None:
            raise ValueError("prefetch_factor option could only be specified in "
                             "multiprocessing.let num_workers > 0 to enable multiprocessing, "
                             "otherwise set prefetch_factor to None.")
        if persistent_workers and num_workers == 0:
            raise ValueError("persistent_workers option needs num_workers > 0")
        self.dataset, self.num_workers, self.timeout = dataset, num_workers, timeout
        self.prefetch_factor = 2 if num_workers > 0 and prefetch_factor is None \
            else prefetch_factor
        self.pin_memory, self.worker_init_fn, self.generator = pin_memory, worker_init_fn, \
            generator
        self.multiprocessing_context = multiprocessing_context
        self.persistent_workers, self.in_order = persistent_workers, in_order
        self._iterable = isinstance(dataset, IterableDataset)
        if self._iterable:
            if shuffle not in (False, None):
                raise ValueError(f"DataLoader with IterableDataset: expected unspecified "
                                 f"shuffle option, but got shuffle={shuffle}")
            if sampler is not None:
                raise ValueError(f"DataLoader with IterableDataset: expected unspecified "
                                 f"sampler option, but got sampler={sampler}")
            if batch_sampler is not None:
                raise ValueError(f"DataLoader with IterableDataset: expected unspecified "
                                 f"batch_sampler option, but got batch_sampler="
                                 f"{batch_sampler}")
        shuffle = bool(shuffle)
        if sampler is not None and shuffle:
            raise ValueError("sampler option is mutually exclusive with shuffle")
        if batch_sampler is not None:
            if batch_size != 1 or shuffle or sampler is not None or drop_last:
                raise ValueError("batch_sampler option is mutually exclusive with "
                                 "batch_size, shuffle, sampler, and drop_last")
            batch_size, drop_last = None, False
        elif batch_size is None and drop_last:
            raise ValueError("batch_size=None option disables auto-batching and is "
                             "mutually exclusive with drop_last")
        if sampler is None and not self._iterable:
            sampler = RandomSampler(dataset, generator=generator) if shuffle else \
                SequentialSampler(dataset)
        if batch_size is not None and batch_sampler is None and not self._iterable:
            batch_sampler = BatchSampler(sampler, batch_size, drop_last)
        self.batch_size, self.drop_last = batch_size, drop_last
        self.sampler, self.batch_sampler = sampler, batch_sampler
        self.collate_fn = collate_fn if collate_fn is not None else (
            default_collate if self._auto_collation else default_convert)

    @property
    def _auto_collation(self):
        return self.batch_sampler is not None or (self._iterable and
                                                  self.batch_size is not None)

    def __len__(self):
        if self._iterable:
            n = len(self.dataset)
            if self.batch_size is not None:
                n = n // self.batch_size if self.drop_last else -(-n // self.batch_size)
            return n
        return len(self.batch_sampler if self._auto_collation else self.sampler)

    def _index_batches(self):
        """The stream of index lists (or single indices without batching)."""
        return iter(self.batch_sampler if self._auto_collation else self.sampler)

    def __iter__(self) -> Iterator[Any]:
        base_seed = _random.random64(self.generator)      # PyTorch draws it per iterator
        if self.num_workers == 0:
            return self._single(base_seed)
        return _MultiIter(self, base_seed)

    def _single(self, base_seed):
        if self._iterable:
            it = iter(self.dataset)
            if not self._auto_collation:
                for x in it:
                    yield self.collate_fn(x)
                return
            while True:
                batch = list(itertools.islice(it, self.batch_size))
                if not batch or (self.drop_last and len(batch) < self.batch_size):
                    return
                yield self.collate_fn(batch)
        else:
            for idx in self._index_batches():
                yield self.collate_fn(_fetch(self.dataset, idx, self._auto_collation))


def _fetch(dataset, idx, batched):
    if not batched:
        return dataset[idx]
    many = getattr(dataset, "__getitems__", None)
    return many(idx) if callable(many) else [dataset[i] for i in idx]


class _WorkerError:
    def __init__(self, worker_id, exc):
        self.msg = (f"Caught {type(exc).__name__} in DataLoader worker process {worker_id}.\n"
                    f"Original {traceback.format_exc()}")
        self.exc_type = type(exc)


class _Stop:
    pass


def _worker_loop(loader, wid, nw, seed, index_q, result_q):
    """A worker: seed, init, then answer (task id, indices) requests."""
    try:
        _random.default_generator().manual_seed(seed)
        random.seed(seed)
        _info[0] = WorkerInfo(wid, nw, seed, loader.dataset)
        if loader.worker_init_fn is not None:
            loader.worker_init_fn(wid)
        stream = iter(loader.dataset) if loader._iterable else None
    except Exception as e:  # noqa: BLE001 - reported to the main process
        result_q.put((None, _WorkerError(wid, e)))
        return
    while True:
        task = index_q.get()
        if task is None:
            return
        tid, idx = task
        try:
            if stream is None:
                data = loader.collate_fn(_fetch(loader.dataset, idx, loader._auto_collation))
            elif loader._auto_collation:
                batch = list(itertools.islice(stream, loader.batch_size))
                if not batch or (loader.drop_last and len(batch) < loader.batch_size):
                    data = _Stop()
                else:
                    data = loader.collate_fn(batch)
            else:
                try:
                    data = loader.collate_fn(next(stream))
                except StopIteration:
                    data = _Stop()
        except Exception as e:  # noqa: BLE001
            data = _WorkerError(wid, e)
        result_q.put((tid, data))


class _MultiIter:
    """The main process's side: hands out tasks round-robin, keeps
    ``prefetch_factor * num_workers`` in flight, returns results in order."""

    def __init__(self, loader, base_seed):
        ctx = loader.multiprocessing_context
        if ctx is None or isinstance(ctx, str):
            try:
                ctx = mp.get_context(ctx or "fork")
            except ValueError:
                raise RuntimeError("DataLoader workers need the 'fork' start method, "
                                   "which this platform lacks; use num_workers=0") from None
        self.loader, self.nw = loader, loader.num_workers
        self.result_q = ctx.Queue()
        self.index_qs = [ctx.Queue() for _ in range(self.nw)]
        self.workers = []
        for w in range(self.nw):
            p = ctx.Process(target=_worker_loop, args=(loader, w, self.nw, base_seed + w,
                                                       self.index_qs[w], self.result_q),
                            daemon=True)
            p.start()
            self.workers.append(p)
        self.indices = None if loader._iterable else loader._index_batches()
        self.alive = set(range(self.nw))      # workers whose stream is not exhausted
        self.sent = self.rcvd = 0
        self.task_worker = {}
        self.done = {}
        self.next_worker = 0
        self.closed = False
        for _ in range(loader.prefetch_factor * self.nw):
            self._send()

    def _send(self):
        if not self.alive:
            return False
        if self.indices is not None:
            try:
                idx = next(self.indices)
            except StopIteration:
                return False
        else:
            idx = None
        for _ in range(self.nw):                  # the next worker still producing
            w = self.next_worker
            self.next_worker = (w + 1) % self.nw
            if w in self.alive:
                break
        self.index_qs[w].put((self.sent, idx))
        self.task_worker[self.sent] = w
        self.sent += 1
        return True

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self.rcvd >= self.sent:
                self._shutdown()
                raise StopIteration
            while self.rcvd not in self.done:
                try:
                    tid, data = self.result_q.get(timeout=self.loader.timeout or None)
                except queue.Empty:
                    self._shutdown()
                    raise RuntimeError(f"DataLoader timed out after {self.loader.timeout} "
                                       f"seconds") from None
                if isinstance(data, _WorkerError):
                    self._shutdown()
                    raise data.exc_type(data.msg) if data.exc_type is not KeyError else \
                        KeyError(data.msg)
                self.done[tid] = data
            data = self.done.pop(self.rcvd)
            w = self.task_worker.pop(self.rcvd)
            self.rcvd += 1
            if isinstance(data, _Stop):
                self.alive.discard(w)
                continue
            self._send()
            return data

    def _shutdown(self):
        if self.closed:
            return
        self.closed = True
        for q in self.index_qs:
            q.put(None)
        for p in self.workers:
            p.join(timeout=5)
            if p.is_alive():
                p.terminate()

    def __del__(self):
        try:
            self._shutdown()
        except Exception:  # noqa: BLE001 - interpreter shutdown
            pass
