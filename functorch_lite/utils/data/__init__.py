"""torch.utils.data: datasets, samplers, collation and the DataLoader (with
worker processes), drawing from the facade's PyTorch-exact CPU generator, so
``manual_seed(s)`` then a shuffled DataLoader gives PyTorch's batch order."""
from ._collate import default_collate, default_convert  # noqa: F401
from .dataloader import DataLoader, get_worker_info  # noqa: F401
from .dataset import (ChainDataset, ConcatDataset, Dataset, IterableDataset,  # noqa: F401
                      StackDataset, Subset, TensorDataset, random_split)
from .sampler import (BatchSampler, RandomSampler, Sampler, SequentialSampler,  # noqa: F401
                      SubsetRandomSampler, WeightedRandomSampler)

from ...core.mirror_docs import document as _document  # noqa: E402
from ._docs import DOCS as _DOCS  # noqa: E402

_document(globals(), _DOCS)   # the full docstrings of the names users meet first
from ._docs2 import DOCS as _DOCS2  # noqa: E402

_document(globals(), _DOCS2)
