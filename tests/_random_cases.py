"""Cases for tests/test_random.py: each is ``f(R, key)`` written against JAX's API,
so it runs on ``functorch_lite.random`` and on ``jax.random`` alike (``key`` is
PRNGKey(7) of the module).  Expected JAX values (jax 0.10.2, jax_enable_x64, CPU)
are in tests/_random_expected.py, written by ``python tests/_random_cases.py``."""
import zlib

import numpy as np

# bit for bit JAX's
EXACT = {
    "PRNGKey(0)": lambda R, k: R.PRNGKey(0),
    "PRNGKey(2**40+5)": lambda R, k: R.PRNGKey(2 ** 40 + 5),
    "PRNGKey(-1)": lambda R, k: R.PRNGKey(-1),
    "PRNGKey(int32 -7)": lambda R, k: R.PRNGKey(np.int32(-7)),
    "split": lambda R, k: R.split(k),
    "split(3)": lambda R, k: R.split(k, 3),
    "split((2,2))": lambda R, k: R.split(k, (2, 2)),
    "split twice": lambda R, k: R.split(R.split(k)[1], 4),
    "fold_in(3)": lambda R, k: R.fold_in(k, 3),
    "fold_in(2**31+3)": lambda R, k: R.fold_in(k, 2 ** 31 + 3),
    "bits u8": lambda R, k: R.bits(k, (5,), np.uint8),
    "bits u16": lambda R, k: R.bits(k, (5,), np.uint16),
    "bits u32": lambda R, k: R.bits(k, (2, 3)),
    "bits u64": lambda R, k: R.bits(k, (4,), np.uint64),
    "uniform f32 ()": lambda R, k: R.uniform(k, (), np.float32),
    "uniform f32 (7,)": lambda R, k: R.uniform(k, (7,), np.float32),
    "uniform f32 (2,3,4) [-2.5,3)": lambda R, k: R.uniform(k, (2, 3, 4), np.float32, -2.5, 3.0),
    "uniform f64 (7,)": lambda R, k: R.uniform(k, (7,), np.float64),
    "uniform f64 (3,5) [-2.5,3)": lambda R, k: R.uniform(k, (3, 5), np.float64, -2.5, 3.0),
    "uniform f64 (1000,) [1e-3,1e3)": lambda R, k: R.uniform(k, (1000,), np.float64, 1e-3, 1e3),
    "uniform f32 (1000,) [-1,7)": lambda R, k: R.uniform(k, (1000,), np.float32, -1.0, 7.0),
    "uniform f16 (6,)": lambda R, k: R.uniform(k, (6,), np.float16, -2.5, 3.0),
    "uniform default": lambda R, k: R.uniform(k, (3,)),
    "randint i32": lambda R, k: R.randint(k, (3, 4), 0, 10, np.int32),
    "randint i32 wide": lambda R, k: R.randint(k, (50,), -2 ** 31, 2 ** 31 - 1, np.int32),
    "randint i64": lambda R, k: R.randint(k, (5,), -100, 2 ** 40, np.int64),
    "randint u32": lambda R, k: R.randint(k, (5,), 3, 2 ** 32 - 5, np.uint32),
    "randint u8 0..256": lambda R, k: R.randint(k, (6,), 0, 256, np.uint8),
    "randint i16": lambda R, k: R.randint(k, (4,), -5, 100, np.int16),
    "randint empty span": lambda R, k: R.randint(k, (3,), 4, 4, np.int32),
    "bernoulli f32": lambda R, k: R.bernoulli(k, np.float32(0.3), (20,)),
    "bernoulli f64": lambda R, k: R.bernoulli(k, 0.7, (4, 5)),
    "permutation(10)": lambda R, k: R.permutation(k, 10),
    "permutation(3000)": lambda R, k: R.permutation(k, 3000),
    "permutation x axis 1": lambda R, k: R.permutation(
        k, np.arange(12.0, dtype=np.float32).reshape(3, 4), 1),
    "permutation x independent": lambda R, k: R.permutation(
        k, np.arange(12.0).reshape(3, 4), 1, True),
    "choice": lambda R, k: R.choice(k, 10, (5,)),
    "choice no replace": lambda R, k: R.choice(k, np.arange(10.0) * 2, (2, 2), False),
}

# JAX's values to a few ulp (erf_inv's last bits, log's last bits differ; docs/random.md)
CLOSE = {
    "normal f32": (lambda R, k: R.normal(k, (4, 5), np.float32), 1e-6),
    "normal f64": (lambda R, k: R.normal(k, (4, 5), np.float64), 1e-13),
    "truncated_normal f32": (lambda R, k: R.truncated_normal(k, -1.0, 2.0, (20,), np.float32), 2e-6),
    "gumbel f32": (lambda R, k: R.gumbel(k, (20,), np.float32), 2e-6),
    "exponential f64": (lambda R, k: R.exponential(k, (20,), np.float64), 1e-13),
    "laplace f32": (lambda R, k: R.laplace(k, (20,), np.float32), 2e-6),
    "logistic f64": (lambda R, k: R.logistic(k, (20,), np.float64), 1e-13),
    "multivariate_normal": (lambda R, k: R.multivariate_normal(
        k, np.array([1.0, -2.0]), np.array([[2.0, 0.5], [0.5, 1.0]]), (6,)), 1e-12),
}

# equal as integers except on near-ties of the Gumbel noise (rare; checked exactly here)
DISCRETE = {
    "categorical": lambda R, k: R.categorical(k, np.log(np.array([0.2, 0.3, 0.5])), shape=(40,)),
}


def encode(a):
    """(dtype, shape, data): data = the values' bit patterns as ints, or for more
    than 64 elements ("crc", crc32 of the bytes, first 8 bit patterns)."""
    a = np.asarray(a)
    u = a.view({1: np.uint8, 2: np.uint16, 4: np.uint32, 8: np.uint64}[a.dtype.itemsize]) \
        if a.dtype != np.bool_ else a.astype(np.uint8)
    flat = [int(v) for v in u.ravel()]
    if len(flat) > 64:
        return (a.dtype.name, a.shape, ("crc", zlib.crc32(np.ascontiguousarray(a).tobytes()),
                                        flat[:8]))
    return (a.dtype.name, a.shape, flat)


def decode(enc):
    dt, shape, data = enc
    dt = np.dtype(dt)
    if isinstance(data, tuple):
        return None
    bits = np.array(data, dtype={1: np.uint8, 2: np.uint16, 4: np.uint32, 8: np.uint64}[
        dt.itemsize]).reshape(shape)
    return bits.astype(np.bool_) if dt == np.bool_ else bits.view(dt)


if __name__ == "__main__":  # regenerate tests/_random_expected.py from JAX
    import os
    import jax
    jax.config.update("jax_enable_x64", True)
    import jax.random as jr
    k = jr.PRNGKey(7)
    out = {}
    for name, f in EXACT.items():
        out[name] = encode(f(jr, k))
    for name, (f, _) in CLOSE.items():
        out[name] = encode(f(jr, k))
    for name, f in DISCRETE.items():
        out[name] = encode(f(jr, k))
    path = os.path.join(os.path.dirname(__file__), "_random_expected.py")
    with open(path, "w") as fh:
        fh.write(f'"""JAX {jax.__version__} values for tests/_random_cases.py (generated by '
                 f'running it; do not edit)."""\n')
        fh.write("EXPECTED = {\n")
        for name, enc in out.items():
            fh.write(f"    {name!r}: {enc!r},\n")
        fh.write("}\n")
