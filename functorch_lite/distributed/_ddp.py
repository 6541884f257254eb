"""``DistributedDataParallel``: the facade's ``nn.Module`` + optimizer trained
data-parallel, on ``data_parallel``'s machinery.

Each worker holds a replica of (module, optimizer, loss function).  A step:
every shard's replica runs forward and backward on its batch shard, the
gradients (scaled by the shard's share of the batch) are summed up the tree on
the workers, and every replica sets them as ``.grad`` and runs
``optimizer.step()``: PyTorch's DDP, with a tree all-reduce scheduled by Dask
instead of NCCL/Gloo buckets.  The update works on a copy of the replica (made
on the worker, no transfer), so the pre-step replicas survive for a re-run
after a worker loss (see ``_data_parallel``).

Tensors refuse ``pickle`` (the facade's rule: save with ``fl.save``); replicas
travel through ``_dumps``, a pickler that writes a Tensor as its NumPy value.
"""
import io
import pickle

import numpy as np

from ..nn.modules import Module, Parameter
from ..optim.optimizer import Optimizer
from ..facade._tensor import Tensor
from ..facade._creation import tensor as _tensor
from ..backends import device_put
from ._data_parallel import DataParallel


def _rebuild(cls, value, requires_grad):
    t = _tensor(value)
    if cls is Parameter or (isinstance(cls, type) and issubclass(cls, Parameter)):
        return cls(t, requires_grad=requires_grad)
    return t.requires_grad_(True) if requires_grad else t


def _dumps(obj):
    """``obj`` pickled with its Tensors as (class, NumPy value, requires_grad):
    sharing is kept (a Parameter in both the module and the optimizer comes
    back as one object); gradients are not kept."""
    try:        # lambdas and local classes too (cloudpickle comes with dask)
        import cloudpickle
        base = cloudpickle.CloudPickler
    except ImportError:
        base = pickle.Pickler

    class _P(base):
        def reducer_override(self, o):
            if isinstance(o, Tensor):
                return _rebuild, (type(o), np.asarray(device_put(o._v, "cpu")),
                                  bool(o.requires_grad))
            sup = getattr(super(), "reducer_override", None)
            return sup(o) if sup is not None else NotImplemented

    buf = io.BytesIO()
    _P(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(obj)
    return buf.getvalue()


class _Replica:
    """(module, optimizer, loss_fn) on one worker; pickles through ``_dumps``."""

    def __init__(self, module, optimizer, loss_fn):
        self.module, self.optimizer, self.loss_fn = module, optimizer, loss_fn

    def __reduce__(self):
        return (_loads_replica, (_dumps((self.module, self.optimizer, self.loss_fn)),))

    @property
    def nbytes(self):
        return int(sum(p._v.nbytes for p in self.module.parameters()))

    def copy(self):
        return _loads_replica(_dumps((self.module, self.optimizer, self.loss_fn)))


def _loads_replica(data):
    return _Replica(*pickle.loads(data))


def _ddp_shard(replica, *batch):
    """Forward and backward of one shard: (loss, [grad of each parameter])."""
    m = replica.module
    m.zero_grad(set_to_none=True)
    *inputs, target = batch
    loss = replica.loss_fn(m(*[_tensor(a) for a in inputs]), _tensor(target))
    loss.backward()
    grads = [np.zeros_like(np.asarray(p._v)) if p.grad is None else np.asarray(p.grad._v)
             for p in m.parameters()]
    return np.asarray(loss._v), grads


def _ddp_update(replica, grads, state):
    """A copy of the replica, with ``grads`` set and one optimizer step taken."""
    new = replica.copy()
    for p, g in zip(new.module.parameters(), grads):
        p.grad = _tensor(g)
    new.optimizer.step()
    new.module.zero_grad(set_to_none=True)
    return new, state


class DistributedDataParallel:
    """Train a facade ``nn.Module`` data-parallel over Dask workers.

    Args:
        module: the model (an ``nn.Module`` on the CPU).
        optimizer: an ``optim`` optimizer over ``module.parameters()``.
        loss_fn: ``loss_fn(output, target) -> scalar Tensor`` (e.g.
            ``nn.CrossEntropyLoss()``); a batch mean, so the data-parallel
            step equals the single-process one.
        client: a ``dask.distributed.Client``, a ``LocalExecutor``, or None
            (a LocalExecutor with ``shards`` workers).
        shards: pieces the batch is cut into (default: the number of workers).

    ``step(*inputs, target)`` runs one training step and returns the loss (a
    float).  ``module`` / ``optimizer`` read the trained state back into the
    objects you passed (on request: the workers keep theirs).

    Unlike ``torch.nn.parallel.DistributedDataParallel``, this object is not
    itself a Module run once per process: one driver schedules every worker,
    and ``step`` is the whole forward + backward + all-reduce + optimizer step.
    """

    def __init__(self, module, optimizer, loss_fn, client=None, *, shards=None):
        if not isinstance(module, Module):
            raise TypeError(f"DistributedDataParallel: module must be an nn.Module, not "
                            f"{type(module).__name__}")
        if not isinstance(optimizer, Optimizer):
            raise TypeError(f"DistributedDataParallel: optimizer must be an optim optimizer, "
                            f"not {type(optimizer).__name__}")
        own = {id(p) for p in module.parameters()}
        if any(id(p) not in own for g in optimizer.param_groups for p in g["params"]):
            raise ValueError("DistributedDataParallel: the optimizer updates tensors that are "
                             "not this module's parameters; build it over module.parameters()")
        self._module, self._optimizer = module, optimizer
        self._dp = DataParallel(_ddp_shard, client, shards=shards, reduce="mean",
                                update=_ddp_update)
        self._dp.place(_Replica(module, optimizer, loss_fn).copy())

    def __repr__(self):
        return f"DistributedDataParallel({type(self._module).__name__}, shards={self._dp.shards})"

    def step(self, *batch):
        """One step on ``batch`` = (input arrays..., target array), each with the
        batch on axis 0 (NumPy arrays or CPU Tensors).  Returns the loss."""
        if len(batch) < 2:
            raise TypeError("DistributedDataParallel.step(*inputs, target): give the "
                            "inputs and the target")
        arrs = [np.asarray(device_put(b._v, "cpu")) if isinstance(b, Tensor) else np.asarray(b)
                for b in batch]
        return float(self._dp.step(*arrs))

    def _sync(self):
        rep = self._dp.params
        self._module.load_state_dict(rep.module.state_dict())
        self._optimizer.load_state_dict(rep.optimizer.state_dict())
        return self._module

    @property
    def module(self):
        """The module you passed, with the trained parameters read back."""
        return self._sync()

    @property
    def optimizer(self):
        """The optimizer you passed, with its state read back."""
        self._sync()
        return self._optimizer

    def moved(self):
        """Bytes moved so far (see ``DataParallel.moved``)."""
        return self._dp.moved()

    def close(self):
        self._dp.close()
