"""``functorch_lite.distributed``: past one process with ``dask.distributed``.

* ``data_parallel(fn, client=None, *, shards=, reduce="mean", update=None)``:
  a jitted ``value_and_grad``-style function (or, with ``update``, a whole
  training step) run over batch shards on Dask workers, the results all-reduced
  by a tree of additions on the workers; ``place`` keeps the parameters on the
  workers, so a step moves gradients only (``_data_parallel.py``).
* ``LocalExecutor``: the same, in this process, without Dask (``_runner.py``).
* ``DistributedDataParallel``: the facade's counterpart, wrapping an
  ``nn.Module`` with its optimizer and loss (``_ddp.py``).

``docs/distributed.md`` says when to use this and when the lazy Dask array
backend (``fl.device_put(x, "dask")``) instead, with measured figures.
Dask is needed only for a real ``Client`` (``pip install
'functorch_lite[distributed]'``); importing this package never imports it.
"""
from ._data_parallel import DataParallel, Sharded, data_parallel
from ._ddp import DistributedDataParallel
from ._runner import LocalExecutor, WorkerLost

__all__ = ["data_parallel", "DataParallel", "Sharded", "LocalExecutor",
           "DistributedDataParallel", "WorkerLost"]

import inspect as _inspect  # noqa: E402

from ._docs import DATA_PARALLEL_EXAMPLE as _EXAMPLE  # noqa: E402

data_parallel.__doc__ = _inspect.cleandoc(data_parallel.__doc__ or "") + "\n\n" + _EXAMPLE

from ..core.mirror_docs import document as _document  # noqa: E402
from ._docs import DOCS as _DOCS  # noqa: E402

_document(globals(), _DOCS)
