"""functorch_lite.random: JAX's numbers (stored, and live when jax is importable),
jit/vmap/scan, gradients, distributions, errors; and the prng primitives
(threefry2x32, bitwise_xor, rem, argsort: tests/_prim_table.py's Covered rows)."""
import numpy as np
import pytest
import scipy.special
import scipy.stats

import functorch_lite as fl
from functorch_lite.primitives import prng
from functorch_lite.test_util import check_grads

from _device import device  # noqa: F401  (fixture: the CuPy stand-in, real CuPy on a GPU)
from _random_cases import CLOSE, DISCRETE, EXACT, decode, encode
from _random_expected import EXPECTED

R = fl.random
KEY = R.PRNGKey(7)


# ------------------------------------------------------------------ JAX's numbers

@pytest.mark.parametrize("name", list(EXACT))
def test_bit_for_bit_stored(name):
    got = np.asarray(EXACT[name](R, KEY))
    assert encode(got) == EXPECTED[name], name


@pytest.mark.parametrize("name", list(CLOSE))
def test_close_to_jax_stored(name):
    f, rtol = CLOSE[name]
    got = np.asarray(f(R, KEY))
    want = decode(EXPECTED[name])
    assert got.dtype == want.dtype and got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=rtol, atol=rtol)


@pytest.mark.parametrize("name", list(DISCRETE))
def test_discrete_stored(name):
    got = np.asarray(DISCRETE[name](R, KEY))
    want = decode(EXPECTED[name])
    assert got.dtype == want.dtype
    assert np.mean(got != want) <= 0.05


@pytest.fixture(scope="module")
def jr():
    jax = pytest.importorskip("jax")
    old = jax.config.jax_enable_x64
    jax.config.update("jax_enable_x64", True)
    import jax.random
    yield jax.random
    jax.config.update("jax_enable_x64", old)


@pytest.mark.parametrize("name", list(EXACT))
def test_bit_for_bit_live(jr, name):
    f = EXACT[name]
    got, want = np.asarray(f(R, KEY)), np.asarray(f(jr, jr.PRNGKey(7)))
    assert got.dtype == want.dtype and got.shape == want.shape
    np.testing.assert_array_equal(got, want)


def test_bit_for_bit_live_more_shapes_and_keys(jr):
    for seed in (2 ** 33 + 17,):
        k, jk = R.PRNGKey(seed), jr.PRNGKey(seed)
        for shape in [(), (2, 3, 4)]:
            for dt in (np.float32, np.float64):
                for lo, hi in [(-3.0, 0.5), (10.0, 1e4)]:
                    a = np.asarray(R.uniform(k, shape, dt, lo, hi))
                    b = np.asarray(jr.uniform(jk, shape, dt, lo, hi))
                    assert a.dtype == b.dtype
                    np.testing.assert_array_equal(a, b)
            np.testing.assert_array_equal(np.asarray(R.randint(k, shape, -7, 1000)),
                                          np.asarray(jr.randint(jk, shape, -7, 1000)))
            np.testing.assert_array_equal(np.asarray(R.bernoulli(k, 0.25, shape)),
                                          np.asarray(jr.bernoulli(jk, 0.25, shape)))
        np.testing.assert_array_equal(np.asarray(R.permutation(k, 100)),
                                      np.asarray(jr.permutation(jk, 100)))


@pytest.mark.parametrize("name", list(CLOSE))
def test_close_to_jax_live(jr, name):
    f, rtol = CLOSE[name]
    got, want = np.asarray(f(R, KEY)), np.asarray(f(jr, jr.PRNGKey(7)))
    assert got.dtype == want.dtype
    np.testing.assert_allclose(got, want, rtol=rtol, atol=rtol)


def test_threefry_hash_matches_jax_primitive(jr):
    from jax._src.random.threefry2x32 import threefry2x32_p
    r = np.random.default_rng(0)
    a = [r.integers(0, 2 ** 32, (17,), dtype=np.uint64).astype(np.uint32) for _ in range(4)]
    got = prng.threefry2x32(*a)
    want = threefry2x32_p.bind(*a)
    for g, w in zip(got, want):
        np.testing.assert_array_equal(g, np.asarray(w))


# ------------------------------------------------------------------ transforms

SAMPLERS = {
    "uniform": lambda k: R.uniform(k, (3,), np.float32, -1.0, 2.0),
    "normal": lambda k: R.normal(k, (3,)),
    "truncated_normal": lambda k: R.truncated_normal(k, -0.5, 1.5, (3,)),
    "bernoulli": lambda k: R.bernoulli(k, 0.4, (3,)),
    "categorical": lambda k: R.categorical(k, np.array([0.1, 1.0, -0.5]), shape=(3,)),
    "randint": lambda k: R.randint(k, (3,), -4, 9),
    "permutation": lambda k: R.permutation(k, 6),
    "choice": lambda k: R.choice(k, 7, (3,), p=np.full(7, 1 / 7)),
    "gumbel": lambda k: R.gumbel(k, (3,)),
    "exponential": lambda k: R.exponential(k, (3,)),
    "gamma": lambda k: R.gamma(k, np.array([0.3, 1.0, 5.0])),
    "beta": lambda k: R.beta(k, 2.0, 0.5, (3,)),
    "dirichlet": lambda k: R.dirichlet(k, np.array([0.5, 1.0, 2.0])),
    "multivariate_normal": lambda k: R.multivariate_normal(k, np.zeros(2), np.eye(2), (3,)),
    "laplace": lambda k: R.laplace(k, (3,)),
    "logistic": lambda k: R.logistic(k, (3,)),
    "poisson": lambda k: R.poisson(k, np.array([0.5, 4.0, 40.0])),
    "split": lambda k: R.split(k, 3),
    "fold_in": lambda k: R.fold_in(k, 11),
    "bits": lambda k: R.bits(k, (3,), np.uint32),
}


@pytest.mark.parametrize("name", list(SAMPLERS))
def test_jit_equals_eager(name):
    f = SAMPLERS[name]
    np.testing.assert_array_equal(np.asarray(fl.jit(f)(KEY)), np.asarray(f(KEY)))


@pytest.mark.parametrize("name", list(SAMPLERS))
def test_vmap_equals_loop(name):
    f = SAMPLERS[name]
    keys = R.split(KEY, 4)
    got = np.asarray(fl.vmap(f)(keys))
    want = np.stack([np.asarray(f(keys[i])) for i in range(4)])
    np.testing.assert_array_equal(got, want)
    if name not in ("bits", "split", "fold_in", "bernoulli"):
        assert not all(np.array_equal(want[0], w) for w in want[1:]), "lanes must differ"


def test_scan_carries_the_key():
    def body(k, _):
        k, sub = R.split(k)
        return k, R.normal(sub, (2,))
    k_out, xs = fl.lax.scan(body, KEY, None, length=4)
    k, want = KEY, []
    for _ in range(4):
        k, sub = R.split(k)
        want.append(np.asarray(R.normal(sub, (2,))))
    np.testing.assert_array_equal(np.asarray(k_out), np.asarray(k))
    np.testing.assert_array_equal(np.asarray(xs), np.stack(want))


def test_traced_seed_and_fold_in_data():
    for seed in (0, 5, -3, 2 ** 40 + 9, -(2 ** 40)):
        s = np.int64(seed)
        np.testing.assert_array_equal(fl.jit(R.PRNGKey)(s), R.PRNGKey(seed))
    np.testing.assert_array_equal(fl.jit(R.PRNGKey)(np.int32(-7)), R.PRNGKey(np.int32(-7)))
    np.testing.assert_array_equal(fl.jit(R.fold_in)(KEY, np.int64(2 ** 31 + 3)),
                                  R.fold_in(KEY, 2 ** 31 + 3))


def test_split_streams_are_independent():
    keys = R.split(KEY, 64)
    x = np.asarray(fl.vmap(lambda k: R.uniform(k, (200,)))(keys))
    c = np.corrcoef(x)
    assert np.abs(c[~np.eye(64, dtype=bool)]).max() < 0.35
    assert len({tuple(np.asarray(k)) for k in keys}) == 64


def test_float32_stays_float32():
    k = KEY
    a32 = np.float32(2.0)
    assert R.uniform(k, (2,), np.float32).dtype == np.float32
    assert R.normal(k, (2,), np.float32).dtype == np.float32
    assert R.gamma(k, np.full(2, a32)).dtype == np.float32
    assert R.beta(k, np.float32([2.0]), np.float32([3.0])).dtype == np.float32
    assert R.dirichlet(k, np.float32([1.0, 2.0])).dtype == np.float32
    assert R.truncated_normal(k, -1.0, 1.0, (2,), np.float32).dtype == np.float32
    assert R.multivariate_normal(k, np.float32([0, 0]), np.eye(2, dtype=np.float32)).dtype \
        == np.float32
    g = fl.grad(lambda a: R.gamma(k, a).sum())(np.full(2, a32))
    assert g.dtype == np.float32


# ------------------------------------------------------------------ gradients

NK = R.split(KEY, 2)[1]


@pytest.mark.parametrize("name,f,args", [
    ("normal", lambda mu, s: mu + s * R.normal(NK, (4,)), (0.3, 1.7)),
    ("uniform", lambda lo, hi: R.uniform(NK, (4,), np.float64, lo, hi), (-1.0, 2.0)),
    ("laplace", lambda mu, s: mu + s * R.laplace(NK, (4,)), (0.3, 1.7)),
    ("logistic", lambda mu, s: mu + s * R.logistic(NK, (4,)), (0.3, 1.7)),
    ("gumbel", lambda mu, s: mu + s * R.gumbel(NK, (4,)), (0.3, 1.7)),
    ("exponential", lambda r, s: s * R.exponential(NK, (4,)) / r, (1.3, 0.7)),
    ("truncated_normal", lambda lo, hi: R.truncated_normal(NK, lo, hi, (4,)), (-0.7, 1.2)),
    ("multivariate_normal", lambda m, l: R.multivariate_normal(
        NK, m * np.ones(2), l * np.array([[2.0, 0.3], [0.3, 1.0]]), (3,)), (0.4, 1.5)),
])
def test_reparameterised_grads_order_2(name, f, args):
    check_grads(f, tuple(np.float64(a) for a in args), order=2, modes=("fwd", "rev"))


def test_gamma_implicit_gradient_matches_cdf():
    a = np.array([0.1, 0.5, 1.0, 3.0, 20.0])
    z = np.asarray(R.gamma(KEY, a))
    g = np.asarray(fl.grad(lambda a: R.gamma(KEY, a).sum())(a))
    h = 1e-6
    dP = (scipy.special.gammainc(a + h, z) - scipy.special.gammainc(a - h, z)) / (2 * h)
    pdf = scipy.stats.gamma.pdf(z, a)
    np.testing.assert_allclose(g, -dP / pdf, rtol=1e-5)
    # forward mode agrees, and the gradient differentiates again (finite)
    _, t = fl.jvp(lambda a: R.gamma(KEY, a), (a,), (np.ones_like(a),))
    np.testing.assert_allclose(t, g, rtol=1e-10)
    h2 = fl.grad(lambda a: fl.grad(lambda b: R.gamma(KEY, b).sum())(a).sum())(a)
    assert np.all(np.isfinite(h2))


def test_pathwise_gradients_are_unbiased():
    # E[d sample / d param] = d E[sample] / d param
    n = 5000
    k1, k2, k3 = R.split(KEY, 3)
    ga = fl.grad(lambda a: R.gamma(k1, a, (n,)).mean())(np.float64(2.5))
    assert abs(ga - 1.0) < 0.05                           # E[z] = a
    gb = fl.grad(lambda a: R.beta(k2, a, 3.0, (n,)).mean())(np.float64(2.0))
    assert abs(gb - 3.0 / 25.0) < 0.015                   # d/da a/(a+b) = b/(a+b)^2
    alpha = np.array([1.0, 2.0, 3.0])
    gd = fl.grad(lambda al: R.dirichlet(k3, al, (n,))[:, 0].mean())(alpha)
    np.testing.assert_allclose(gd, [5 / 36, -1 / 36, -1 / 36], atol=0.015)


def test_integer_samplers_have_no_gradient():
    x = np.arange(5.0)
    g = fl.grad(lambda x: (R.permutation(KEY, x) ** 2 * np.arange(5.0)).sum())(x)
    p = np.asarray(R.permutation(KEY, 5))
    want = np.zeros(5)
    want[p] = 2 * x[p] * np.arange(5.0)                  # permutation is a gather
    np.testing.assert_allclose(g, want)


# ------------------------------------------------------------------ distributions

def _ks(x, cdf):
    return scipy.stats.kstest(np.asarray(x, dtype=np.float64).ravel(), cdf).pvalue


@pytest.mark.parametrize("name,f,cdf", [
    ("uniform", lambda k: R.uniform(k, (4000,), np.float32), "uniform"),
    ("normal", lambda k: R.normal(k, (4000,)), "norm"),
    ("normal32", lambda k: R.normal(k, (4000,), np.float32), "norm"),
    ("exponential", lambda k: R.exponential(k, (4000,)), "expon"),
    ("laplace", lambda k: R.laplace(k, (4000,)), "laplace"),
    ("logistic", lambda k: R.logistic(k, (4000,)), "logistic"),
    ("gumbel", lambda k: R.gumbel(k, (4000,)), "gumbel_r"),
    ("truncated_normal", lambda k: R.truncated_normal(k, -0.5, 2.0, (4000,)),
     scipy.stats.truncnorm(-0.5, 2.0).cdf),
    ("gamma 0.3", lambda k: R.gamma(k, 0.3, (4000,)), scipy.stats.gamma(0.3).cdf),
    ("gamma 4", lambda k: R.gamma(k, 4.0, (4000,)), scipy.stats.gamma(4.0).cdf),
    ("gamma 40", lambda k: R.gamma(k, 40.0, (4000,)), scipy.stats.gamma(40.0).cdf),
    ("beta", lambda k: R.beta(k, 0.7, 2.0, (4000,)), scipy.stats.beta(0.7, 2.0).cdf),
    ("loggamma", lambda k: np.exp(R.loggamma(k, 0.5, (4000,))), scipy.stats.gamma(0.5).cdf),
])
def test_distribution_ks(name, f, cdf):
    assert _ks(f(R.PRNGKey(3)), cdf) > 1e-3


def test_discrete_distributions():
    k = R.PRNGKey(5)
    for lam in (0.7, 6.0, 25.0, 300.0):
        x = np.asarray(R.poisson(k, lam, (20000,)))
        assert x.dtype == np.int64
        assert abs(x.mean() - lam) < 4 * np.sqrt(lam / 20000)
        assert abs(x.var() / lam - 1) < 0.06
    x = np.asarray(R.poisson(k, 6.0, (20000,)))
    freq = np.bincount(x, minlength=30)[:15] / 20000
    np.testing.assert_allclose(freq, scipy.stats.poisson(6.0).pmf(np.arange(15)), atol=0.01)
    p = np.array([0.1, 0.2, 0.7])
    c = np.asarray(R.categorical(k, np.log(p), shape=(20000,)))
    np.testing.assert_allclose(np.bincount(c) / 20000, p, atol=0.01)
    ch = np.asarray(R.choice(k, 3, (20000,), p=p))
    np.testing.assert_allclose(np.bincount(ch) / 20000, p, atol=0.01)
    nr = np.asarray(R.choice(k, 5, (5,), replace=False, p=np.full(5, 0.2)))
    assert sorted(nr.tolist()) == list(range(5))
    b = np.asarray(R.bernoulli(k, 0.3, (20000,)))
    assert abs(b.mean() - 0.3) < 0.01
    ri = np.asarray(R.randint(k, (20000,), 3, 8))
    assert ri.min() == 3 and ri.max() == 7
    d = np.asarray(R.dirichlet(k, np.array([1.0, 2.0, 3.0]), (20000,)))
    np.testing.assert_allclose(d.sum(-1), 1.0, rtol=1e-12)
    np.testing.assert_allclose(d.mean(0), [1 / 6, 2 / 6, 3 / 6], atol=0.01)
    cov = np.array([[2.0, 0.5], [0.5, 1.0]])
    for method in ("cholesky", "eigh", "svd"):
        m = np.asarray(R.multivariate_normal(k, np.array([1.0, -1.0]), cov, (20000,),
                                             method=method))
        np.testing.assert_allclose(np.cov(m.T), cov, atol=0.08)
    perm = np.asarray(R.permutation(k, 5000))
    assert sorted(perm.tolist()) == list(range(5000))


# ------------------------------------------------------------------ errors

@pytest.mark.parametrize("call,exc,words", [
    (lambda: R.normal(np.zeros(3, np.uint32)), ValueError, ["normal", "key", "(2,)"]),
    (lambda: R.uniform(R.split(KEY, 4)), ValueError, ["uniform", "key", "vmap"]),
    (lambda: R.split(np.zeros(2, np.float32)), TypeError, ["split", "key", "uint32"]),
    (lambda: R.bits(0), TypeError, ["bits", "key"]),
    (lambda: R.uniform(KEY, (2,), np.int32), TypeError, ["uniform", "dtype"]),
    (lambda: R.normal(KEY, (2,), np.int64), TypeError, ["normal", "dtype"]),
    (lambda: R.randint(KEY, (2,), 0, 5, np.float32), TypeError, ["randint", "dtype"]),
    (lambda: R.bits(KEY, (2,), np.int32), TypeError, ["bits", "dtype"]),
    (lambda: R.gamma(KEY, np.array([1, 2])), TypeError, ["gamma", "`a`"]),
    (lambda: R.beta(KEY, 1.0, np.array([2])), TypeError, ["beta", "`b`"]),
    (lambda: R.dirichlet(KEY, np.array([1, 2])), TypeError, ["dirichlet", "alpha"]),
    (lambda: R.bernoulli(KEY, np.array([1])), TypeError, ["bernoulli", "`p`"]),
    (lambda: R.categorical(KEY, np.array([1, 2])), TypeError, ["categorical", "logits"]),
    (lambda: R.normal(KEY, (2, -1)), ValueError, ["normal", "shape"]),
    (lambda: R.uniform(KEY, (3,), np.float64, np.zeros(2)), ValueError, ["uniform", "shape"]),
    (lambda: R.PRNGKey(1.5), TypeError, ["PRNGKey", "seed"]),
    (lambda: R.PRNGKey(np.array([1, 2])), TypeError, ["PRNGKey", "seed"]),
    (lambda: R.fold_in(KEY, 1.5), TypeError, ["fold_in", "data"]),
    (lambda: R.permutation(KEY, -2), ValueError, ["permutation", "x"]),
    (lambda: R.permutation(KEY, np.zeros((2, 3)), axis=2), ValueError, ["permutation", "axis"]),
    (lambda: R.choice(KEY, 3, (5,), replace=False), ValueError, ["choice", "larger"]),
    (lambda: R.choice(KEY, 0), ValueError, ["choice", "`a`"]),
    (lambda: R.choice(KEY, 3, p=np.ones(4) / 4), ValueError, ["choice", "`p`"]),
    (lambda: R.multivariate_normal(KEY, np.zeros(2), np.eye(3)), ValueError,
     ["multivariate_normal", "cov"]),
    (lambda: R.multivariate_normal(KEY, np.zeros(2), np.eye(2), method="qr"), ValueError,
     ["multivariate_normal", "method"]),
    (lambda: R.key(0, impl="rbg"), ValueError, ["key", "impl"]),
    (lambda: R.poisson(KEY, 2.0, dtype=np.float32), TypeError, ["poisson", "dtype"]),
])
def test_errors_name_function_and_argument(call, exc, words):
    with pytest.raises(exc) as e:
        call()
    for w in words:
        assert w in str(e.value), (w, str(e.value))


# ------------------------------------------------------------------ the primitives

def test_prng_primitives_rules():
    u = np.array([3, 5, 250], dtype=np.uint8)
    v = np.array([6, 7, 9], dtype=np.uint8)
    np.testing.assert_array_equal(prng.bitwise_xor(u, v), u ^ v)
    np.testing.assert_array_equal(prng.rem(u, v), u % v)
    np.testing.assert_array_equal(prng.rem(np.int32([-7, 7]), np.int32([3, -3])), [-1, 1])
    x = np.array([[3.0, 1.0, 3.0, 0.5], [1.0, 1.0, 0.0, 2.0]])
    np.testing.assert_array_equal(prng.argsort(x, 1), np.argsort(x, 1, kind="stable"))
    # vmap (batch rules) against loops, with mixed batched/unbatched operands
    a = np.arange(12, dtype=np.uint32).reshape(3, 4)
    got = fl.vmap(lambda k1, x: prng.threefry2x32(k1, np.uint32(9), x, np.uint32(1)),
                  in_axes=(0, 1))(np.uint32([1, 2, 3, 4]), a)
    for i in range(4):
        want = prng.threefry2x32(np.uint32(i + 1), np.uint32(9), a[:, i], np.uint32(1))
        np.testing.assert_array_equal(got[0][i], want[0])
        np.testing.assert_array_equal(got[1][i], want[1])
    np.testing.assert_array_equal(fl.vmap(lambda r: prng.argsort(r, 0), in_axes=1)(x),
                                  np.argsort(x.T, 1, kind="stable"))
    np.testing.assert_array_equal(fl.vmap(prng.rem, in_axes=(0, None))(a, np.uint32(5)), a % 5)
    np.testing.assert_array_equal(fl.vmap(prng.bitwise_xor, in_axes=(1, None))(a, np.uint32(6)),
                                  (a ^ 6).T)
    # integer outputs: no tangent, no cotangent, under jit too
    def smallest(s):
        return fl.numpy.take_along_axis(s, prng.argsort(s, 0), 0)[0]
    s = np.array([2.0, 1.0, 3.0])
    np.testing.assert_array_equal(fl.grad(smallest)(s), [0.0, 1.0, 0.0])
    np.testing.assert_array_equal(fl.jit(fl.grad(smallest))(s), [0.0, 1.0, 0.0])
    with pytest.raises(TypeError, match="threefry2x32: argument key1 must be uint32"):
        prng.threefry2x32(np.int32(1), np.uint32(1), np.uint32(1), np.uint32(1))
    with pytest.raises(TypeError, match="xor"):
        prng.bitwise_xor(np.float32(1), np.float32(2))


def test_random_values_are_not_constant_folded():
    jaxpr = fl.make_jaxpr(lambda k: R.uniform(k, (3,)))(KEY)
    assert "threefry2x32" in str(jaxpr)
    assert prng.threefry2x32_p.no_fold


# ------------------------------------------------------------------ device backends


@pytest.mark.parametrize("name", list(SAMPLERS))
def test_same_values_on_the_device_backend(device, name):
    f = SAMPLERS[name]
    want = np.asarray(f(KEY))
    k = device.put(KEY)
    got = f(k)
    assert device.is_dev(got)
    np.testing.assert_array_equal(device.host(got), want)
    got_jit = fl.jit(f)(k)
    if name in FUSED_LOG1P:
        # jit fuses normal's erf_inv into one kernel whose log1p is the C library's;
        # NumPy's own (SIMD) log1p differs from it in the last bit now and then
        assert _ulps(device.host(got_jit), want).max() <= 2
    else:
        np.testing.assert_array_equal(device.host(got_jit), want)


FUSED_LOG1P = {"normal", "multivariate_normal"}


# ------------------------------------------------------------------ normal's last bits

def _ulps(a, b):
    it = np.int32 if a.dtype == np.float32 else np.int64
    return np.abs(a.view(it).astype(np.int64) - b.view(it).astype(np.int64))


@pytest.mark.parametrize("name", ["normal f32", "normal f64"])
def test_normal_within_one_ulp_of_jax_stored(name):
    # XLA's erf_inv polynomials are evaluated as XLA does (fused multiply-adds):
    # these 20 draws are JAX's bit for bit; 1 ulp allowed for log1p (_erf_inv.py)
    f, _ = CLOSE[name]
    got, want = np.asarray(f(R, KEY)), decode(EXPECTED[name])
    assert got.dtype == want.dtype and _ulps(got, want).max() <= 1


@pytest.mark.parametrize("dtype,min_exact,rtol", [(np.float32, 0.97, 1e-6),
                                                   (np.float64, 0.90, 1e-14)])
def test_normal_bits_live(jr, dtype, min_exact, rtol):
    got = np.asarray(R.normal(KEY, (50000,), dtype))
    want = np.asarray(jr.normal(jr.PRNGKey(7), (50000,), dtype))
    assert np.mean(_ulps(got, want) == 0) >= min_exact
    np.testing.assert_allclose(got, want, rtol=rtol, atol=0)
