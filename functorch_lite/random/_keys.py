"""Keys and bits: seeding, split, fold_in and random bits, as JAX's threefry2x32
implementation with ``jax_threefry_partitionable=True`` (JAX's default since 0.5)."""
import numpy as np

from .. import numpy as fnp
from ..core import dtypes as _dtypes
from ..core.trace import Tracer, get_aval, public
from ..numpy._base import _on_backend_of, _v
from ..primitives import elementwise as ew, prng, shape as shp

U32 = np.dtype(np.uint32)
_UINT = {8: np.dtype(np.uint8), 16: np.dtype(np.uint16), 32: U32, 64: np.dtype(np.uint64)}
_MASK = 0xFFFFFFFF


def check_key(name, key):
    """The key as a value: a uint32 array of shape (2,), else an error naming ``name``."""
    k = _v(key, name)
    if isinstance(k, (bool, int, float)) or not hasattr(k, "dtype"):
        raise TypeError(f"{name}: argument `key` must be a PRNG key (a uint32 array of "
                        f"shape (2,), from functorch_lite.random.PRNGKey), got {key!r}")
    a = get_aval(k)
    if a.dtype != U32:
        raise TypeError(f"{name}: argument `key` must be a uint32 array of shape (2,) "
                        f"(functorch_lite.random.PRNGKey(seed)), got dtype {a.dtype}")
    if a.shape != (2,):
        hint = (" (a batch of keys: map over it with functorch_lite.vmap)"
                if a.ndim >= 2 and a.shape[-1] == 2 else "")
        raise ValueError(f"{name}: argument `key` must have shape (2,), got shape "
                         f"{a.shape}{hint}")
    return k


def check_shape(name, shape, *param_shapes):
    """``shape`` as a tuple of non-negative ints; when parameter shapes are given,
    they must broadcast to it (as JAX's ``_check_shape``)."""
    if isinstance(shape, (int, np.integer)):
        shape = (shape,)
    try:
        shape = tuple(int(operator_index(d)) for d in shape)
    except TypeError:
        raise TypeError(f"{name}: argument `shape` must be a tuple of ints, got "
                        f"{shape!r}") from None
    if any(d < 0 for d in shape):
        raise ValueError(f"{name}: argument `shape` has a negative dimension: {shape}")
    if param_shapes:
        try:
            b = np.broadcast_shapes(shape, *param_shapes)
        except ValueError:
            b = None
        if b != shape:
            raise ValueError(f"{name}: argument `shape` {shape} must be a broadcast-"
                             f"compatible shape for the parameters' shapes "
                             f"{list(param_shapes)}")
    return shape


def operator_index(d):
    if isinstance(d, Tracer):
        raise TypeError("traced dimension")
    return d.__index__()


def _halves(key):
    k1 = shp.reshape(shp.slice_(key, (0,), (1,)), ())
    k2 = shp.reshape(shp.slice_(key, (1,), (2,)), ())
    return k1, k2


def _iota_2x32(shape, ref):
    """Row-major 64-bit counters 0..n-1 over ``shape``, as (high, low) uint32 arrays."""
    n = int(np.prod(shape, dtype=np.int64))
    idx = np.arange(n, dtype=np.uint64).reshape(shape)
    hi = (idx >> np.uint64(32)).astype(U32)
    lo = idx.astype(U32)
    return _on_backend_of(hi, ref), _on_backend_of(lo, ref)


def hash_pair(key, shape):
    """threefry2x32(key, iota_2x32(shape)): the two uint32 words JAX's
    partitionable split and random bits both start from."""
    k1, k2 = _halves(key)
    hi, lo = _iota_2x32(shape, key)
    return prng.threefry2x32(k1, k2, hi, lo)


# ------------------------------------------------------------------ seeding

def _seed_words(seed, name):
    s = _v(seed, name)
    if isinstance(s, (bool, float)):
        raise TypeError(f"{name}: argument `seed` must be an integer, got {seed!r}")
    if isinstance(s, int):
        # JAX converts a Python int to int64 first; the key is its two 32-bit words
        hi, lo = (s >> 32) & _MASK, s & _MASK
        return public(np.array([hi, lo], dtype=U32))
    a = get_aval(s)
    if a.shape != ():
        raise TypeError(f"{name}: argument `seed` must be a scalar, got shape {a.shape}")
    if a.dtype.kind not in "iu":
        raise TypeError(f"{name}: argument `seed` must be an integer, got dtype {a.dtype}")
    lo = ew.convert_element_type(s, U32)            # the low word (wraps as a C cast)
    if a.dtype.itemsize <= 4:                      # 32-bit seeds: high word 0
        hi = ew.full_like(lo, 0)
    else:                                          # the high word, exactly
        lo64 = ew.convert_element_type(lo, a.dtype)
        high = ew.div(ew.convert_element_type(ew.sub(s, lo64), np.float64), 2.0 ** 32)
        hi = ew.convert_element_type(ew.convert_element_type(high, np.int64), U32)
    return fnp.stack([hi, lo])


def PRNGKey(seed):
    """A raw threefry2x32 key from an integer seed: ``uint32[2]``, the seed's high
    and low 32-bit words (a 32-bit seed has high word 0), as ``jax.random.PRNGKey``.
    ``seed`` may be traced (under ``jit``)."""
    return _seed_words(seed, "PRNGKey")


def key(seed, *, impl=None):
    """As ``jax.random.key`` but returns the same raw ``uint32[2]`` key as ``PRNGKey``:
    there are no typed key arrays (``key_data``/``wrap_key_data`` are identities).
    Only ``impl=None`` or ``"threefry2x32"`` is accepted."""
    if impl not in (None, "threefry2x32"):
        raise ValueError(f"key: argument `impl` {impl!r} is not supported; only "
                         f"'threefry2x32' (JAX's default) is implemented")
    return _seed_words(seed, "key")


def key_data(keys):
    """The raw uint32 data of a key: the key itself (keys are raw here)."""
    return keys


def wrap_key_data(key_bits_array, *, impl=None):
    """A key from raw uint32 data: the data itself, checked to be uint32[..., 2]."""
    k = _v(key_bits_array, "wrap_key_data")
    a = get_aval(k)
    if a.dtype != U32 or a.ndim < 1 or a.shape[-1] != 2:
        raise TypeError(f"wrap_key_data: argument `key_bits_array` must be uint32 with a "
                        f"last axis of 2, got {a.dtype}{list(a.shape)}")
    return public(k)   # an Array as JAX returns its key array (a view: no copy)


# ------------------------------------------------------------------ split, fold_in, bits

def split(key, num=2):
    """``num`` new keys (shape ``(num, 2)``; ``num`` may be a shape tuple) from ``key``,
    bit for bit JAX's (partitionable threefry split: the hash of counters 0..n-1)."""
    key = check_key("split", key)
    shape = check_shape("split", num)
    b1, b2 = hash_pair(key, shape)
    return fnp.stack([b1, b2], axis=len(shape))


def fold_in(key, data):
    """A new key from ``key`` and an integer ``data`` (wrapped to uint32), as
    ``jax.random.fold_in``: the hash of the counter pair ``(0, data)``."""
    key = check_key("fold_in", key)
    d = _v(data, "fold_in")
    if isinstance(d, (bool, float)) or (not isinstance(d, int)
                                        and get_aval(d).dtype.kind not in "iu"):
        raise TypeError(f"fold_in: argument `data` must be an integer, got {data!r}")
    if isinstance(d, int):
        d = _on_backend_of(np.array(d & _MASK, dtype=U32), key)
    else:
        if get_aval(d).shape != ():
            raise TypeError(f"fold_in: argument `data` must be a scalar, got shape "
                            f"{get_aval(d).shape}")
        d = ew.convert_element_type(d, U32)
    k1, k2 = _halves(key)
    y1, y2 = prng.threefry2x32(k1, k2, _on_backend_of(np.zeros((), dtype=U32), key), d)
    return fnp.stack([y1, y2])


def random_bits(key, bit_width, shape):
    """Unsigned random bits of ``bit_width`` (8/16/32/64) as JAX's partitionable
    threefry: 32 bits are ``hi ^ lo`` of the hash, 64 bits ``hi << 32 | lo``."""
    b1, b2 = hash_pair(key, shape)
    dt = _UINT[bit_width]
    if bit_width == 64:
        hi = ew.convert_element_type(b1, dt)
        lo = ew.convert_element_type(b2, dt)
        return ew.add(ew.mul(hi, np.uint64(1 << 32)), lo)
    x = prng.bitwise_xor(b1, b2)
    return x if bit_width == 32 else ew.convert_element_type(x, dt)


def bits(key, shape=(), dtype=None):
    """Random unsigned integers of ``dtype`` (uint8/16/32/64; default uint64, the
    library's 64-bit default as JAX with ``jax_enable_x64``; uint32 in 32-bit
    mode) filling all their bits,
    bit for bit ``jax.random.bits``."""
    key = check_key("bits", key)
    shape = check_shape("bits", shape)
    dt = _dtypes.canonicalize_dtype(np.uint64 if dtype is None else dtype)
    if dt.kind != "u":
        raise TypeError(f"bits: argument `dtype` must be an unsigned integer dtype, got {dt}")
    return random_bits(key, dt.itemsize * 8, shape)
