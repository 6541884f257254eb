"""functorch_lite.scipy: special, stats, linalg, signal, table-driven.

Each Case calls one public function with sample arguments; the tests check it
against SciPy (float64, and float32 kept), second derivatives in forward and
reverse mode against finite differences (``check_grads``, in the arguments
``wrt``), vmap against a Python loop and jit against eager.  Specific
behaviours (NaN-safe gradients, errors, options) follow the table."""
import zlib

import numpy as np
import pytest
import scipy.linalg as SL
import scipy.signal as SG
import scipy.special as SS
import scipy.stats as ST

import functorch_lite as fl
import functorch_lite.numpy as fnp
from functorch_lite.scipy import linalg as L, signal as G, special as S, stats as T
from functorch_lite.test_util import check_grads


class Case:
    """f(*args) against ref(*args).  make(r) -> float64 args; wrt: indices
    differentiated (() for none); vmap_arg: the argument batched by the vmap
    check (None: skip); tol / tol32: forward rtol in float64 / float32."""

    def __init__(self, name, f, ref, make, wrt=(0,), vmap_arg=0, tol=1e-12, tol32=2e-5,
                 grad_tol=None, f32=True):
        self.name, self.f, self.ref, self.make = name, f, ref, make
        self.wrt, self.vmap_arg, self.tol, self.tol32 = wrt, vmap_arg, tol, tol32
        self.grad_tol, self.f32 = grad_tol, f32

    def args(self):
        r = np.random.default_rng(zlib.crc32(self.name.encode()))
        return tuple(np.asarray(a) for a in self.make(r))

    def __repr__(self):
        return self.name


def U(r, *s):
    return r.standard_normal(s)


def POS(r, *s):
    return r.uniform(0.5, 3.0, s)


def PROB(r, *s):
    return r.uniform(0.05, 0.95, s)


def AWAY(r, *s):
    return r.uniform(0.3, 2.0, s) * r.choice([-1.0, 1.0], s)


def SPD(r, n=3):
    a = r.standard_normal((n, n))
    return a @ a.T + n * np.eye(n)


def _mvn_ref(x, m, c):
    return ST.multivariate_normal.logpdf(x, m, c)


CASES = [
    # ----------------------------------------------------------- special
    Case("erf", S.erf, SS.erf, lambda r: (U(r, 5),)),
    Case("erfc", S.erfc, SS.erfc, lambda r: (U(r, 5) * 2,)),
    Case("erfinv", S.erfinv, SS.erfinv, lambda r: (PROB(r, 5) * 1.6 - 0.8,)),
    Case("ndtr", S.ndtr, SS.ndtr, lambda r: (U(r, 5) * 3,)),
    Case("ndtri", S.ndtri, SS.ndtri, lambda r: (PROB(r, 5),), tol=1e-10),
    Case("log_ndtr", S.log_ndtr, SS.log_ndtr, lambda r: (U(r, 5) * 4,)),
    Case("gammaln", S.gammaln, SS.gammaln, lambda r: (POS(r, 5),)),
    Case("digamma", S.digamma, SS.digamma, lambda r: (POS(r, 5),)),
    Case("polygamma", lambda x: S.polygamma(2, x), lambda x: SS.polygamma(2, x),
         lambda r: (POS(r, 5),)),
    Case("gamma", S.gamma, SS.gamma, lambda r: (POS(r, 5),)),
    Case("betaln", S.betaln, SS.betaln, lambda r: (POS(r, 4), POS(r, 4)), wrt=(0, 1),
         tol=1e-11),
    Case("xlogy", S.xlogy, SS.xlogy, lambda r: (U(r, 4), POS(r, 4)), wrt=(0, 1)),
    Case("xlog1py", S.xlog1py, SS.xlog1py, lambda r: (U(r, 4), POS(r, 4) - 0.4), wrt=(0, 1)),
    Case("expit", S.expit, SS.expit, lambda r: (U(r, 5) * 3,)),
    Case("logit", S.logit, SS.logit, lambda r: (PROB(r, 5),)),
    Case("log_expit", S.log_expit, SS.log_expit, lambda r: (U(r, 5) * 3,)),
    Case("entr", S.entr, SS.entr, lambda r: (POS(r, 5),)),
    Case("i0e", S.i0e, SS.i0e, lambda r: (AWAY(r, 5) * 2,)),
    Case("i1e", S.i1e, SS.i1e, lambda r: (AWAY(r, 5) * 2,)),
    Case("gammainc", S.gammainc, SS.gammainc, lambda r: (POS(r, 4), POS(r, 4) * 2), wrt=(1,)),
    Case("gammaincc", S.gammaincc, SS.gammaincc, lambda r: (POS(r, 4), POS(r, 4) * 2),
         wrt=(1,)),
    Case("betainc", S.betainc, SS.betainc, lambda r: (POS(r, 4), POS(r, 4), PROB(r, 4)),
         wrt=(2,)),
    Case("zeta", S.zeta, SS.zeta, lambda r: (r.uniform(1.5, 4, 4), POS(r, 4)), wrt=(1,)),
    Case("logsumexp", lambda a: S.logsumexp(a, axis=1), lambda a: SS.logsumexp(a, axis=1),
         lambda r: (U(r, 3, 4) * 3,)),
    Case("logsumexp-all-keepdims", lambda a: S.logsumexp(a, keepdims=True),
         lambda a: SS.logsumexp(a, keepdims=True), lambda r: (U(r, 3, 4),)),
    Case("logsumexp-b", lambda a, b: S.logsumexp(a, axis=0, b=b),
         lambda a, b: SS.logsumexp(a, axis=0, b=b), lambda r: (U(r, 3, 2), POS(r, 3, 2)),
         wrt=(0, 1)),
    Case("logsumexp-sign", lambda a, b: S.logsumexp(a, axis=(0, 1), b=b, return_sign=True),
         lambda a, b: SS.logsumexp(a, axis=(0, 1), b=b, return_sign=True),
         lambda r: (U(r, 2, 3), U(r, 2, 3)), wrt=(0, 1)),
    Case("softmax", lambda a: S.softmax(a, axis=1), lambda a: SS.softmax(a, axis=1),
         lambda r: (U(r, 2, 3),)),
    Case("log_softmax", S.log_softmax, SS.log_softmax, lambda r: (U(r, 2, 3),)),
    # ------------------------------------------------------------- stats
    Case("norm.logpdf", T.norm.logpdf, ST.norm.logpdf,
         lambda r: (U(r, 4), U(r, 4), POS(r, 4)), wrt=(0, 1, 2)),
    Case("norm.pdf", T.norm.pdf, ST.norm.pdf, lambda r: (U(r, 4), U(r, 4), POS(r, 4)),
         wrt=(0, 1, 2)),
    Case("norm.cdf", T.norm.cdf, ST.norm.cdf, lambda r: (U(r, 4), U(r, 4), POS(r, 4)),
         wrt=(0, 1, 2)),
    Case("norm.logcdf", T.norm.logcdf, ST.norm.logcdf,
         lambda r: (U(r, 4) * 3, U(r, 4), POS(r, 4)), wrt=(0, 1, 2)),
    Case("norm.sf", T.norm.sf, ST.norm.sf, lambda r: (U(r, 4), U(r, 4), POS(r, 4)),
         wrt=(0, 1, 2)),
    Case("norm.logsf", T.norm.logsf, ST.norm.logsf, lambda r: (U(r, 4), U(r, 4), POS(r, 4)),
         wrt=(0, 1, 2)),
    Case("norm.ppf", T.norm.ppf, ST.norm.ppf, lambda r: (PROB(r, 4), U(r, 4), POS(r, 4)),
         wrt=(0, 1, 2), tol=1e-10),
    Case("norm.isf", T.norm.isf, ST.norm.isf, lambda r: (PROB(r, 4), U(r, 4), POS(r, 4)),
         wrt=(0, 1, 2), tol=1e-10),
    Case("t.logpdf", T.t.logpdf, ST.t.logpdf,
         lambda r: (U(r, 4), POS(r, 4) * 2, U(r, 4), POS(r, 4)), wrt=(0, 1, 2, 3)),
    Case("t.pdf", T.t.pdf, ST.t.pdf, lambda r: (U(r, 4), POS(r, 4) * 2), wrt=(0, 1)),
    Case("beta.logpdf", T.beta.logpdf, ST.beta.logpdf,
         lambda r: (PROB(r, 4), POS(r, 4), POS(r, 4)), wrt=(0, 1, 2), tol=1e-11),
    Case("beta.pdf", T.beta.pdf, ST.beta.pdf,
         lambda r: (PROB(r, 4) * 2 + 1, POS(r, 4), POS(r, 4), np.full(4, 1.0),
                    np.full(4, 2.0)), wrt=(0, 1, 2, 3, 4), tol=1e-11),
    Case("gamma.logpdf", T.gamma.logpdf, ST.gamma.logpdf,
         lambda r: (POS(r, 4), POS(r, 4), np.full(4, 0.1), POS(r, 4)), wrt=(0, 1, 2, 3)),
    Case("gamma.pdf", T.gamma.pdf, ST.gamma.pdf, lambda r: (POS(r, 4), POS(r, 4)),
         wrt=(0, 1)),
    Case("gamma.cdf", T.gamma.cdf, ST.gamma.cdf,
         lambda r: (POS(r, 4), POS(r, 4), np.full(4, 0.1), POS(r, 4)), wrt=(0, 2, 3)),
    Case("gamma.logcdf", T.gamma.logcdf, ST.gamma.logcdf,
         lambda r: (np.array([-1.0, 0.5, 2.0, 9.0]), POS(r, 4)), wrt=(), vmap_arg=1),
    Case("gamma.sf", T.gamma.sf, ST.gamma.sf, lambda r: (POS(r, 4) * 3, POS(r, 4)), wrt=(0,)),
    Case("gamma.logsf", T.gamma.logsf, ST.gamma.logsf, lambda r: (POS(r, 4) * 3, POS(r, 4)),
         wrt=(0,)),
    Case("beta.cdf", T.beta.cdf, ST.beta.cdf,
         lambda r: (PROB(r, 4) * 2 + 1, POS(r, 4), POS(r, 4), np.full(4, 1.0), np.full(4, 2.0)),
         wrt=(0, 3, 4), tol=1e-11),
    Case("beta.logcdf", T.beta.logcdf, ST.beta.logcdf,
         lambda r: (np.array([-0.5, 0.2, 0.7, 1.5]), POS(r, 4), POS(r, 4)), wrt=(),
         vmap_arg=1, tol=1e-11),
    Case("beta.sf", T.beta.sf, ST.beta.sf, lambda r: (PROB(r, 4), POS(r, 4), POS(r, 4)),
         wrt=(0,), tol=1e-11),
    Case("beta.logsf", T.beta.logsf, ST.beta.logsf,
         lambda r: (PROB(r, 4), POS(r, 4), POS(r, 4)), wrt=(0,), tol=1e-11),
    Case("t.cdf", T.t.cdf, ST.t.cdf, lambda r: (AWAY(r, 4) * 2, POS(r, 4) * 2, U(r, 4),
                                                POS(r, 4)), wrt=(0, 2, 3), tol=1e-11),
    Case("t.sf", T.t.sf, ST.t.sf, lambda r: (AWAY(r, 4) * 2, POS(r, 4) * 2), wrt=(0,),
         tol=1e-11),
    Case("poisson.cdf", T.poisson.cdf, ST.poisson.cdf,
         lambda r: (np.array([-1.0, 0, 2.5, 6]), POS(r, 4)), wrt=(1,), vmap_arg=1),
    Case("poisson.logpmf", T.poisson.logpmf, ST.poisson.logpmf,
         lambda r: (np.array([0.0, 1, 3, 6]), POS(r, 4)), wrt=(1,), vmap_arg=1),
    Case("poisson.pmf", T.poisson.pmf, ST.poisson.pmf,
         lambda r: (np.array([0.0, 2, 3, 4]), POS(r, 4), np.array([0.0, 1, 0, 2])), wrt=(1,),
         vmap_arg=1),
    Case("bernoulli.logpmf", T.bernoulli.logpmf, ST.bernoulli.logpmf,
         lambda r: (np.array([0.0, 1, 1, 0]), PROB(r, 4)), wrt=(1,), vmap_arg=1),
    Case("bernoulli.pmf", T.bernoulli.pmf, ST.bernoulli.pmf,
         lambda r: (np.array([0.0, 1, 1, 0]), PROB(r, 4)), wrt=(1,), vmap_arg=1),
    Case("bernoulli.cdf", T.bernoulli.cdf, ST.bernoulli.cdf,
         lambda r: (np.array([-1.0, 0.5, 1, 0]), PROB(r, 4)), wrt=(1,), vmap_arg=1),
    Case("bernoulli.ppf", T.bernoulli.ppf, ST.bernoulli.ppf,
         lambda r: (PROB(r, 4), PROB(r, 4)), wrt=()),
    Case("dirichlet.logpdf", T.dirichlet.logpdf, ST.dirichlet.logpdf,
         lambda r: (np.array([0.2, 0.3, 0.5]), POS(r, 3)), wrt=(1,), vmap_arg=1),
    Case("dirichlet.pdf", T.dirichlet.pdf, ST.dirichlet.pdf,
         lambda r: (np.array([[0.2, 0.1], [0.3, 0.6], [0.5, 0.3]]), POS(r, 3)), wrt=(1,),
         vmap_arg=1),
    Case("multivariate_normal.logpdf", T.multivariate_normal.logpdf, _mvn_ref,
         lambda r: (U(r, 4, 3), U(r, 3), SPD(r)), wrt=(0, 1, 2), tol=1e-11),
    Case("multivariate_normal.pdf", T.multivariate_normal.pdf,
         lambda x, m, c: ST.multivariate_normal.pdf(x, m, c), lambda r: (U(r, 3), U(r, 3),
                                                                          SPD(r)),
         wrt=(0, 1, 2), tol=1e-11),
    # ------------------------------------------------------------ linalg
    Case("solve_triangular", lambda a, b: L.solve_triangular(a, b, lower=True),
         lambda a, b: SL.solve_triangular(a, b, lower=True),
         lambda r: (U(r, 3, 3) + 3 * np.eye(3), U(r, 3, 2)), wrt=(0, 1), tol=1e-10),
    Case("solve_triangular-upper-T-unit",
         lambda a, b: L.solve_triangular(a, b, trans="T", unit_diagonal=True),
         lambda a, b: SL.solve_triangular(a, b, trans="T", unit_diagonal=True),
         lambda r: (U(r, 3, 3) * 0.5, U(r, 3)), wrt=(0, 1), tol=1e-10),
    Case("cholesky", L.cholesky, SL.cholesky, lambda r: (SPD(r),), tol=1e-10),
    Case("cholesky-lower", lambda a: L.cholesky(a, lower=True),
         lambda a: SL.cholesky(a, lower=True), lambda r: (SPD(r),), tol=1e-10),
    Case("cho_solve", lambda a, b: L.cho_solve(L.cho_factor(a), b),
         lambda a, b: SL.cho_solve(SL.cho_factor(a), b), lambda r: (SPD(r), U(r, 3, 2)),
         wrt=(0, 1), tol=1e-10),
    Case("cho_solve-lower", lambda a, b: L.cho_solve(L.cho_factor(a, lower=True), b),
         lambda a, b: SL.cho_solve(SL.cho_factor(a, lower=True), b),
         lambda r: (SPD(r), U(r, 3)), wrt=(0, 1), tol=1e-10),
    Case("lu_factor", lambda a: L.lu_factor(a)[0], lambda a: SL.lu_factor(a)[0],
         lambda r: (U(r, 4, 4),), tol=1e-10),
    Case("lu_solve", lambda a, b: L.lu_solve(L.lu_factor(a), b),
         lambda a, b: SL.lu_solve(SL.lu_factor(a), b), lambda r: (U(r, 4, 4), U(r, 4, 2)),
         wrt=(0, 1), tol=1e-10),
    Case("lu_solve-T", lambda a, b: L.lu_solve(L.lu_factor(a), b, trans=1),
         lambda a, b: SL.lu_solve(SL.lu_factor(a), b, trans=1),
         lambda r: (U(r, 4, 4), U(r, 4)), wrt=(0, 1), tol=1e-10),
    Case("lu", lambda a: L.lu(a), lambda a: SL.lu(a), lambda r: (U(r, 3, 3),), tol=1e-10),
    Case("expm", L.expm, SL.expm, lambda r: (U(r, 3, 3) * 0.5,), tol=1e-10),
    Case("sqrtm", L.sqrtm, SL.sqrtm, lambda r: (SPD(r),), tol=1e-10),
    Case("block_diag", L.block_diag, SL.block_diag,
         lambda r: (U(r, 2, 2), U(r, 1, 3), U(r, 2)), wrt=(0, 1, 2), vmap_arg=None),
    # ------------------------------------------------------------ signal
    *[Case(f"{fn}-{mode}-{tag}", lambda a, v, _f=fn, _m=mode: getattr(G, _f)(a, v, mode=_m),
           lambda a, v, _f=fn, _m=mode: getattr(SG, _f)(a, v, mode=_m, method="direct"),
           lambda r, _s=shapes: (U(r, *_s[0]), U(r, *_s[1])), wrt=(0, 1), tol=1e-10)
      for fn in ("convolve", "correlate") for mode in ("full", "same", "valid")
      for tag, shapes in (("1d", ((6,), (3,))), ("2d", ((4, 3), (2, 2))),
                          ("1d-swap", ((3,), (5,))))],
]
IDS = [c.name for c in CASES]


def _leaves(x):
    return [np.asarray(v) for v in (x if isinstance(x, (tuple, list)) else (x,))]


def _close(got, want, rtol, what):
    got, want = _leaves(got), _leaves(want)
    assert len(got) == len(want), what
    for g, w in zip(got, want):
        assert g.shape == np.shape(w), (what, g.shape, np.shape(w))
        np.testing.assert_allclose(g, w, rtol=rtol, atol=rtol, err_msg=what)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_values_match_scipy_in_float64_and_float32(case):
    args = case.args()
    got = case.f(*args)
    _close(got, case.ref(*args), case.tol, case.name)
    for g in _leaves(got):
        assert g.dtype == np.float64 or g.dtype.kind in "biu", (case.name, g.dtype)
    a32 = [a.astype(np.float32) for a in args]
    got32 = case.f(*a32)
    for g in _leaves(got32):
        assert g.dtype == np.float32 or g.dtype.kind in "biu", (case.name, g.dtype)
    _close([g.astype(np.float64) for g in _leaves(got32)], case.ref(*args), case.tol32,
           case.name + " float32")


@pytest.mark.parametrize("case", [c for c in CASES if c.wrt], ids=[c.name for c in CASES
                                                                   if c.wrt])
def test_second_derivatives_forward_and_reverse(case):
    args = case.args()

    def g(*xs):
        full = list(args)
        for i, x in zip(case.wrt, xs):
            full[i] = x
        return case.f(*full)
    check_grads(g, [args[i] for i in case.wrt], order=2, modes=("fwd", "rev"),
                atol=case.grad_tol, rtol=case.grad_tol)


@pytest.mark.parametrize("case", [c for c in CASES if c.vmap_arg is not None],
                         ids=[c.name for c in CASES if c.vmap_arg is not None])
def test_vmap_matches_a_loop(case):
    args = case.args()
    i = case.vmap_arg
    lanes = [args[i] * (1.0 + 0.03 * k) for k in range(3)]
    axes = tuple(0 if j == i else None for j in range(len(args)))
    got = fl.vmap(case.f, in_axes=axes)(*[np.stack(lanes) if j == i else a
                                          for j, a in enumerate(args)])
    for k, lane in enumerate(lanes):
        want = case.f(*[lane if j == i else a for j, a in enumerate(args)])
        _close([o[k] for o in _leaves(got)], want, 1e-10, f"{case.name} lane {k}")


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_jit_matches_eager(case):
    args = case.args()
    _close(fl.jit(case.f)(*args), case.f(*args), 1e-12, case.name)


_VG = [c for c in CASES if c.wrt and c.vmap_arg is not None]


@pytest.mark.parametrize("case", _VG, ids=[c.name for c in _VG])
def test_jit_of_vmap_of_grad_matches_a_loop(case):
    args, i, w = case.args(), case.vmap_arg, case.wrt[0]

    def g(*a):
        return fl.grad(lambda v: fnp.sum(_first(case.f(*[v if j == w else a[j]
                                                          for j in range(len(a))]))))(a[w])
    lanes = [args[i] * (1.0 + 0.03 * k) for k in range(3)]
    axes = tuple(0 if j == i else None for j in range(len(args)))
    got = fl.jit(fl.vmap(g, in_axes=axes))(*[np.stack(lanes) if j == i else a
                                             for j, a in enumerate(args)])
    for k in range(3):
        want = g(*[lanes[k] if j == i else a for j, a in enumerate(args)])
        np.testing.assert_allclose(got[k], want, rtol=1e-10, atol=1e-12)


# ------------------------------------------------------------ special cases

def test_xlogy_is_zero_at_zero_with_jax_derivatives_made_nan_safe():
    x = np.array([0.0, 0.0, 2.0])
    y = np.array([0.0, 3.0, 0.5])
    np.testing.assert_array_equal(S.xlogy(x, y), SS.xlogy(x, y))
    gx, gy = fl.grad(lambda a, b: fnp.sum(S.xlogy(a, b)), argnums=(0, 1))(x, y)
    # JAX: d/dx = log(y) (so -inf at y = 0), d/dy = x / y (NaN at 0/0; here 0)
    np.testing.assert_array_equal(gx, [-np.inf, np.log(3.0), np.log(0.5)])
    np.testing.assert_array_equal(gy, [0.0, 0.0, 4.0])
    gy2 = fl.grad(lambda b: fnp.sum(S.xlog1py(np.zeros(2), b)))(np.array([-1.0, 1.0]))
    np.testing.assert_array_equal(gy2, [0.0, 0.0])
    assert S.xlogy(np.float32(0), np.float32(0)).dtype == np.float32


def _x64(jax):
    """JAX's 64-bit mode for one block only (the process-wide flag would change
    other test files' JAX oracles)."""
    ctx = getattr(jax, "enable_x64", None)
    if ctx is None:
        from jax.experimental import enable_x64 as ctx
    return ctx(True)


def test_xlogy_matches_jax():
    jax = pytest.importorskip("jax")
    jsp = pytest.importorskip("jax.scipy.special")
    x, y = np.array([0.0, 0.5, 2.0]), np.array([3.0, 1.5, 0.5])
    with _x64(jax):
        want = jax.grad(lambda a, b: jax.numpy.sum(jsp.xlogy(a, b)), argnums=(0, 1))(x, y)
    got = fl.grad(lambda a, b: fnp.sum(S.xlogy(a, b)), argnums=(0, 1))(x, y)
    for g, w in zip(got, want):
        np.testing.assert_allclose(g, np.asarray(w), rtol=1e-14)


def test_logsumexp_matches_jax_with_signs():
    jax = pytest.importorskip("jax")
    jsp = pytest.importorskip("jax.scipy.special")
    a = np.array([[1.0, 2.0, 3.0], [0.5, -1.0, 4.0]])
    b = np.array([[1.0, -2.0, 0.5], [0.0, 1.0, -1.0]])
    with _x64(jax):
        want = [np.asarray(w) for w in jsp.logsumexp(a, axis=1, b=b, return_sign=True)]
    got = S.logsumexp(a, axis=1, b=b, return_sign=True)
    for g, w in zip(got, want):
        np.testing.assert_allclose(g, np.asarray(w), rtol=1e-14)


def test_logsumexp_edge_values():
    # stored values (scipy 1.17): weights zero out the max, negative sums are NaN
    a = np.array([1000.0, 1.0, 0.0])
    np.testing.assert_allclose(S.logsumexp(a, b=np.array([0.0, 1.0, 1.0])),
                               np.log(np.e + 1.0), rtol=1e-15)
    assert np.isnan(S.logsumexp(np.array([1.0, 2.0]), b=np.array([1.0, -1.0])))
    v, s = S.logsumexp(np.array([1.0, 2.0]), b=np.array([1.0, -1.0]), return_sign=True)
    np.testing.assert_allclose(v, np.log(np.e ** 2 - np.e), rtol=1e-14)
    assert s == -1.0
    assert S.logsumexp(np.array([-np.inf, -np.inf])) == -np.inf
    g = fl.grad(lambda x: S.logsumexp(x))(np.array([-np.inf, 0.0]))
    np.testing.assert_array_equal(g, [0.0, 1.0])
    with pytest.raises(ValueError, match="logsumexp: axis"):
        S.logsumexp(np.ones((2, 2)), axis=2, b=np.ones((2, 2)))


def test_mnist_example_name():
    # what examples/mnist_classifier_fromscratch.py calls
    import functorch_lite.scipy as fsp
    x = np.random.default_rng(0).standard_normal((5, 10))
    np.testing.assert_allclose(fsp.special.logsumexp(x, axis=1, keepdims=True),
                               SS.logsumexp(x, axis=1, keepdims=True), rtol=1e-14)


def test_special_promotes_integers_and_keeps_float32():
    assert S.ndtr(np.array([0, 1])).dtype == np.float64
    assert S.zeta(np.array([2, 3]), 1).dtype == np.float64
    np.testing.assert_allclose(S.zeta(2.0), np.pi ** 2 / 6, rtol=1e-15)
    assert S.betaln(np.float32(2.0), 3).dtype == np.float32
    assert S.gamma(np.array([1.5], np.float32)).dtype == np.float32


def test_zeta_derivative_in_s_is_an_error_naming_zeta():
    with pytest.raises(NotImplementedError, match="zeta"):
        fl.grad(lambda s: S.zeta(s, 2.0))(3.0)
    with pytest.raises(NotImplementedError, match="zeta"):
        fl.jvp(lambda s: S.zeta(s, 2.0), (3.0,), (1.0,))


def test_i1e_derivative_at_zero_and_log_ndtr_far_tail():
    np.testing.assert_allclose(fl.grad(S.i1e)(0.0), 0.5)
    # d/dx log_ndtr(x) ~ -x for very negative x: no 0/0
    g = fl.grad(S.log_ndtr)(-40.0)
    np.testing.assert_allclose(g, 40.0249, rtol=1e-4)


def test_entr_outside_the_domain():
    x = np.array([-1.0, 0.0, np.nan, 2.0])
    np.testing.assert_array_equal(S.entr(x), SS.entr(x))
    g = fl.grad(lambda v: fnp.sum(S.entr(v)))(np.array([-1.0, 0.0, 2.0]))
    np.testing.assert_allclose(g, [0.0, 0.0, -np.log(2.0) - 1.0])


# ------------------------------------------------------------- stats extras

def test_stats_outside_the_support_and_bad_parameters():
    assert T.norm.logpdf(0.0, 0.0, -1.0) != T.norm.logpdf(0.0, 0.0, -1.0)     # NaN
    np.testing.assert_array_equal(T.beta.logpdf(np.array([-0.1, 1.2]), 2.0, 3.0),
                                  ST.beta.logpdf(np.array([-0.1, 1.2]), 2.0, 3.0))
    np.testing.assert_array_equal(T.poisson.logpmf(np.array([-1.0, 1.5]), 2.0),
                                  ST.poisson.logpmf(np.array([-1.0, 1.5]), 2.0))
    assert np.isnan(T.bernoulli.logpmf(1.0, 1.5))
    # gradients stay finite where the density is -inf
    g = fl.grad(lambda x: fnp.sum(fnp.exp(T.gamma.logpdf(x, 2.0))))(np.array([-1.0, 1.0]))
    assert np.all(np.isfinite(g))


def test_dirichlet_and_mvn_errors_name_the_function():
    with pytest.raises(ValueError, match="dirichlet.logpdf: x must have"):
        T.dirichlet.logpdf(np.array([0.5, 0.5]), np.ones(3))
    with pytest.raises(ValueError, match="multivariate_normal.logpdf: x's last axis"):
        T.multivariate_normal.logpdf(np.ones(2), np.zeros(3), np.eye(3))
    assert T.dirichlet.logpdf(np.array([0.5, 0.6]), np.ones(2)) == -np.inf


def test_mvn_scalar_and_diagonal_covariances():
    x, m = np.array([0.3, -0.2]), np.array([0.0, 1.0])
    np.testing.assert_allclose(T.multivariate_normal.logpdf(x, m, 2.0),
                               ST.multivariate_normal.logpdf(x, m, 2.0), rtol=1e-13)
    np.testing.assert_allclose(T.multivariate_normal.logpdf(x, m, np.array([2.0, 0.5])),
                               ST.multivariate_normal.logpdf(x, m, np.array([2.0, 0.5])),
                               rtol=1e-13)


# ------------------------------------------------------------ linalg extras

def test_linalg_batched_and_errors():
    r = np.random.default_rng(1)
    a = r.standard_normal((2, 3, 3)) + 3 * np.eye(3)
    b = r.standard_normal((2, 3, 2))
    lu, piv = L.lu_factor(a)
    for k in range(2):
        np.testing.assert_allclose(L.lu_solve((lu, piv), b)[k],
                                   SL.lu_solve(SL.lu_factor(a[k]), b[k]), rtol=1e-12)
        np.testing.assert_allclose(L.expm(a * 0.1)[k], SL.expm(a[k] * 0.1), rtol=1e-12)
    assert piv.dtype == np.int32
    with pytest.raises(ValueError, match="scipy.linalg.solve_triangular: a must be a square"):
        L.solve_triangular(np.ones((2, 3)), np.ones(2))
    with pytest.raises(ValueError, match="trans"):
        L.solve_triangular(np.eye(2), np.ones(2), trans=5)
    with pytest.raises(ValueError, match="block_diag: argument 0"):
        L.block_diag(np.ones((1, 1, 1)))
    with pytest.raises(ValueError, match="no real principal square root"):
        L.sqrtm(np.diag([-1.0, 1.0]))


# ------------------------------------------------------------ signal extras

def test_signal_3d_and_errors():
    r = np.random.default_rng(2)
    a, v = r.standard_normal((3, 4, 2)), r.standard_normal((2, 2, 2))
    for mode in ("full", "same", "valid"):
        np.testing.assert_allclose(G.convolve(a, v, mode), SG.convolve(a, v, mode),
                                   rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(G.correlate(a, v, mode), SG.correlate(a, v, mode),
                                   rtol=1e-12, atol=1e-12)
    with pytest.raises(ValueError, match="convolve: mode"):
        G.convolve(a, v, "wrap")
    with pytest.raises(ValueError, match="same number of dimensions"):
        G.convolve(np.ones(3), np.ones((2, 2)))
    with pytest.raises(ValueError, match="valid"):
        G.correlate(np.ones((3, 2)), np.ones((2, 3)), "valid")
    assert G.convolve(np.ones(3, np.float32), np.ones(2, np.float32)).dtype == np.float32


# ------------------------------------------------------------ device backend

from _device import device  # noqa: E402,F401  (fixture: the CuPy stand-in, and CuPy on a GPU)

_DEVICE_CASES = [c for c in CASES if c.name not in ("expm", "sqrtm")]


@pytest.mark.parametrize("case", _DEVICE_CASES, ids=[c.name for c in _DEVICE_CASES])
def test_on_the_device_backend_without_transfers(device, case):  # noqa: F811
    args = case.args()
    dev = [device.put(a) for a in args]
    with device.strict():           # no constant built on the host, no read-back
        got = case.f(*dev)
        if case.wrt:
            grads = fl.grad(lambda *xs: fnp.sum(_first(case.f(*xs))),
                            argnums=case.wrt)(*dev)
    for g, w in zip(fl.tree_util.tree_leaves(got), fl.tree_util.tree_leaves(case.f(*args))):
        np.testing.assert_allclose(device.host(g), w, rtol=1e-10, atol=1e-12)
    if case.wrt:
        want = fl.grad(lambda *xs: fnp.sum(_first(case.f(*xs))), argnums=case.wrt)(*args)
        for g, w in zip(grads, want):
            np.testing.assert_allclose(device.host(g), w, rtol=1e-10, atol=1e-12)


def _first(out):
    return out[0] if isinstance(out, (tuple, list)) else out


def test_expm_and_sqrtm_say_they_have_no_device_kernel(device):  # noqa: F811
    if device.kind != "fake":
        pytest.skip("checked on the stand-in")
    with pytest.raises(NotImplementedError, match="expm: no kernel"):
        L.expm(device.put(np.eye(2)))
