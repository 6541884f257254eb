"""torch.utils.data: datasets, samplers, collation and the DataLoader (with
worker processes), drawing from the facade's PyTorch-exact CPU generator, so
``manual_seed(s)`` then a shuffled DataLoader gives PyTorch's batch order."""
from ._collate import default_collate, default_convert  # noqa: F401
from .dataloader import DataLoader, get_worker_info  # noqa: F401
from .dataset import (ChainDataset, ConcatDataset, Dataset, IterableDataset,  # noqa: F401
                      StackDataset, Subset, TensorDataset, random_split)
from .sampler import (BatchSampler, RandomSampler, Sampler, SequentialSampler,  # noqa: F401
                      SubsetRandomSampler, WeightedRandomSampler)
