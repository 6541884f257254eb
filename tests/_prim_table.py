"""The primitive table: every registered primitive has one or more rows here.

A row states how to call the primitive (sample inputs inside its domain,
params), its NumPy/SciPy reference and which checks apply.  One set of tests
reads it (tests/test_primitive_registry.py): forward against the reference
(float64, float32 kept, integer and complex inputs where the row says so),
derivatives against central finite differences (``check_grads``, forward and
reverse mode, to ``order``; order 0 means "the derivative is zero": jvp and vjp
give exact zeros), vmap against a Python loop, jit against eager, and the
facade (``torch.<name>``) where the primitive declares ``facade`` names.
tests/test_device_backend.py runs every row on the device backend too (forward,
vjp, jvp, jit and vmap against the host's).

Adding a primitive = one ``Row(...)`` below.  Primitives whose rules transform
sub-jaxprs (``higher_order``) or that live in the facade get a ``Covered`` row
naming the tests that check them and why they are not table-driven.

Inputs avoid the points where a function is not differentiable (abs and sign
at 0, max ties, floor at integers, poles), so finite differences mean something.
"""
import zlib

import numpy as np
import scipy.linalg
import scipy.special

from functorch_lite.primitives import (contractions, cumulative, elementwise as E, indexing,
                                       linalg, math_more as M, reductions, shape, special)
from functorch_lite.primitives import matfun
from functorch_lite.primitives import ipow as IP
from functorch_lite.control import _policies


# ------------------------------------------------------------------ domains
# each takes a Generator and a shape and returns float64 samples

def U(r, *s):
    return r.standard_normal(s)


def POS(r, *s):                 # log, sqrt, lgamma: (0.5, 2)
    return r.uniform(0.5, 2.0, s)


def AWAY(r, *s):                # |x| in (0.3, 2): abs, sign, divisors
    return r.uniform(0.3, 2.0, s) * r.choice([-1.0, 1.0], s)


def SMALL(r, *s):               # asin, acos, erf_inv: inside (-1, 1), away from the ends
    return r.uniform(-0.7, 0.7, s)


def FRAC(r, *s):                # floor, ceil, round: away from integers and half-integers
    return r.integers(-3, 3, s) + 0.5 + r.uniform(-0.2, 0.2, s) + 0.05


def NEG_FRAC(r, *s):            # lgamma / digamma left of 0, away from the poles
    return -r.integers(0, 3, s) - 0.5 + r.uniform(-0.3, 0.3, s)


def SPD(r, n=3):
    a = r.standard_normal((n, n))
    return a @ a.T + n * np.eye(n)


def DISTINCT_SYM(r, n=3):       # well separated eigenvalues: eigh is differentiable
    q, _ = np.linalg.qr(r.standard_normal((n, n)))
    return (q * np.arange(1.0, n + 1)) @ q.T


IDX = np.array([0, 4, 2, 2])    # repeated index: scatter_add must sum


# ------------------------------------------------------------------ rows

class Row:
    """prim.bind(*args, **params) compared with ref(*args, **params).

    make(r) -> args: float64 inputs (plus index/bool operands) for Generator r;
    order: derivative order checked in the float arguments (0: the derivative is
           zero everywhere it exists);
    ints / complex: also run forward on integer / complex inputs (derivatives are
           checked on real inputs only: check_grads compares real parts);
    f32: float32 inputs give float32 outputs;
    tol / grad_tol: forward rtol / check_grads tolerance (None: its default);
    wrt: the argument indices differentiated (None: every float argument);
    host_only: why the row cannot run on a device backend (None: it must)."""

    def __init__(self, prim, make, params=None, ref=None, *, order=2, ints=False,
                 complex=False, f32=True, tol=1e-12, grad_tol=None, label="", wrt=None,
                 host_only=None):
        self.prim, self.make, self.params, self.ref = prim, make, dict(params or {}), ref
        self.order, self.ints, self.complex, self.f32 = order, ints, complex, f32
        self.tol, self.grad_tol = tol, grad_tol
        self.wrt, self.host_only = wrt, host_only
        self.name = prim.name + (f"[{label}]" if label else "")

    def args(self):
        # the same inputs on every call, different per row
        r = np.random.default_rng(zlib.crc32(self.name.encode()))
        return tuple(np.asarray(a) for a in self.make(r))

    def f(self, *args):
        return self.prim.bind(*args, **self.params)

    def expected(self, *args):
        return self.ref(*args, **self.params)

    def grad_args(self, args):
        if self.wrt is not None:
            return list(self.wrt)
        return [i for i, a in enumerate(args) if a.dtype.kind == "f"]

    def __repr__(self):
        return self.name


class Covered:
    """A primitive checked elsewhere, not by the table: where, and why."""

    def __init__(self, name, where, why):
        self.name, self.where, self.why = name, where, why

    def __repr__(self):
        return self.name


ROWS = []


def row(*a, **kw):
    ROWS.append(Row(*a, **kw))


def same(x, **_):
    return x


# ------------------------------------------------------------- elementwise
# unary: (primitive, domain, reference, integer inputs, complex inputs)
for _p, _dom, _ref, _ints, _cplx in [
        (E.neg_p, U, np.negative, True, True), (E.exp_p, U, np.exp, False, True),
        (E.log_p, POS, np.log, False, True), (E.sin_p, U, np.sin, False, True),
        (E.cos_p, U, np.cos, False, True), (E.tanh_p, U, np.tanh, False, True),
        (E.sqrt_p, POS, np.sqrt, False, True), (E.abs_p, AWAY, np.abs, True, False),
        (M.log1p_p, POS, np.log1p, False, True), (M.expm1_p, U, np.expm1, False, True),
        (M.tan_p, SMALL, np.tan, False, True), (M.asin_p, SMALL, np.arcsin, False, True),
        (M.acos_p, SMALL, np.arccos, False, True), (M.atan_p, U, np.arctan, False, True),
        (M.sinh_p, U, np.sinh, False, True), (M.cosh_p, U, np.cosh, False, True)]:
    row(_p, lambda r, _d=_dom: (_d(r, 3, 2),), ref=_ref, ints=_ints, complex=_cplx)
row(E.exp_p, lambda r: (U(r),), ref=np.exp, label="scalar")

for _p, _ref in [(E.sign_p, np.sign), (M.floor_p, np.floor), (M.ceil_p, np.ceil)]:
    row(_p, lambda r: (FRAC(r, 3, 2),), ref=_ref, order=0, ints=True)
row(M.round_p, lambda r: (FRAC(r, 3, 2),), {"decimals": 0},
    lambda x, decimals: np.round(x, decimals), order=0, ints=True, label="0")
row(M.round_p, lambda r: (FRAC(r, 3, 2) / 10,), {"decimals": 1},
    lambda x, decimals: np.round(x, decimals), order=0, label="1")

# binary: each once with equal shapes and once broadcasting
_BIN_SHAPES = {"same": ((3, 2), (3, 2)), "bcast": ((3, 2), (2,)),
               "outer": ((4, 1, 3), (2, 3)), "scalar": ((), (2, 3))}
for _p, (_d1, _d2), _ref, _ints, _cplx in [
        (E.add_p, (U, U), np.add, True, True), (E.sub_p, (U, U), np.subtract, True, True),
        (E.mul_p, (U, U), np.multiply, True, True), (E.div_p, (U, AWAY), np.divide, False, True),
        (E.pow_p, (POS, U), np.power, False, True), (E.max_p, (U, U), np.maximum, True, False),
        (E.min_p, (U, U), np.minimum, True, False),
        (E.mul_safe_p, (U, U), np.multiply, False, False),
        (M.atan2_p, (AWAY, AWAY), np.arctan2, False, False)]:
    for _lab, (_s1, _s2) in _BIN_SHAPES.items():
        row(_p, lambda r, _a=_d1, _b=_d2, _s=_s1, _t=_s2: (_a(r, *_s), _b(r, *_t)), ref=_ref,
            ints=_ints, complex=_cplx, label=_lab)

for _p, _ref in [(E.eq_p, np.equal), (E.ne_p, np.not_equal), (E.lt_p, np.less),
                 (E.le_p, np.less_equal), (E.gt_p, np.greater), (E.ge_p, np.greater_equal)]:
    # rounded inputs: some elements equal, so == and <= see ties
    row(_p, lambda r: (U(r, 3, 2).round(), U(r, 2).round()), ref=_ref, order=0, ints=True)

for _lab, (_s1, _s2) in _BIN_SHAPES.items():
    for _safe in (True, False):
        row(E.tanh_grad_p, lambda r, _s=_s1, _t=_s2: (U(r, *_s), U(r, *_t)), {"safe": _safe},
            lambda ct, o, safe: ct * (1 - o * o), label=f"{_lab}-{'safe' if _safe else 'plain'}")

row(IP.integer_pow_p, lambda r: (U(r, 3, 2),), {"y": 3}, lambda x, y: x ** y, ints=True,
    label="3")
row(IP.integer_pow_p, lambda r: (U(r, 3, 2),), {"y": 2}, lambda x, y: x ** y, label="2")
row(IP.integer_pow_p, lambda r: (AWAY(r, 3, 2),), {"y": -2}, lambda x, y: x ** float(y),
    label="-2")
row(E.select_p, lambda r: (U(r, 3, 2) > 0, U(r, 3, 2), U(r, 3, 2)), ref=np.where)
row(E.convert_element_type_p, lambda r: (U(r, 3, 2),), {"new_dtype": np.dtype(np.float32)},
    lambda x, new_dtype: x.astype(new_dtype), f32=False, ints=True, grad_tol=1e-3,
    tol=1e-6, label="f32")
row(E.convert_element_type_p, lambda r: (U(r, 3, 2).astype(np.float32),),
    {"new_dtype": np.dtype(np.float64)}, lambda x, new_dtype: x.astype(new_dtype), f32=False,
    label="f64")
row(E.stop_gradient_p, lambda r: (U(r, 3, 2),), ref=same, order=0)
# ad_checkpoint.checkpoint_name: an identity carrying a name for checkpoint policies
row(_policies.name_p, lambda r: (U(r, 3, 2),), dict(name="h"), ref=same)
row(E.full_like_p, lambda r: (U(r, 3, 2),), {"fill_value": 0.5},
    lambda x, fill_value: np.full_like(x, fill_value), order=0, ints=True)

# --------------------------------------------------------------- reductions
row(reductions.reduce_sum_p, lambda r: (U(r, 3, 2, 4),), {"axes": (1,)},
    lambda x, axes: np.sum(x, axis=axes), ints=True, label="1")
row(reductions.reduce_sum_p, lambda r: (U(r, 3, 2),), {"axes": (0, 1)},
    lambda x, axes: np.sum(x, axis=axes), label="all")
row(reductions.reduce_sum_p, lambda r: (U(r, 3, 2, 4),), {"axes": (0, 2)},
    lambda x, axes: np.sum(x, axis=axes), label="0,2")
row(reductions.reduce_max_p, lambda r: (U(r, 3, 2, 4),), {"axes": (0, 2)},
    lambda x, axes: np.max(x, axis=axes), ints=True, label="0,2")
row(reductions.reduce_max_p, lambda r: (U(r, 3, 2),), {"axes": (1,)},
    lambda x, axes: np.max(x, axis=axes), label="1")
row(cumulative.cumsum_p, lambda r: (U(r, 3, 4),), {"axis": 1, "reverse": False},
    lambda x, axis, reverse: np.cumsum(x, axis), ints=True, label="fwd")
row(cumulative.cumsum_p, lambda r: (U(r, 3, 4),), {"axis": 0, "reverse": True},
    lambda x, axis, reverse: np.flip(np.cumsum(np.flip(x, axis), axis), axis), label="rev")
row(cumulative.argmax_p, lambda r: (U(r, 3, 4),), {"axis": 1, "index_dtype": np.dtype(np.int64)},
    lambda x, axis, index_dtype: np.argmax(x, axis).astype(index_dtype), order=0, ints=True)


# -------------------------------------------------------------------- shape

def _np_pad(x, value, padding_config):
    """lax.pad with (low, high, interior) per axis, all non-negative."""
    for ax, (lo, hi, interior) in enumerate(padding_config):
        n = x.shape[ax]
        if interior and n > 1:
            x = np.insert(x, np.repeat(np.arange(1, n), interior), value, axis=ax)
        x = np.pad(x, [(lo, hi) if a == ax else (0, 0) for a in range(x.ndim)],
                   constant_values=value)
    return x


def _np_slice(x, start_indices, limit_indices, strides):
    return x[tuple(slice(a, b, s) for a, b, s in zip(start_indices, limit_indices, strides))]


def _np_dot_general(x, y, dimension_numbers):
    (lc, rc), (lb, rb) = dimension_numbers
    letters = iter("abcdefghijklmn")
    xl = [next(letters) for _ in range(x.ndim)]
    yl = [next(letters) for _ in range(y.ndim)]
    for a, b in list(zip(lc, rc)) + list(zip(lb, rb)):
        yl[b] = xl[a]
    out = [xl[i] for i in lb] + [xl[i] for i in range(x.ndim) if i not in lc + lb] + \
          [yl[i] for i in range(y.ndim) if i not in rc + rb]
    return np.einsum(f"{''.join(xl)},{''.join(yl)}->{''.join(out)}", x, y)


row(shape.broadcast_in_dim_p, lambda r: (U(r, 3),),
    {"shape": (2, 3), "broadcast_dimensions": (1,)},
    lambda x, shape, broadcast_dimensions: np.broadcast_to(x, shape), ints=True)
row(shape.broadcast_in_dim_p, lambda r: (U(r, 3, 1),),
    {"shape": (2, 3, 4), "broadcast_dimensions": (1, 2)},
    lambda x, shape, broadcast_dimensions: np.broadcast_to(x, shape), label="size1")
row(shape.reshape_p, lambda r: (U(r, 3, 4),), {"new_sizes": (2, 6)},
    lambda x, new_sizes: x.reshape(new_sizes), ints=True)
row(shape.transpose_p, lambda r: (U(r, 3, 4, 2),), {"permutation": (2, 0, 1)},
    lambda x, permutation: x.transpose(permutation), ints=True)
row(shape.slice_p, lambda r: (U(r, 5, 4),),
    {"start_indices": (1, 0), "limit_indices": (4, 4), "strides": (2, 1)}, _np_slice, ints=True)
row(shape.pad_p, lambda r: (U(r, 3, 2), U(r)), {"padding_config": ((1, 0, 1), (0, 2, 0))},
    _np_pad)
row(shape.pad_p, lambda r: (U(r, 2, 3), U(r)), {"padding_config": ((0, 1, 2), (2, 0, 0))},
    _np_pad, label="interior2")
row(shape.concatenate_p, lambda r: (U(r, 3, 2), U(r, 1, 2)), {"dimension": 0},
    lambda *xs, dimension: np.concatenate(xs, dimension), ints=True)
row(shape.concatenate_p, lambda r: (U(r, 2, 3), U(r, 2, 1), U(r, 2, 2)), {"dimension": 1},
    lambda *xs, dimension: np.concatenate(xs, dimension), label="three")
row(indexing.rev_p, lambda r: (U(r, 3, 4),), {"dimensions": (0,)},
    lambda x, dimensions: np.flip(x, dimensions), ints=True)
row(indexing.gather_p, lambda r: (U(r, 5, 3), IDX), ref=lambda x, i: x[i], ints=True)


def _np_scatter_add(x, i, u):
    out = x.copy()
    np.add.at(out, i, u)
    return out


row(indexing.scatter_add_p, lambda r: (U(r, 5, 3), IDX, U(r, 4, 3)), ref=_np_scatter_add)

# ------------------------------------------------------------ contractions
for _lab, (_sx, _sy, _dn) in {
        "mm": ((3, 4), (4, 2), (((1,), (0,)), ((), ()))),
        "tt": ((4, 3), (2, 4), (((0,), (1,)), ((), ()))),
        "batched": ((2, 3, 4), (2, 4, 5), (((2,), (1,)), ((0,), (0,)))),
        "nt": ((3, 4), (5, 4), (((1,), (1,)), ((), ()))),
        "mv": ((3, 4), (4,), (((1,), (0,)), ((), ()))),
        "vv": ((4,), (4,), (((0,), (0,)), ((), ()))),
        "two-contract": ((2, 3, 4), (3, 4, 5), (((1, 2), (0, 1)), ((), ()))),
        "batch-last": ((3, 2, 4), (4, 5, 2), (((2,), (0,)), ((1,), (2,)))),
        # size-1 axes (vmap and jacobians make them): jit plans one matmul on
        # reshaped views (contractions._squeezed_dot_kernel), incl. transposed and 1-D
        "squeezed-tt": ((20, 7), (5, 1, 20), (((0,), (2,)), ((), ()))),
        "squeezed-lead1": ((1, 6, 4), (4, 3), (((2,), (0,)), ((), ()))),
        "squeezed-vec": ((4,), (1, 4, 3), (((0,), (1,)), ((), ()))),
        "tt-m1": ((6, 1), (3, 6), (((0,), (1,)), ((), ()))),
        # no contraction: jit plans a broadcasting multiply (_outer_kernels)
        "outer": ((3,), (2,), (((), ()), ((), ()))),
        "batch-scale": ((5, 3), (5,), (((), ()), ((0,), (0,))))}.items():
    row(contractions.dot_general_p, lambda r, _a=_sx, _b=_sy: (U(r, *_a), U(r, *_b)),
        {"dimension_numbers": _dn}, _np_dot_general, ints=_lab == "mm", label=_lab)

# ------------------------------------------------------------------ linalg
row(linalg.solve_p, lambda r: (U(r, 3, 3) + 3 * np.eye(3), U(r, 3, 2)), ref=np.linalg.solve,
    tol=1e-10)
row(linalg.slogdet_p, lambda r: (U(r, 3, 3) + 3 * np.eye(3),),
    ref=lambda a: tuple(np.linalg.slogdet(a)), tol=1e-10)
row(linalg.cholesky_p, lambda r: (SPD(r),), ref=np.linalg.cholesky, tol=1e-10)
row(linalg.eigh_p, lambda r: (DISTINCT_SYM(r),), {"lower": True},
    lambda a, lower: tuple(np.linalg.eigh(a, "L" if lower else "U")), tol=1e-10)
row(linalg.qr_p, lambda r: (U(r, 4, 3),), ref=lambda a: tuple(np.linalg.qr(a)), tol=1e-10)
row(linalg.svd_p, lambda r: (U(r, 4, 3),),
    ref=lambda a: tuple(np.linalg.svd(a, full_matrices=False)), tol=1e-10)

# ---------------------------------------------------------------- special
S = scipy.special
row(special.erf_p, lambda r: (U(r, 3, 2),), ref=S.erf)
row(special.erf_inv_p, lambda r: (SMALL(r, 3, 2),), ref=S.erfinv)
row(special.lgamma_p, lambda r: (POS(r, 3, 2) * 2,), ref=S.gammaln)
row(special.lgamma_p, lambda r: (NEG_FRAC(r, 3, 2),), ref=S.gammaln, label="neg")
row(special.digamma_p, lambda r: (POS(r, 3, 2) * 2,), ref=S.psi)
row(special.polygamma_p, lambda r: (POS(r, 3, 2) * 2,), {"n": 1},
    lambda x, n: S.polygamma(n, x), label="1")
row(special.polygamma_p, lambda r: (POS(r, 3, 2) * 2,), {"n": 3},
    lambda x, n: S.polygamma(n, x), label="3")
row(special.erfc_p, lambda r: (U(r, 3, 2),), ref=S.erfc)
row(special.ndtri_p, lambda r: (r.uniform(0.05, 0.95, (3, 2)),), ref=S.ndtri, tol=1e-10)
row(special.log_ndtr_p, lambda r: (U(r, 3, 2) * 3,), ref=S.log_ndtr)
row(special.gamma_p, lambda r: (POS(r, 3, 2) * 2,), ref=S.gamma)
row(special.gamma_p, lambda r: (NEG_FRAC(r, 3, 2),), ref=S.gamma, label="neg")
row(special.i0e_p, lambda r: (AWAY(r, 3, 2) * 2,), ref=S.i0e)
row(special.i1e_p, lambda r: (AWAY(r, 3, 2) * 2,), ref=S.i1e)


def _np_lu(a):
    lu, piv = scipy.linalg.lu_factor(a)
    perm = np.arange(a.shape[-1])
    for k, p in enumerate(piv):
        perm[[k, p]] = perm[[p, k]]
    return lu, piv.astype(np.int32), perm.astype(np.int32)


row(matfun.lu_p, lambda r: (U(r, 4, 4),), ref=_np_lu, tol=1e-10)
_HOST = "its kernel is SciPy's (no CuPy kernel yet): it raises on a device backend"
row(matfun.expm_p, lambda r: (U(r, 3, 3) * 0.5,), ref=scipy.linalg.expm, tol=1e-10,
    host_only=_HOST)
row(matfun.sqrtm_p, lambda r: (SPD(r),), ref=scipy.linalg.sqrtm, tol=1e-10, host_only=_HOST)
row(special.zeta_p, lambda r: (r.uniform(1.5, 4.0, (3, 2)), POS(r, 2)), ref=S.zeta, wrt=(1,))
row(special.gammainc_p, lambda r: (POS(r, 3, 2) * 2, POS(r, 2) * 2), ref=S.gammainc, wrt=(1,))
row(special.gammaincc_p, lambda r: (POS(r, 3, 2) * 2, POS(r, 3, 2) * 2), ref=S.gammaincc,
    wrt=(1,))
row(special.betainc_p, lambda r: (POS(r, 3, 2) * 2, POS(r, 2) * 2, r.uniform(0.1, 0.9, (3, 2))),
    ref=S.betainc, wrt=(2,))

# numeric.py (issue 13): fmod's quotient x/y kept away from integers (trunc jumps there)
from functorch_lite.primitives import numeric as N  # noqa: E402
row(N.fmod_p, lambda r: (lambda y: (y * FRAC(r, 3, 2), y))(AWAY(r, 3, 2)), ref=np.fmod,
    tol=1e-12)
row(N.copysign_p, lambda r: (AWAY(r, 3, 2), AWAY(r, 2)), ref=np.copysign)
row(N.nextafter_p, lambda r: (U(r, 3, 2), U(r, 3, 2)), ref=np.nextafter)
row(N.asinh_p, lambda r: (U(r, 3, 2),), ref=np.arcsinh)
row(N.acosh_p, lambda r: (r.uniform(1.3, 3.0, (3, 2)),), ref=np.arccosh)
row(N.atanh_p, lambda r: (SMALL(r, 3, 2),), ref=np.arctanh)
row(N.cbrt_p, lambda r: (AWAY(r, 3, 2),), ref=np.cbrt)


# ---------------------------------------------------------------- complex
# complex inputs: check_grads pairs values with Re(sum(a * b)) (JAX's convention)
from functorch_lite.primitives import cplx as _C  # noqa: E402


def CPLX(r, *s):
    return r.standard_normal(s) + 1j * r.standard_normal(s)


for _p, _ref in [(_C.real_p, np.real), (_C.imag_p, np.imag), (_C.conj_p, np.conj)]:
    row(_p, lambda r: (CPLX(r, 3, 2),), ref=_ref, f32=False, wrt=[0])
row(_C.complex_p, lambda r: (U(r, 3, 2), U(r, 2)), ref=lambda x, y: x + 1j * y, f32=False)
row(E.abs_p, lambda r: (CPLX(r, 3, 2),), ref=np.abs, f32=False, wrt=[0], label="complex")


def CPOS(r, *s):                # right half plane, off the branch cuts of log/sqrt
    return r.uniform(0.5, 2.0, s) + 1j * r.uniform(-0.5, 0.5, s)


def CSMALL(r, *s):              # near 0: inside asin/acos/atan/tan's cut-free region
    return r.uniform(-0.6, 0.6, s) + 1j * r.uniform(-0.3, 0.3, s)


# derivatives at complex inputs (JAX's convention: holomorphic rules, ct * f'(z))
for _p, _dom, _ref in [
        (E.exp_p, CPLX, np.exp), (E.log_p, CPOS, np.log), (E.sin_p, CPLX, np.sin),
        (E.cos_p, CPLX, np.cos), (E.tanh_p, CSMALL, np.tanh), (E.sqrt_p, CPOS, np.sqrt),
        (M.log1p_p, CPOS, np.log1p), (M.expm1_p, CPLX, np.expm1), (M.tan_p, CSMALL, np.tan),
        (M.asin_p, CSMALL, np.arcsin), (M.acos_p, CSMALL, np.arccos),
        (M.atan_p, CSMALL, np.arctan), (M.sinh_p, CPLX, np.sinh), (M.cosh_p, CPLX, np.cosh)]:
    row(_p, lambda r, _d=_dom: (_d(r, 3, 2),), ref=_ref, f32=False, wrt=[0], label="complex")
for _p, (_d1, _d2), _ref in [(E.div_p, (CPLX, CPOS), np.divide),
                             (E.pow_p, (CPOS, CSMALL), np.power),
                             (E.sub_p, (CPLX, CPLX), np.subtract)]:
    row(_p, lambda r, _a=_d1, _b=_d2: (_a(r, 3, 2), _b(r, 2)), ref=_ref, f32=False,
        wrt=[0, 1], label="complex")
row(E.mul_p, lambda r: (CPLX(r, 3, 2), CPLX(r, 2)), ref=np.multiply, f32=False, wrt=[0, 1],
    label="complex")

# fft: each kind over one and two trailing axes (odd and even lengths)
def _hpd(r, n=3):                # complex Hermitian positive definite
    z = CPLX(r, n, n)
    return z @ z.conj().T + n * np.eye(n)


row(linalg.solve_p, lambda r: (CPLX(r, 3, 3) + 3 * np.eye(3), CPLX(r, 3, 2)),
    ref=np.linalg.solve, tol=1e-10, f32=False, wrt=[0, 1], label="complex")
row(linalg.slogdet_p, lambda r: (CPLX(r, 3, 3) + 3 * np.eye(3),),
    ref=lambda a: tuple(np.linalg.slogdet(a)), tol=1e-10, f32=False, wrt=[0],
    label="complex")
row(linalg.cholesky_p, lambda r: (_hpd(r),), ref=np.linalg.cholesky, tol=1e-10, f32=False,
    wrt=[0], label="complex")

from functorch_lite.primitives import fft as _F  # noqa: E402
for _k, _dom, _ref in [("fft", CPLX, np.fft.fftn), ("ifft", CPLX, np.fft.ifftn),
                       ("rfft", U, np.fft.rfftn)]:
    row(_F.fft_p, lambda r, _d=_dom: (_d(r, 3, 5),), {"fft_type": _k, "fft_lengths": (5,)},
        lambda x, fft_type, fft_lengths, _f=_ref: _f(x, axes=(-1,)), f32=False, wrt=[0],
        label=_k)
    row(_F.fft_p, lambda r, _d=_dom: (_d(r, 2, 3, 4),), {"fft_type": _k, "fft_lengths": (3, 4)},
        lambda x, fft_type, fft_lengths, _f=_ref: _f(x, axes=(-2, -1)), f32=False, wrt=[0],
        label=_k + "2")
row(_F.fft_p, lambda r: (CPLX(r, 3, 3),), {"fft_type": "irfft", "fft_lengths": (5,)},
    lambda x, fft_type, fft_lengths: np.fft.irfftn(x, s=fft_lengths, axes=(-1,)), f32=False,
    wrt=[0], label="irfft")
row(_F.fft_p, lambda r: (CPLX(r, 2, 3, 3),), {"fft_type": "irfft", "fft_lengths": (3, 4)},
    lambda x, fft_type, fft_lengths: np.fft.irfftn(x, s=fft_lengths, axes=(-2, -1)),
    f32=False, wrt=[0], label="irfft2")


# ------------------------------------------- primitives not driven by the table
COVERED = {c.name: c for c in [
    Covered("cond", "tests/test_lax.py", "higher-order: its rules transform the branch jaxprs, "
            "so inputs are functions, not arrays"),
    Covered("while", "tests/test_lax.py", "higher-order (body and condition jaxprs)"),
    Covered("while_rev_fwd", "tests/test_lax.py", "while's reverse-mode helper: recorded only "
            "by while's vjp"),
    Covered("while_rev_bwd", "tests/test_lax.py", "while's reverse-mode helper: recorded only "
            "by while's vjp"),
    Covered("scan", "tests/test_lax.py", "higher-order (body jaxpr)"),
    Covered("pjit", "tests/test_jit.py", "higher-order: jit's call primitive"),
    Covered("checkpoint", "tests/test_checkpoint.py", "higher-order: remat's call primitive"),
    Covered("custom_jvp_call", "tests/test_custom.py", "higher-order: carries the user's "
            "function and jvp rule"),
    Covered("custom_vjp_call", "tests/test_custom.py", "higher-order: carries the user's "
            "forward and backward"),
    Covered("device_copy", "tests/test_facade_device.py", "facade-only: records .to(device) "
            "on the tape; needs a device"),
    Covered("autograd_function", "tests/test_autograd.py", "facade-only: one primitive for "
            "every torch.autograd.Function; its vjp calls the user's backward"),
    Covered("backward_hook", "tests/test_module_backward_hooks.py", "facade-only: identity "
            "whose vjp calls nn's full backward hooks"),
    Covered("pure_callback", "tests/test_host_callbacks.py", "calls the user's host "
            "function: no derivative by design (JAX's ValueError); values, vmap_methods, "
            "jit and DCE checked there"),
    Covered("io_callback", "tests/test_host_callbacks.py", "an effect calling the user's "
            "host function: no derivative by design; kept by jit, lane by lane under vmap"),
    Covered("debug_callback", "tests/test_debug.py", "an effect with no outputs (fl.debug."
            "print): nothing to compare or differentiate; its prints are checked"),
    # fl.random's integer primitives (primitives/prng.py): uint/int inputs, no derivative
    Covered("threefry2x32", "tests/test_random.py", "uint32 hash with two outputs: checked "
            "bit for bit against JAX's threefry2x32_p and stored values, vmap vs loops"),
    Covered("xor", "tests/test_random.py", "integer-only (the table's rows are "
            "float): forward, vmap and no-tangent checks there"),
    Covered("rem", "tests/test_random.py", "integer-only: forward (C sign), vmap, randint's "
            "values against JAX"),
    Covered("eig", "tests/test_linalg_ext.py", "an eigenvector's phase is arbitrary, so finite "
            "differences of LAPACK's normalisation match no rule: values, vmap, jit and "
            "order-2 derivatives through eigenvalues and phase-invariant |v| are checked there"),
    Covered("qr_complete", "tests/test_linalg_ext.py", "no derivative by design (Q's extra "
            "columns are arbitrary; its rules refuse clearly): values, vmap, jit, the error"),
    Covered("argsort", "tests/test_random.py", "integer output: stable order vs NumPy, vmap, "
            "gradient through the gather it feeds"),
    Covered("and", "tests/test_numpy_sorting_sets.py", "integer-only: forward vs NumPy, "
            "vmap vs a loop, jit vs eager, no tangent"),
    Covered("or", "tests/test_numpy_sorting_sets.py", "integer-only: forward vs NumPy, "
            "vmap vs a loop, jit vs eager, no tangent"),
    Covered("not", "tests/test_numpy_sorting_sets.py", "integer-only: forward vs NumPy, "
            "vmap vs a loop, jit vs eager, no tangent"),
    Covered("shift_left", "tests/test_numpy_sorting_sets.py", "integer-only: forward vs NumPy, "
            "vmap vs a loop, jit vs eager, no tangent"),
    Covered("shift_right", "tests/test_numpy_sorting_sets.py", "integer-only: forward vs NumPy, "
            "vmap vs a loop, jit vs eager, no tangent"),
    Covered("idiv", "tests/test_numpy_issue13_bugs.py", "integer-only: exact floor division "
            "vs NumPy at 2**62, no tangent"),
    Covered("searchsorted", "tests/test_numpy_sorting_sets.py", "integer-only: forward vs NumPy, "
            "vmap vs a loop, jit vs eager, no tangent"),
]}

def rows_of(prim):
    return [r for r in ROWS if r.prim is prim]
