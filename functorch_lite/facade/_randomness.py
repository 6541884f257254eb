"""vmap's ``randomness=`` for the facade's random functions (torch.func.vmap).

``functorch_lite.func.vmap`` pushes a frame (mode, batch size, lane index)
while its function runs; ``_creation._gen`` asks ``generator`` for the
generator to draw from:

* 'error' (PyTorch's default): any random draw inside the vmap raises;
* 'same': one draw shared by every lane (the plain generator);
* 'different': one draw per lane: the numbers are drawn with the batch sizes
  of the enclosing 'different' vmaps in front, and each lane reads its own
  slice through the lane index (a batched value of that vmap), so the result
  is a batched value like any other.

Frames are per thread (a transform runs in the thread that called it).
"""
import threading

import numpy as np

_state = threading.local()


def _stack():
    s = getattr(_state, "stack", None)
    if s is None:
        s = _state.stack = []
    return s


def push(mode, size, lane):
    _stack().append((mode, size, lane))


def pop():
    _stack().pop()


def active():
    return bool(getattr(_state, "stack", None))


_ERROR = ("vmap: called random operation while in randomness error mode. Please either "
          "use the 'same' or 'different' randomness flags on vmap or perform the "
          "randomness operation out of vmap")


def check_not_error():
    """Raise PyTorch's error if an enclosing vmap has randomness='error'."""
    if any(m == "error" for m, _, _ in _stack()):
        raise RuntimeError(_ERROR)


def per_lane(make_base):
    """The generator for a draw of PyTorch's CPU stream inside vmap: None when
    the draw proceeds as usual ('same', or no vmap), a per-lane generator over
    ``make_base()`` under 'different'; 'error' raises."""
    check_not_error()
    diff = [(n, lane) for m, n, lane in _stack() if m == "different"]
    return _LaneGen(make_base(), diff) if diff else None


def generator(g):
    """The generator a random function should draw from (see the module doc)."""
    frames = _stack()
    if any(m == "error" for m, _, _ in frames):
        raise RuntimeError(_ERROR)
    diff = [(n, lane) for m, n, lane in frames if m == "different"]
    return _LaneGen(g, diff) if diff else g


class _LaneGen:
    """A generator drawing one sample per lane of the 'different' vmaps."""

    def __init__(self, g, frames):
        self._g, self._frames = g, frames

    def _lanes(self, arr):
        from .. import numpy as fnp
        for _, lane in self._frames:     # outermost first: each take removes one axis
            arr = fnp.take(arr, lane, axis=0)
        return arr

    def _lead(self, size):
        size = () if size is None else ((size,) if isinstance(size, int) else tuple(size))
        return tuple(n for n, _ in self._frames) + size

    def random(self, size=None):
        return self._lanes(self._g.random(self._lead(size)))

    def standard_normal(self, size=None):
        return self._lanes(self._g.standard_normal(self._lead(size)))

    def integers(self, low, high=None, size=None):
        return self._lanes(self._g.integers(low, high, self._lead(size)))

    def normal(self, loc=0.0, scale=1.0, size=None):
        return self._lanes(self._g.normal(loc, scale, self._lead(size)))

    def uniform(self, low=0.0, high=1.0, size=None):
        return self._lanes(self._g.uniform(low, high, self._lead(size)))

    def permutation(self, n):
        lead = self._lead(())
        base = np.broadcast_to(np.arange(n), lead + (n,)).copy()
        return self._lanes(self._g.permuted(base, axis=-1))

    def __getattr__(self, name):
        raise NotImplementedError(
            f"vmap(randomness='different'): the facade's random function drawing with "
            f"{name!r} has no per-lane form here; use randomness='same' or draw outside "
            f"the vmap")
