"""``data_parallel``: one jitted function over batch shards on Dask workers.

A step, for ``shards`` shards over the workers (shard i on worker
``i * n_workers // shards``, so neighbouring shards share a worker):

1. each shard's task runs the compiled function on the worker that holds the
   parameter replica and the batch shard (nothing moves for it);
2. the shard results, each scaled by its share of the batch for
   ``reduce="mean"``, are summed pairwise up a binary tree **on the workers**
   ((r0 + r1) + (r2 + r3) ...: a fixed order, so the same bits whatever worker
   runs what, and whatever executor); only the cross-worker pairs move data;
3. with ``update``: the root (the reduced value and gradients) is sent to
   every worker, which applies ``update`` to its own replica, so a step moves
   gradients only: (workers - 1) gradient copies up the tree and as many back.

Fault handling: while a step runs, the driver watches the workers of the step.
If one leaves (its process died), the step's tasks are dropped, the replicas
still alive (all replicas are equal at the start of a step) are copied to the
workers now in the cluster (a restarted one included), the batch shards that
were lost are placed again from the host arrays, and the step is re-run from
the same parameters, giving the same result.  Parameters held only on the
lost worker are simply gone: they were a copy.  If every replica is lost,
``step`` raises and the last parameters read back (``.params``) are all that
is left.
"""
import threading
import uuid
from typing import Any

import numpy as np

from ..core import tree_util as tu
from ..transforms.jit import Jitted, jit
from . import _runner as R

_PROGRAMS: dict[Any, Any] = {}       # token -> the callable, once per process (each worker jits once)
_PROGRAMS_LOCK = threading.Lock()


class _Program:
    """A function shipped to workers: a Jitted travels as its Python function
    and is jitted again on the worker, once per process (a Jitted holds locks
    and plans, which do not pickle)."""

    def __init__(self, fn, token=None):
        if isinstance(fn, Jitted):
            self.fun, self.jit_kw = fn.fun, {"static_argnums": fn.static_argnums,
                                            "static_argnames": fn.static_argnames}
            self._f = fn
        else:
            self.fun, self.jit_kw, self._f = fn, None, fn
        self.token = token or uuid.uuid4().hex

    def __reduce__(self):
        return (_program, (self.fun, self.jit_kw, self.token))

    def __call__(self, *args):
        return self._f(*args)


def _program(fun, jit_kw, token):
    with _PROGRAMS_LOCK:
        p = _PROGRAMS.get(token)
        if p is None:
            p = _Program(jit(fun, **jit_kw) if jit_kw is not None else fun, token)
            _PROGRAMS[token] = p
        return p


# ----------------------------------------------------- worker-side tasks

def _scaled(tree, weight, what):
    """Leaves as host arrays, times ``weight`` in their own dtype (float32 stays)."""
    def one(v):
        a = np.asarray(v)
        if weight is None:
            return a
        if a.dtype.kind not in "fc":
            raise TypeError(f"data_parallel(reduce='mean'): {what} has a leaf of dtype "
                            f"{a.dtype}, which a mean cannot average; return floats or "
                            f"use reduce='sum'")
        return a * a.dtype.type(weight)
    return tu.tree_map(one, tree)


def _run_shard(program, params, weight, batch):
    return _scaled(program(params, *batch), weight, "the function's output")


def _run_shard_step(program, replica, weight, batch):
    out = program(replica[0], *batch)
    if not (isinstance(out, tuple) and len(out) == 2):
        raise TypeError("data_parallel(update=...): the function must return (value, "
                        f"grads) like fl.value_and_grad, not a {type(out).__name__}")
    return _scaled(out, weight, "the (value, grads) output")


def _add(a, b):
    return tu.tree_map(np.add, a, b)


def _apply(update, replica, reduced):
    params, state = replica
    new = update(params, reduced[1], state)
    if not (isinstance(new, tuple) and len(new) == 2):
        raise TypeError("data_parallel: update(params, grads, state) must return "
                        f"(params, state), not a {type(new).__name__}")
    return R.host(new)


def _first(pair):
    return pair[0]


def _same(x):
    return x


def _slice_rows(arrays, sizes):
    starts = np.cumsum([0] + list(sizes))
    return [tuple(a[starts[i]:starts[i + 1]] for a in arrays) for i in range(len(sizes))]


class Sharded:
    """Batch arrays split along axis 0 and placed on the workers once (a resident
    data set): pass it to ``DataParallel.step`` / ``__call__`` instead of arrays,
    and a step moves no batch data.  Keeps a reference to the host arrays so a
    shard lost with its worker can be placed again."""

    def __init__(self, dp, arrays):
        self.arrays = tuple(np.asarray(a) for a in arrays)
        n = {a.shape[0] if a.ndim else None for a in self.arrays}
        if len(n) != 1 or None in n:
            raise ValueError("DataParallel.shard: every array needs the same leading "
                             f"(batch) dimension; got shapes {[a.shape for a in self.arrays]}")
        self.n = n.pop()
        self._dp = dp
        self.place()

    def place(self):
        dp = self._dp
        self.sizes = R.split_sizes(self.n, dp.shards)
        self.futures = [dp._runner.put(part, dp._where[i])
                        for i, part in enumerate(_slice_rows(self.arrays, self.sizes))]


class DataParallel:
    """What ``data_parallel`` returns; see its docstring."""

    def __init__(self, fn, client=None, *, shards=None, reduce="mean", update=None,
                 retries=2):
        if not callable(fn):
            raise TypeError(f"data_parallel: fn must be callable, not {type(fn).__name__}")
        if reduce not in ("mean", "sum"):
            raise ValueError(f"data_parallel: reduce must be 'mean' or 'sum', not {reduce!r}")
        if update is not None and not callable(update):
            raise TypeError("data_parallel: update must be callable as "
                            "update(params, grads, state) -> (params, state)")
        if shards is not None and int(shards) < 1:
            raise ValueError(f"data_parallel: shards must be >= 1, not {shards!r}")
        self._runner = R.runner_for(client, shards)
        self.shards = int(shards) if shards is not None else len(self._runner.workers())
        self.reduce = reduce
        self.retries = int(retries)
        self._program = _Program(fn)
        self._update = _Program(update) if update is not None else None
        self._replicas = None     # worker -> future of (params, state)
        self._shipped = {}        # (worker, token) -> future of a program
        self._datasets = []       # Sharded placed by this object (re-placed after a loss)
        self._layout()

    def __repr__(self):
        return f"<DataParallel shards={self.shards} reduce={self.reduce!r} on {self._runner!r}>"

    # -- layout ---------------------------------------------------------------

    def _layout(self):
        self._workers = self._runner.workers()
        if not self._workers:
            raise RuntimeError("data_parallel: the cluster has no workers")
        nw = len(self._workers)
        self._where = [self._workers[i * nw // self.shards] for i in range(self.shards)]
        self._used = list(dict.fromkeys(self._where))

    def _prog(self, program, worker):
        key = (worker, program.token)
        f = self._shipped.get(key)
        if f is None:
            f = self._shipped[key] = self._runner.put(program, worker)
        return f

    def _weights(self, sizes):
        n = sum(sizes)
        if self.reduce == "sum":
            return [None] * len(sizes)
        return [s / n for s in sizes]

    def _batch(self, batch):
        """Per-shard futures of the batch, and the shard sizes."""
        if len(batch) == 1 and isinstance(batch[0], Sharded):
            sh = batch[0]
            if sh._dp is not self:
                raise ValueError("DataParallel: this Sharded batch was placed by another "
                                 "DataParallel; shard it with this one's .shard()")
            return sh.futures, sh.sizes, []
        if any(isinstance(b, Sharded) for b in batch):
            raise TypeError("DataParallel: pass one Sharded (made by .shard(x, y, ...)) or "
                            "plain arrays, not a mix")
        sh = Sharded(self, batch)
        return sh.futures, sh.sizes, sh.futures

    def _tree_reduce(self, results):
        runner = self._runner
        level = [(r, self._where[i]) for i, r in enumerate(results)]
        made = []
        while len(level) > 1:
            nxt = []
            for j in range(0, len(level) - 1, 2):
                (a, wa), (b, _) = level[j], level[j + 1]
                s = runner.submit(_add, a, b, worker=wa)
                made.append(s)
                nxt.append((s, wa))
            if len(level) % 2:
                nxt.append(level[-1])
            level = nxt
        return level[0][0], made

    # -- stateless call ---------------------------------------------------------

    def __call__(self, params, *batch):
        """fn over the shards of ``batch``, reduced: equals ``fn(params, *batch)``
        (mean of the shards, weighted by their sizes, or their sum).  The
        parameters travel to each worker on every call; ``place`` + ``step``
        keep them there instead.  A call that loses a worker is re-run on the
        workers left (up to ``retries`` times)."""
        for attempt in range(self.retries + 1):
            try:
                return self._call_once(params, batch)
            except R.WorkerLost:
                if attempt == self.retries:
                    raise
                self._relayout()

    def _call_once(self, params, batch):
        runner = self._runner
        futs, sizes, temp = self._batch(batch)
        params = R.host(params)
        pf = {w: runner.put(params, w) for w in self._used}
        results = [runner.submit(_run_shard, self._prog(self._program, w), pf[w], wt, futs[i],
                                 worker=w)
                   for i, (w, wt) in enumerate(zip(self._where, self._weights(sizes)))]
        root, made = self._tree_reduce(results)
        try:
            runner.wait([root], watch=self._used)
            return runner.gather([root])[0]
        finally:
            runner.release(results + made + list(pf.values()) + temp)

    # -- resident parameters ------------------------------------------------------

    def place(self, params, state=None):
        """Send ``params`` (and the update's ``state``, e.g. Adam's moments) to
        every worker once; ``step`` then updates them there.  Returns self."""
        if self._update is None:
            raise ValueError("DataParallel.place: parameters stay on the workers only to be "
                             "updated there; build it with data_parallel(fn, update=...)")
        rep = R.host((params, state))
        old = self._replicas
        self._replicas = {w: self._runner.put(rep, w) for w in self._used}
        if old:
            self._runner.release(list(old.values()))
        return self

    def shard(self, *arrays):
        """Split ``arrays`` along axis 0 over this object's shards and place each
        shard on its worker once (see ``Sharded``)."""
        sh = Sharded(self, arrays)
        self._datasets.append(sh)
        return sh

    def step(self, *batch):
        """One data-parallel training step on the resident parameters: each
        shard's (value, grads), all-reduced on the workers, then ``update`` on
        every replica.  Returns the reduced value (read back: small)."""
        if self._replicas is None:
            raise ValueError("DataParallel.step: no parameters on the workers yet; call "
                             ".place(params, state) first")
        for attempt in range(self.retries + 1):
            try:
                return self._step_once(batch)
            except R.WorkerLost:
                if attempt == self.retries:
                    raise
                self._recover()

    def _step_once(self, batch):
        runner = self._runner
        futs, sizes, temp = self._batch(batch)
        reps = self._replicas
        results = [runner.submit(_run_shard_step, self._prog(self._program, w), reps[w], wt,
                                 futs[i], worker=w)
                   for i, (w, wt) in enumerate(zip(self._where, self._weights(sizes)))]
        root, made = self._tree_reduce(results)
        new = {w: runner.submit(_apply, self._prog(self._update, w), reps[w], root, worker=w)
               for w in self._used}
        value = runner.submit(_first, root, worker=self._where[0])
        try:
            runner.wait(list(new.values()) + [value], watch=self._used)
        except R.WorkerLost:
            runner.release(results + made + [root, value] + list(new.values()) + temp)
            raise
        out = runner.gather([value])[0]
        runner.release(results + made + [value] + list(reps.values()) + temp)
        self._replicas = new
        return out

    def _recover(self):
        """After a worker loss: copy a surviving replica to every worker now in
        the cluster, and place lost batch shards again (see the module doc)."""
        runner = self._runner
        alive = {w: f for w, f in self._replicas.items() if runner.alive(f)}
        live = set(runner.workers())
        alive = {w: f for w, f in alive.items() if w in live}
        if not alive:
            raise RuntimeError("data_parallel: every worker holding the parameters was lost; "
                               "the parameters last read back (.params) are what remains")
        src = next(iter(alive.values()))
        self._relayout(place_data=False)
        reps = {}
        for w in self._used:
            reps[w] = alive[w] if w in alive else runner.submit(_same, src, worker=w)
        runner.wait(list(reps.values()), watch=self._used)
        self._replicas = reps
        for sh in self._datasets:
            sh.place()

    def _relayout(self, place_data=True):
        """The workers now in the cluster take the shards; programs shipped to
        workers that left are forgotten; resident batches are placed again."""
        live = set(self._runner.workers())
        self._shipped = {k: v for k, v in self._shipped.items() if k[0] in live}
        self._layout()
        if place_data:
            for sh in self._datasets:
                sh.place()

    def _replica(self):
        if self._replicas is None:
            raise ValueError("DataParallel: no parameters on the workers; call .place() first")
        w = next(iter(self._replicas))
        return self._runner.gather([self._replicas[w]])[0]

    @property
    def params(self):
        """The parameters, read back from one worker (all replicas are equal)."""
        return self._replica()[0]

    @property
    def state(self):
        """The update's state (optimizer moments), read back from one worker."""
        return self._replica()[1]

    def moved(self):
        """Bytes moved so far: between workers (Dask's transfer counters, or the
        local executor's count), from the client, back to the client."""
        return self._runner.moved()

    def close(self):
        """Release everything this object holds on the workers."""
        futs = list(self._shipped.values()) + list((self._replicas or {}).values())
        for sh in self._datasets:
            futs += sh.futures
        self._runner.release(futs)
        self._shipped, self._replicas, self._datasets = {}, None, []


def data_parallel(fn, client=None, *, shards=None, reduce="mean", update=None, retries=2):
    """Run ``fn(params, *batch)`` data-parallel over Dask workers.

    Args:
        fn: a function (usually ``fl.jit(fl.value_and_grad(loss))``) of the
            parameters and batch arrays whose leading axis is the batch.  A
            Jitted is re-jitted on each worker once (its plans stay there).
        client: a ``dask.distributed.Client`` (a LocalCluster or any cluster),
            a ``LocalExecutor``, or None for a LocalExecutor with ``shards``
            workers (same results, in this process).
        shards: how many pieces the batch is cut into (default: the number of
            workers).  The reduction order depends on ``shards`` only, never on
            which worker ran what, so results are reproducible bit for bit.
        reduce: "mean" (each shard weighted by its share of the batch: equals
            ``fn`` on the whole batch when fn returns batch means) or "sum".
        update: ``update(params, grads, state) -> (params, state)``, run on every
            worker after the all-reduce; with it, ``place`` keeps parameters on
            the workers and ``step`` trains (fn must return ``(value, grads)``).
        retries: how many times ``step`` re-runs a step that lost a worker.

    Returns:
        a ``DataParallel``: call it as ``fn`` (stateless), or ``place`` then ``step``.

    Unlike ``torch.nn.parallel.DistributedDataParallel`` there is no process
    group: one driver (this process) schedules every worker through Dask, and
    the all-reduce is a tree of additions scheduled on the workers.
    """
    return DataParallel(fn, client, shards=shards, reduce=reduce, update=update,
                        retries=retries)
