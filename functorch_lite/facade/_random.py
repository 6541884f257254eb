"""PyTorch's CPU random numbers, bit for bit: ``torch.Generator`` and the
draws behind rand/randn/randint/randperm/normal_/uniform_/bernoulli/dropout.

The engine is the 32-bit Mersenne Twister PyTorch seeds with the low 32
bits of the seed (the classic ``init_genrand``), run by NumPy's MT19937 bit
generator from that state (``random_raw`` gives the raw 32-bit words).  The
transformations are PyTorch's, vectorised:

- 64-bit draws are two words, the first the high half;
- uniform floats: the low 24 bits of a word (float32) or 53 bits of a
  64-bit draw (float64) times 2^-bits, scaled in double: ``x * (to - from) +
  from`` with ``from``/``to`` first cast to the tensor's dtype;
- normal, 16 or more elements: all uniforms are drawn first, then each
  block of 16 becomes 8 Box-Muller pairs (u1 = 1 - d[j], u2 = d[j + 8]), a
  ragged tail redraws 16 fresh uniforms for the last 16 slots; float32 uses
  the vectorised float32 log/sincos (``_mtmath``), float64 the libm ones;
- normal, fewer than 16 elements: a double Box-Muller per pair of 64-bit
  uniforms, the second value cached in the generator for the next call;
- integers in [low, high): a word (a 64-bit draw when the range needs more
  than 32 bits) modulo the range; randperm: a Fisher-Yates pass with one
  word per position; bernoulli(p): a double uniform < p (a float one for a
  float32 probability tensor).

Differences from PyTorch: ``get_state`` returns this module's own byte
layout (not PyTorch's), float16/bfloat16 draws are made in float32 and cast.
"""
import math
import os
import threading

import numpy as np

from . import _randomness
from . import _types as T
from ._mtmath import _fma, log_f32, sincos_f32

DEFAULT_SEED = 67280421310721       # torch.initial_seed() of a fresh process
_M24, _M53 = np.uint64((1 << 24) - 1), np.uint64((1 << 53) - 1)
_SH32 = np.uint64(32)


class Generator:
    """torch.Generator on the CPU: an mt19937 stream and PyTorch's normal
    cache.  ``manual_seed(s)`` returns the generator; ``initial_seed()``;
    ``seed()`` (a fresh nondeterministic seed); ``get_state()/set_state()``
    (a uint8 Tensor, in this library's own layout)."""

    def __init__(self, device="cpu"):
        d = T.device(device) if not isinstance(device, T.device) else device
        if d.type != "cpu":
            raise RuntimeError(f"functorch_lite's Generator is a CPU generator; device "
                               f"{d} is not supported (device tensors draw from "
                               f"torch.cuda's generator)")
        self._lock = threading.Lock()
        self.manual_seed(DEFAULT_SEED)

    @property
    def device(self):
        return T.CPU

    def manual_seed(self, seed):
        seed = int(seed)
        if not -(1 << 63) <= seed < (1 << 64):
            raise RuntimeError(f"Overflow when unpacking long long: seed {seed} is out "
                               f"of range")
        seed &= (1 << 64) - 1
        key = np.random.RandomState(seed & 0xffffffff).get_state()[1]
        bg = np.random.MT19937()
        bg.state = {"bit_generator": "MT19937", "state": {"key": key, "pos": 624}}
        self._bg, self._seed = bg, seed
        self._next_normal = None          # PyTorch's cached second Box-Muller value
        return self

    def initial_seed(self):
        return self._seed

    def seed(self):
        s = int.from_bytes(os.urandom(8), "little") & ((1 << 63) - 1)
        self.manual_seed(s)
        return s

    def get_state(self):
        from ._tensor import _wrap
        st = self._bg.state["state"]
        nn = self._next_normal
        extra = np.array([st["pos"], self._seed, 0 if nn is None else 1], np.uint64)
        cache = np.array([0.0 if nn is None else nn], np.float64)
        raw = np.concatenate([np.asarray(st["key"], np.uint32).view(np.uint8),
                              extra.view(np.uint8), cache.view(np.uint8)])
        return _wrap(raw)

    def set_state(self, new_state):
        raw = np.asarray(new_state._v if hasattr(new_state, "_v") else new_state, np.uint8)
        if raw.size != 624 * 4 + 3 * 8 + 8:
            raise RuntimeError(f"Generator.set_state: expected a state of "
                               f"{624 * 4 + 32} bytes (from get_state), got {raw.size}")
        key = raw[:2496].view(np.uint32).copy()
        pos, seed, has = raw[2496:2520].view(np.uint64).tolist()
        cache = raw[2520:].view(np.float64)[0]
        self._bg.state = {"bit_generator": "MT19937", "state": {"key": key, "pos": int(pos)}}
        self._seed, self._next_normal = int(seed), (float(cache) if has else None)
        return self

    # -------------------------------------------------------------- words
    def _u32(self, n):
        """n raw 32-bit words (as uint64)."""
        return self._bg.random_raw(int(n))

    def _u64(self, n):
        """n 64-bit draws: two words each, the first the high half."""
        w = self._bg.random_raw(2 * int(n)).reshape(-1, 2)
        return (w[:, 0] << _SH32) | w[:, 1]


_default = Generator()


def default_generator():
    return _default


def _gen(generator):
    if _randomness.active():
        _randomness.check_not_error()   # torch.func.vmap's randomness='error' (the default)
    return _default if generator is None else generator


# --------------------------------------------------------------- transforms

def _float_kind(npdt):
    return np.dtype(npdt) if np.dtype(npdt) in (np.float32, np.float64) else np.dtype(
        np.float32)


def _unit(g, n, npdt):
    """n uniforms in [0, 1) as PyTorch's uniform_real_distribution<dtype>(0, 1)."""
    if npdt == np.float64:
        return (g._u64(n) & _M53).astype(np.float64) * 2.0 ** -53
    return ((g._u32(n) & _M24).astype(np.float32) * np.float32(2.0 ** -24))


def uniform(shape, npdt, low=0.0, high=1.0, generator=None):
    """uniform_(low, high) / rand: an array of ``shape`` and dtype ``npdt``."""
    g = _gen(generator)
    kd = _float_kind(npdt)
    n = math.prod(shape)
    with g._lock:
        x = _unit(g, n, kd).astype(np.float64)
    lo, hi = float(kd.type(low)), float(kd.type(high))
    if lo == 0.0 and hi == 1.0:
        return x.astype(npdt).reshape(shape)
    return (x * (hi - lo) + lo).astype(npdt).reshape(shape)


def _box_muller_16(d, npdt, mean, std):
    """Blocks of 16 uniforms (rows of ``d``) to normals, as normal_fill."""
    if npdt == np.float32:
        u1 = np.float32(1) - d[:, :8]
        r = np.sqrt(np.float32(-2) * log_f32(u1))
        s, c = sincos_f32(np.float32(2.0 * math.pi) * d[:, 8:])
        out = np.concatenate([r * c, r * s], axis=1)
        return _fma(out, np.float32(std), np.float32(mean))
    u1 = 1.0 - d[:, :8]
    # libm's log (NumPy's vectorised float64 log differs in the last bit at times)
    lg = np.fromiter(map(math.log, u1.ravel().tolist()), np.float64, u1.size).reshape(u1.shape)
    r = np.sqrt(-2.0 * lg)
    th = 2.0 * math.pi * d[:, 8:]
    out = np.concatenate([r * np.cos(th), r * np.sin(th)], axis=1)
    return out if (std == 1.0 and mean == 0.0) else fma64(out, std, mean)


def fma64(a, b, c):
    """float64 a * b + c with (almost always) one rounding: the product's
    exact error by Dekker's split, added back after the sum's error."""
    p = a * b
    sp = 134217729.0
    t = sp * a
    ah = t - (t - a)
    al = a - ah
    t = sp * b
    bh = t - (t - b)
    bl = b - bh
    e = ((ah * bh - p) + ah * bl + al * bh) + al * bl
    s = p + c
    bb = s - p
    err = (p - (s - bb)) + (c - bb)
    return s + (err + e)


def normal(shape, npdt, mean=0.0, std=1.0, generator=None):
    """normal_(mean, std) / randn: PyTorch's two paths (16+ elements: blocks
    of 16; fewer: cached double Box-Muller)."""
    g = _gen(generator)
    kd = _float_kind(npdt)
    n = math.prod(shape)
    with g._lock:
        if n >= 16:
            m, s = (float(np.float32(mean)), float(np.float32(std))) if kd == np.float32 \
                else (float(mean), float(std))
            d = _unit(g, n, kd)
            k = n - n % 16
            out = np.empty(n, kd)
            out[:k] = _box_muller_16(d[:k].reshape(-1, 16), kd, m, s).ravel()
            if n % 16:
                # PyTorch fills the ragged tail's last 16 slots from 16 fresh uniforms
                tail = d[n - 16:].copy()
                tail[:] = _unit(g, 16, kd)
                keep = out[:k].copy()
                out[n - 16:] = _box_muller_16(tail.reshape(1, 16), kd, m, s).ravel()
                out[:n - 16] = keep[:n - 16]
            return out.astype(npdt, copy=False).reshape(shape)
        vals = np.empty(n, np.float64)
        for i in range(n):
            vals[i] = _normal_double(g) * float(std) + float(mean)
        return vals.astype(npdt).reshape(shape)


def _normal_double(g):
    """One standard normal as at::normal_distribution<double> (the generator
    caches the second value of each Box-Muller pair)."""
    c = g._next_normal
    if c is not None:
        g._next_normal = None
        return c
    u = (g._u64(2) & _M53).astype(np.float64) * 2.0 ** -53
    r = math.sqrt(-2.0 * math.log1p(-float(u[1])))
    th = 2.0 * math.pi * float(u[0])
    g._next_normal = r * math.sin(th)
    return r * math.cos(th)


def integers(low, high, shape, generator=None):
    """randint / random_(low, high): int64 values in [low, high)."""
    g = _gen(generator)
    rng = int(high) - int(low)
    if rng <= 0:
        raise RuntimeError(f"random_ expects 'from' to be less than 'to', but got "
                           f"from={low} >= to={high}")
    n = math.prod(shape)
    with g._lock:
        w = g._u64(n) if rng >= (1 << 32) else g._u32(n)
    return ((w % np.uint64(rng)).astype(np.int64) + np.int64(low)).reshape(shape)


def random64(generator=None):
    """torch.empty((), dtype=torch.int64).random_(): one value in [0, 2^63)."""
    g = _gen(generator)
    with g._lock:
        return int(g._u64(1)[0] % np.uint64(1 << 63))


def permutation(n, generator=None):
    """randperm(n): Fisher-Yates with one word per position (PyTorch's CPU loop)."""
    g = _gen(generator)
    n = int(n)
    if n <= 1:
        return np.arange(n, dtype=np.int64)
    with g._lock:
        w = (g._u32(n - 1)).tolist()
    r = list(range(n))
    for i in range(n - 1):
        z = w[i] % (n - i) + i
        r[i], r[z] = r[z], r[i]
    return np.array(r, dtype=np.int64)


def bernoulli(shape, p, npdt, generator=None):
    """bernoulli_(p) for a number p (double uniforms), or an array of
    probabilities (float32 ones draw float32 uniforms)."""
    g = _gen(generator)
    n = math.prod(shape)
    if isinstance(p, np.ndarray):
        p = np.broadcast_to(p, shape).ravel()
        kd = np.float64 if p.dtype == np.float64 else np.float32
        with g._lock:
            u = _unit(g, n, np.dtype(kd))
        return (u < p.astype(kd)).astype(npdt).reshape(shape)
    with g._lock:
        u = _unit(g, n, np.dtype(np.float64))
    return (u < float(p)).astype(npdt).reshape(shape)
