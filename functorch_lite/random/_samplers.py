"""Samplers: JAX's algorithms over ``_keys.random_bits`` (see docs/random.md).

Bit for bit JAX's for uniform, randint, bernoulli, permutation (and normal but
for the last bit of ~1% of float32 / ~5% of float64 draws: XLA's own log1p, see
``_erf_inv.py``); the others follow JAX's formulas
(gumbel, exponential, laplace, logistic, categorical, truncated_normal,
multivariate_normal) or sample the same distribution with their own algorithm
(gamma, beta, dirichlet, poisson, in ``_gamma.py``: rejection samplers with a
fixed number of vectorised rounds instead of JAX's per-element while loops).
"""
import numpy as np

from .. import numpy as fnp
from ..core.dtypes import canonicalize_dtype
from ..core.trace import get_aval
from ..numpy._base import _on_backend_of, _v
from ..primitives import elementwise as ew, prng, special
from ._erf_inv import erf_inv as xla_erf_inv
from ._keys import check_key, check_shape, random_bits, split as _split_keys

_DEFAULT_FLOAT = np.dtype(np.float64)   # the library's default (JAX with jax_enable_x64)
_DEFAULT_INT = np.dtype(np.int64)


def _float_dtype(name, dtype):
    # canonical in the current mode: in 32-bit mode a float64 request draws
    # float32 bits, as JAX's (its draws then equal JAX's, not float64's rounded)
    dt = canonicalize_dtype(_DEFAULT_FLOAT if dtype is None else np.dtype(dtype))
    if dt.kind != "f" or dt.itemsize not in (2, 4, 8):
        raise TypeError(f"{name}: argument `dtype` must be a floating-point dtype "
                        f"(float16/32/64), got {dt}")
    return dt


def _int_dtype(name, dtype):
    dt = canonicalize_dtype(_DEFAULT_INT if dtype is None else np.dtype(dtype))
    if dt.kind not in "iu":
        raise TypeError(f"{name}: argument `dtype` must be an integer dtype, got {dt}")
    return dt


def _param(name, argname, x, dtype=None):
    v = _v(x, name)
    if dtype is not None:
        return fnp.asarray(v, dtype=dtype)
    return fnp.asarray(v)


def _float_param(name, argname, x, dtype=None):
    """A distribution parameter as a float array (its own float dtype, else ``dtype``
    or the default); integer arrays are an error naming the argument."""
    v = _v(x, name)
    if isinstance(v, bool):
        raise TypeError(f"{name}: argument `{argname}` must be a float, got {x!r}")
    if isinstance(v, (int, float)):
        return canonicalize_dtype(dtype or _DEFAULT_FLOAT).type(v)   # a scalar: no backend of its own
    dt = get_aval(v).dtype
    if dt.kind != "f":
        raise TypeError(f"{name}: argument `{argname}` must be a floating-point array, got "
                        f"dtype {dt}; cast it with .astype(float)")
    return v if dtype is None else _as(v, dtype)


def _as(v, dt):
    """``v`` in dtype ``dt``: scalars stay NumPy scalars (placed with the computation),
    arrays are converted where they live."""
    dt = np.dtype(dt)
    if isinstance(v, (int, float, np.generic)):
        return dt.type(v)
    return ew.convert_element_type(v, dt)


def _place(x, ref):
    """A host constant (NumPy array or scalar) placed on ``ref``'s backend (the key's),
    so that a device key gives device values; traced and device values pass."""
    if isinstance(x, (np.ndarray, np.generic, int, float, bool)):
        return _on_backend_of(np.asarray(x), ref)
    return x


def _split2(key):
    ks = _split_keys(key, 2)
    return ks[0], ks[1]


def _split_n(key, n):
    ks = _split_keys(key, n)
    return [ks[i] for i in range(n)]


# ------------------------------------------------------------------ uniform

def _unit_floats(key, shape, dt):
    """JAX's uniform bits-to-float: the top ``nmant`` bits over 2**nmant, exactly
    (JAX ORs them into 1.0's bit pattern and subtracts 1; the value is the same)."""
    nmant = np.finfo(dt).nmant
    if dt.itemsize == 8:
        from ._keys import hash_pair
        b1, b2 = hash_pair(key, shape)           # 64 bits hi:lo; keep the top 52
        hi = ew.convert_element_type(b1, np.float64)
        lo = fnp.floor(ew.div(ew.convert_element_type(b2, np.float64), 4096.0))
        m = ew.add(ew.mul(hi, 2.0 ** 20), lo)
    else:
        nbits = dt.itemsize * 8
        x = random_bits(key, nbits, shape)
        m = fnp.floor(ew.div(ew.convert_element_type(x, np.float64), float(2 ** (nbits - nmant))))
        m = ew.convert_element_type(m, dt)
    return ew.mul(m, dt.type(2.0 ** -nmant))


def _uniform(key, shape, dt, minval, maxval):
    floats = _unit_floats(key, shape, dt)
    minval = _place(_as(minval, dt), key)
    maxval = _place(_as(maxval, dt), key)
    out = _fma(floats, ew.sub(maxval, minval), minval, dt)
    return ew.max(minval, out)


def _fma(a, b, c, dt):
    """``a * b + c`` rounded once, as XLA's CPU code (which contracts it to an FMA)
    computes JAX's uniform scaling.  float32: in float64 (the product is exact
    there); float16: two roundings, as XLA; float64: with error-free transformations (Dekker's product, Knuth's
    sum), the derivative taken through the plain expression."""
    if dt.itemsize == 2:            # XLA rounds float16 after each operation
        return ew.add(ew.mul(a, b), c)
    if dt.itemsize == 4:
        f = np.float64
        r = ew.add(ew.mul(_as(a, f), _as(b, f)), _as(c, f))
        return _as(r, dt)
    plain = ew.add(ew.mul(a, b), c)
    a, b, c = (fnp.stop_gradient(v) for v in (a, b, c))
    p = ew.mul(a, b)
    ah, al = _dekker_split(a)
    bh, bl = _dekker_split(b)
    e = ew.add(ew.add(ew.add(ew.sub(ew.mul(ah, bh), p), ew.mul(ah, bl)), ew.mul(al, bh)),
               ew.mul(al, bl))
    s_ = ew.add(p, c)
    bp = ew.sub(s_, p)
    t = ew.add(ew.sub(p, ew.sub(s_, bp)), ew.sub(c, bp))
    exact = ew.add(s_, ew.add(t, e))
    # plain + (exact - plain) == exact (the two are within an ulp: the difference is exact)
    return ew.add(plain, fnp.stop_gradient(ew.sub(exact, plain)))


def _dekker_split(x):
    t = ew.mul(x, 134217729.0)          # 2**27 + 1
    hi = ew.sub(t, ew.sub(t, x))
    return hi, ew.sub(x, hi)


def uniform(key, shape=(), dtype=None, minval=0.0, maxval=1.0):
    """Uniform floats in ``[minval, maxval)``, bit for bit ``jax.random.uniform``.
    Default dtype float64 (the library's default, as JAX with ``jax_enable_x64``).
    Differentiable in ``minval`` and ``maxval``."""
    key = check_key("uniform", key)
    dt = _float_dtype("uniform", dtype)
    minval = _float_param("uniform", "minval", minval, dt)
    maxval = _float_param("uniform", "maxval", maxval, dt)
    shape = check_shape("uniform", shape, fnp.shape(minval), fnp.shape(maxval))
    return _uniform(key, shape, dt, minval, maxval)


# ------------------------------------------------------------------ normal family

def _normal(key, shape, dt):
    lo = np.nextafter(np.array(-1.0, dt), np.array(0.0, dt))
    u = _uniform(key, shape, dt, lo, dt.type(1.0))
    return ew.mul(dt.type(np.sqrt(2)), xla_erf_inv(u))


def normal(key, shape=(), dtype=None):
    """Standard normal floats, as ``jax.random.normal``: ``sqrt(2) * erf_inv(u)`` with
    ``u`` JAX's uniform on (-1, 1); see docs/random.md for erf_inv's last bits."""
    key = check_key("normal", key)
    dt = _float_dtype("normal", dtype)
    return _normal(key, check_shape("normal", shape), dt)


def _nextafter(x, direction):
    """np.nextafter(x, +-inf) for a concrete x; one relative step for a traced one."""
    if isinstance(x, (np.ndarray, np.generic)):
        c = np.asarray(x)
        return np.nextafter(c, np.array(direction * np.inf, c.dtype))
    dt = get_aval(x).dtype
    step = ew.mul(ew.max(fnp.abs(x), dt.type(np.finfo(dt).tiny)), dt.type(np.finfo(dt).eps))
    return ew.add(x, step) if direction > 0 else ew.sub(x, step)


def truncated_normal(key, lower, upper, shape=None, dtype=None):
    """Normal floats truncated to ``(lower, upper)``, JAX's inverse-CDF algorithm;
    differentiable in ``lower`` and ``upper``."""
    key = check_key("truncated_normal", key)
    dt = _float_dtype("truncated_normal", dtype)
    lower = _float_param("truncated_normal", "lower", lower, dt)
    upper = _float_param("truncated_normal", "upper", upper, dt)
    # the clip bounds, from the host values where they are on the host
    lo = _place(_nextafter(fnp.stop_gradient(lower), 1), key)
    hi = _place(_nextafter(fnp.stop_gradient(upper), -1), key)
    lower, upper = _place(lower, key), _place(upper, key)
    pshapes = (fnp.shape(lower), fnp.shape(upper))
    shape = (np.broadcast_shapes(*pshapes) if shape is None
             else check_shape("truncated_normal", shape, *pshapes))
    sqrt2 = dt.type(np.sqrt(2))
    a = special.erf(ew.div(lower, sqrt2))
    b = special.erf(ew.div(upper, sqrt2))
    u = _uniform(key, shape, dt, a, b)
    out = ew.mul(sqrt2, special.erf_inv(u))
    return ew.min(ew.max(out, lo), hi)


def multivariate_normal(key, mean, cov, shape=None, dtype=None, method="cholesky"):
    """Multivariate normal samples ``mean + factor @ normal``, JAX's algorithm
    (``method``: "cholesky", "eigh" or "svd"); differentiable in ``mean`` and ``cov``."""
    key = check_key("multivariate_normal", key)
    if method not in ("cholesky", "eigh", "svd"):
        raise ValueError(f"multivariate_normal: argument `method` must be 'cholesky', "
                         f"'eigh' or 'svd', got {method!r}")
    mean = _float_param("multivariate_normal", "mean", mean, dtype)
    mean = _place(mean, key)
    cov = _float_param("multivariate_normal", "cov", cov, dtype)
    cov = _place(cov, key)
    dt = np.dtype(dtype) if dtype is not None else get_aval(mean).dtype
    ms, cs = fnp.shape(mean), fnp.shape(cov)
    if len(ms) < 1 or len(cs) < 2 or cs[-1] != cs[-2] or cs[-1] != ms[-1]:
        raise ValueError(f"multivariate_normal: `mean` of shape {ms} and `cov` of shape "
                         f"{cs} do not match (need mean (..., n) and cov (..., n, n))")
    if shape is None:
        shape = np.broadcast_shapes(ms[:-1], cs[:-2])
    else:
        shape = check_shape("multivariate_normal", shape, ms[:-1], cs[:-2])
    if method == "svd":
        u, s, _ = fnp.linalg.svd(cov)
        factor = ew.mul(u, fnp.expand_dims(fnp.sqrt(s), -2))
    elif method == "eigh":
        w, v = fnp.linalg.eigh(cov)
        factor = ew.mul(v, fnp.expand_dims(fnp.sqrt(w), -2))
    else:
        factor = fnp.linalg.cholesky(cov)
    z = _normal(key, tuple(shape) + ms[-1:], _float_dtype("multivariate_normal", dt))
    return fnp.add(mean, fnp.einsum("...ij,...j->...i", factor, z))


# ------------------------------------------------------------------ discrete

def bernoulli(key, p=0.5, shape=None):
    """Booleans that are True with probability ``p``: ``uniform(key, shape, p.dtype) < p``,
    bit for bit JAX's (a Python float ``p`` is float64 here)."""
    key = check_key("bernoulli", key)
    p = _float_param("bernoulli", "p", p)
    p = _place(p, key)
    shape = fnp.shape(p) if shape is None else check_shape("bernoulli", shape, fnp.shape(p))
    dt = get_aval(p).dtype
    return ew.lt(_uniform(key, shape, dt, dt.type(0), dt.type(1)), p)


def _clip_convert(v, dt):
    info = np.iinfo(dt)
    v = fnp.asarray(v)
    if get_aval(v).dtype.kind not in "iu":
        v = fnp.asarray(v, dtype=np.int64)
    vdt = get_aval(v).dtype
    vi = np.iinfo(vdt)
    lo, hi = max(info.min, vi.min), min(info.max, vi.max)
    if lo > vi.min or hi < vi.max:
        v = fnp.clip(v, vdt.type(lo), vdt.type(hi))
    return ew.convert_element_type(v, dt)


def randint(key, shape, minval, maxval, dtype=None):
    """Integers in ``[minval, maxval)``, bit for bit ``jax.random.randint`` (JAX's
    double-width remainder method).  Default dtype int64 (the library's default)."""
    key = check_key("randint", key)
    dt = _int_dtype("randint", dtype)
    info = np.iinfo(dt)
    if info.bits < 32:
        # as JAX: 8- and 16-bit values are sampled as int32 (less bias), then cast
        lo32 = fnp.clip(fnp.asarray(_v(minval, "randint")).astype(np.int32), info.min, info.max)
        hi32 = fnp.clip(fnp.asarray(_v(maxval, "randint")).astype(np.int32), info.min,
                        info.max + 1)
        return fnp.asarray(randint(key, shape, lo32, hi32, np.int32), dtype=dt)
    nbits = dt.itemsize * 8
    minval = _v(minval, "randint")
    maxval = _v(maxval, "randint")
    shape = check_shape("randint", shape, np.shape(minval) if isinstance(minval, (int, float))
                        else get_aval(minval).shape,
                        np.shape(maxval) if isinstance(maxval, (int, float))
                        else get_aval(maxval).shape)
    mx = fnp.asarray(maxval)
    if get_aval(mx).dtype.kind not in "iu":
        mx = fnp.asarray(mx, dtype=np.int64)
    mdt = get_aval(mx).dtype
    # maxval above the dtype's range (randint(k, s, 0, 256, uint8)): the span grows by one
    top = min(np.iinfo(dt).max, np.iinfo(mdt).max)
    out_of_range = ew.gt(mx, mdt.type(top))
    lo = _place(_clip_convert(minval, dt), key)
    hi = _place(_clip_convert(maxval, dt), key)
    out_of_range = _place(out_of_range, key)
    k1, k2 = _split2(key)
    higher = random_bits(k1, nbits, shape)
    lower = random_bits(k2, nbits, shape)
    udt = higher.dtype if hasattr(higher, "dtype") else get_aval(higher).dtype
    span = ew.convert_element_type(ew.sub(hi, lo), udt)
    one = _place(udt.type(1), key)
    span = fnp.where(ew.le(hi, lo), one, span)
    span = fnp.where(fnp.logical_and(out_of_range, ew.gt(hi, lo)), ew.add(span, one), span)
    span = fnp.broadcast_to(span, fnp.shape(span))
    mult = prng.rem(fnp.broadcast_to(_place(udt.type(2 ** (nbits // 2)), key), fnp.shape(span)),
                    span)
    mult = prng.rem(ew.mul(mult, mult), span)
    off = ew.add(ew.mul(prng.rem(higher, _bc(span, shape)), _bc(mult, shape)),
                 prng.rem(lower, _bc(span, shape)))
    off = prng.rem(off, _bc(span, shape))
    return ew.add(lo, ew.convert_element_type(off, dt))


def _bc(x, shape):
    return fnp.broadcast_to(x, np.broadcast_shapes(fnp.shape(x), tuple(shape)))


def _shuffle(key, x, axis):
    n = int(np.prod(fnp.shape(x)))
    rounds = int(np.ceil(3 * np.log(max(1, n)) / np.log(np.iinfo(np.uint32).max)))
    for _ in range(rounds):
        key, sub = _split2(key)
        sort_keys = random_bits(sub, 32, fnp.shape(x))
        order = prng.argsort(sort_keys, axis)
        x = fnp.take_along_axis(x, order, axis)
    return x


def permutation(key, x, axis=0, independent=False):
    """A random permutation of ``arange(x)`` (int ``x``) or of ``x`` along ``axis``,
    bit for bit ``jax.random.permutation`` (sorting by random 32-bit keys)."""
    key = check_key("permutation", key)
    if isinstance(x, (int, np.integer)) and not isinstance(x, bool):
        if x < 0:
            raise ValueError(f"permutation: argument `x` must be a non-negative int or an "
                             f"array, got {x}")
        return _shuffle(key, _place(np.arange(int(x)), key), 0)
    x = fnp.asarray(_v(x, "permutation"))
    nd = fnp.ndim(x)
    if nd == 0:
        raise ValueError("permutation: argument `x` must be an int or an array with at "
                         "least one axis")
    if not -nd <= axis < nd:
        raise ValueError(f"permutation: argument `axis` {axis} is out of range for "
                         f"{nd} dimensions")
    axis %= nd
    if independent or nd == 1:
        return _shuffle(key, x, axis)
    ind = _shuffle(key, _place(np.arange(fnp.shape(x)[axis]), key), 0)
    return fnp.take(x, ind, axis=axis)


def choice(key, a, shape=(), replace=True, p=None, axis=0):
    """Random draws from ``a`` (an int n: ``arange(n)``; or an array, along ``axis``),
    with or without replacement, optionally with probabilities ``p``; JAX's
    algorithm (bit for bit JAX's except ``p`` without replacement, which breaks
    top-k ties differently)."""
    key = check_key("choice", key)
    shape = check_shape("choice", shape)
    if isinstance(a, (int, np.integer)) and not isinstance(a, bool):
        arr, n = None, int(a)
    else:
        arr = fnp.asarray(_v(a, "choice"))
        if fnp.ndim(arr) == 0:
            raise ValueError("choice: argument `a` must be an int or an array with at least "
                             "one axis")
        if not -fnp.ndim(arr) <= axis < fnp.ndim(arr):
            raise ValueError(f"choice: argument `axis` {axis} is out of range")
        axis %= fnp.ndim(arr)
        n = fnp.shape(arr)[axis]
    if n <= 0:
        raise ValueError(f"choice: argument `a` must be positive (or a non-empty array), "
                         f"got {n}")
    draws = int(np.prod(shape))
    if p is None:
        if replace:
            ind = randint(key, shape, 0, n, dtype=np.int64)
        else:
            if draws > n:
                raise ValueError(f"choice: cannot take a larger sample ({draws}) than the "
                                 f"population ({n}) when replace=False")
            perm = permutation(key, n)
            ind = fnp.reshape(perm[:draws], shape)
    else:
        pa = _float_param("choice", "p", p)
        pa = _place(pa, key)
        if fnp.shape(pa) != (n,):
            raise ValueError(f"choice: argument `p` must have shape ({n},), got "
                             f"{fnp.shape(pa)}")
        if replace:
            c = fnp.cumsum(pa)
            r = ew.mul(c[-1], ew.sub(1, _uniform(key, shape, get_aval(pa).dtype, 0.0, 1.0)))
            ind = fnp.sum(fnp.less(c, fnp.expand_dims(r, -1)), axis=-1)
            ind = fnp.asarray(ind, dtype=np.int64)
        else:
            if draws > n:
                raise ValueError(f"choice: cannot take a larger sample ({draws}) than the "
                                 f"population ({n}) when replace=False")
            g = fnp.add(_gumbel(key, (n,), get_aval(pa).dtype), fnp.log(pa))
            ind = fnp.reshape(prng.argsort(fnp.negative(g), 0)[:draws], shape)
    if arr is None:
        return ind
    return fnp.take(arr, ind, axis=axis)


def categorical(key, logits, axis=-1, shape=None):
    """Category indices drawn with probabilities ``softmax(logits)`` along ``axis``,
    JAX's Gumbel-max algorithm (``argmax(gumbel + logits)``)."""
    key = check_key("categorical", key)
    lg = _float_param("categorical", "logits", logits)
    lg = _place(lg, key)
    ls = fnp.shape(lg)
    if not -len(ls) <= axis < len(ls):
        raise ValueError(f"categorical: argument `axis` {axis} is out of range for "
                         f"logits of shape {ls}")
    axis %= len(ls)
    batch = ls[:axis] + ls[axis + 1:]
    shape = batch if shape is None else check_shape("categorical", shape, batch)
    prefix = shape[:len(shape) - len(batch)]
    full = list(shape[len(shape) - len(batch):])
    full.insert(axis, ls[axis])
    g = _gumbel(key, tuple(prefix) + tuple(full), get_aval(lg).dtype)
    lg = fnp.reshape(lg, (1,) * len(prefix) + ls)
    return fnp.argmax(fnp.add(g, lg), axis=axis + len(prefix))


# ------------------------------------------------------------------ continuous (JAX's formulas)

def _gumbel(key, shape, dt):
    u = _uniform(key, shape, dt, dt.type(np.finfo(dt).tiny), dt.type(1.0))
    return ew.neg(ew.log(ew.neg(ew.log(u))))


def gumbel(key, shape=(), dtype=None):
    """Standard Gumbel floats ``-log(-log(u))`` (JAX's "low" mode)."""
    key = check_key("gumbel", key)
    dt = _float_dtype("gumbel", dtype)
    return _gumbel(key, check_shape("gumbel", shape), dt)


def exponential(key, shape=(), dtype=None):
    """Standard exponential floats ``-log1p(-u)``, JAX's formula."""
    key = check_key("exponential", key)
    dt = _float_dtype("exponential", dtype)
    u = _uniform(key, check_shape("exponential", shape), dt, dt.type(0), dt.type(1))
    return ew.neg(fnp.log1p(ew.neg(u)))


def laplace(key, shape=(), dtype=None):
    """Standard Laplace floats ``sign(u) * log1p(-|u|)``, JAX's formula."""
    key = check_key("laplace", key)
    dt = _float_dtype("laplace", dtype)
    lo = dt.type(-1.0 + np.finfo(dt).epsneg)
    u = _uniform(key, check_shape("laplace", shape), dt, lo, dt.type(1.0))
    return ew.mul(fnp.sign(u), fnp.log1p(ew.neg(fnp.abs(u))))


def logistic(key, shape=(), dtype=None):
    """Standard logistic floats ``log(u / (1 - u))``, JAX's formula."""
    key = check_key("logistic", key)
    dt = _float_dtype("logistic", dtype)
    u = _uniform(key, check_shape("logistic", shape), dt, dt.type(np.finfo(dt).tiny),
                 dt.type(1.0))
    return ew.log(ew.div(u, ew.sub(dt.type(1.0), u)))
