"""Samplers: which indices a DataLoader fetches, in which order.  The random
ones draw from the facade's CPU generator exactly as PyTorch's do (a fresh
seed from the global generator per epoch when none is given), so the order
after ``manual_seed`` is PyTorch's."""
import numpy as np

from ...facade import _random


class Sampler:
    """Base class: subclasses define ``__iter__`` (indices) and usually ``__len__``."""

    def __init__(self, data_source=None):
        pass

    def __iter__(self):
        raise NotImplementedError


class SequentialSampler(Sampler):
    """0, 1, ..., len(data_source) - 1."""

    def __init__(self, data_source):
        self.data_source = data_source

    def __iter__(self):
        return iter(range(len(self.data_source)))

    def __len__(self):
        return len(self.data_source)


class RandomSampler(Sampler):
    """A random order (``replacement=False``: whole permutations, then part of
    one for ``num_samples`` beyond a multiple of the length; ``True``: draws
    in chunks of 32)."""

    def __init__(self, data_source, replacement=False, num_samples=None, generator=None):
        self.data_source, self.replacement = data_source, replacement
        self._num_samples, self.generator = num_samples, generator
        if not isinstance(replacement, bool):
            raise TypeError(f"replacement should be a boolean value, but got "
                            f"replacement={replacement}")
        if not isinstance(self.num_samples, int) or self.num_samples <= 0:
            raise ValueError(f"num_samples should be a positive integer value, but got "
                             f"num_samples={self.num_samples}")

    @property
    def num_samples(self):
        return len(self.data_source) if self._num_samples is None else self._num_samples

    def __iter__(self):
        n = len(self.data_source)
        if self.generator is None:
            g = _random.Generator().manual_seed(_random.random64())
        else:
            g = self.generator
        if self.replacement:
            for _ in range(self.num_samples // 32):
                yield from _random.integers(0, n, (32,), g).tolist()
            yield from _random.integers(0, n, (self.num_samples % 32,), g).tolist()
        else:
            for _ in range(self.num_samples // n):
                yield from _random.permutation(n, g).tolist()
            yield from _random.permutation(n, g).tolist()[:self.num_samples % n]

    def __len__(self):
        return self.num_samples


class SubsetRandomSampler(Sampler):
    """The given indices in a random order."""

    def __init__(self, indices, generator=None):
        self.indices, self.generator = indices, generator

    def __iter__(self):
        for i in _random.permutation(len(self.indices), self.generator).tolist():
            yield self.indices[i]

    def __len__(self):
        return len(self.indices)


class WeightedRandomSampler(Sampler):
    """Indices drawn with probabilities proportional to ``weights``.  Differs
    from PyTorch: the draws invert the cumulative weights at uniforms from the
    generator (PyTorch's multinomial kernel makes other numbers); without
    replacement it uses the exponential-race (Gumbel top-k) construction."""

    def __init__(self, weights, num_samples, replacement=True, generator=None):
        if not isinstance(num_samples, int) or isinstance(num_samples, bool) or \
                num_samples <= 0:
            raise ValueError(f"num_samples should be a positive integer value, but got "
                             f"num_samples={num_samples}")
        w = np.asarray(weights._v if hasattr(weights, "_v") else weights, np.float64)
        if w.ndim != 1:
            raise ValueError(f"weights should be a 1d sequence but given weights have shape "
                             f"{tuple(w.shape)}")
        self.weights, self.num_samples = w, num_samples
        self.replacement, self.generator = replacement, generator

    def __iter__(self):
        w = self.weights
        if self.replacement:
            u = _random.uniform((self.num_samples,), np.dtype(np.float64),
                                generator=self.generator)
            c = np.cumsum(w)
            idx = np.searchsorted(c, u * c[-1], side="right")
            return iter(np.minimum(idx, len(w) - 1).tolist())
        if self.num_samples > int((w > 0).sum()):
            raise RuntimeError("cannot sample n_sample > prob_dist.size(-1) samples without "
                               "replacement")
        u = _random.uniform(w.shape, np.dtype(np.float64), generator=self.generator)
        with np.errstate(divide="ignore"):
            keys = np.log(1.0 - u) / w        # -Exp / w: larger is earlier
        return iter(np.argsort(-keys, kind="stable")[:self.num_samples].tolist())

    def __len__(self):
        return self.num_samples


class BatchSampler(Sampler):
    """Lists of ``batch_size`` indices from ``sampler`` (the last one shorter
    unless ``drop_last``)."""

    def __init__(self, sampler, batch_size, drop_last):
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size <= 0:
            raise ValueError(f"batch_size should be a positive integer value, but got "
                             f"batch_size={batch_size}")
        if not isinstance(drop_last, bool):
            raise ValueError(f"drop_last should be a boolean value, but got "
                             f"drop_last={drop_last}")
        self.sampler, self.batch_size, self.drop_last = sampler, batch_size, drop_last

    def __iter__(self):
        batch = []
        for i in self.sampler:
            batch.append(i)
            if len(batch) == self.batch_size:
                yield batch
                batch = []
        if batch and not self.drop_last:
            yield batch

    def __len__(self):
        n = len(self.sampler)
        return n // self.batch_size if self.drop_last else -(-n // self.batch_size)
