"""Small helpers of the decompositions' rules (primitives/linalg.py and matfun.py):
matrix products, transposes, diagonals, masks and identity-like constants, all
built from primitives and batched over leading dims, so rules using them nest."""
import numpy as np

from ..core.trace import get_aval
from . import _util as U

ew, shp = U.ew, U.shp


def _nd(x):
    return get_aval(x).ndim


def _dt(x):
    return get_aval(x).dtype


def _T(x):
    nd = _nd(x)
    return shp.transpose(x, tuple(range(nd - 2)) + (nd - 1, nd - 2))


def _mm(a, b):
    nb = _nd(a) - 2
    from .contractions import dot_general
    return dot_general(a, b, (((nb + 1,), (nb,)), (tuple(range(nb)), tuple(range(nb)))))


def _diag(m):
    """Diagonal of the last two (square) axes: a strided slice of the flattened matrix."""
    s = get_aval(m).shape
    n, lead = s[-1], s[:-2]
    flat = shp.reshape(m, lead + (n * n,))
    nb = len(lead)
    return shp.slice_(flat, (0,) * nb + (0,), lead + (n * n,), (1,) * nb + (n + 1,))


# Constant matrices (identity, triangular masks) are built from a value with
# full_like + pad/reshape/slice, so they live on that value's own backend and
# never pin a computation to the host.

def ones_vector(ref, n, dtype=None):
    """A length-n vector of ones on ref's backend (ref: any non-empty value)."""
    a = get_aval(ref)
    dtype = a.dtype if dtype is None else np.dtype(dtype)
    if a.size == 0:
        return np.ones((n,), dtype=dtype)
    one = shp.slice_(shp.reshape(ref, (a.size,)), (0,), (1,))
    one = ew.convert_element_type(ew.full_like(one, 1), dtype)
    return shp.broadcast_in_dim(one, (n,), (0,))


def eye_like(ref, n, dtype=None):
    """n x n identity on ref's backend: ones padded with n zeros between them."""
    v = ones_vector(ref, n, dtype)
    zero = np.zeros((), dtype=get_aval(v).dtype)[()]
    return shp.reshape(shp.pad(v, zero, ((0, 0, n),)), (n, n)) if n else \
        shp.reshape(v, (0, 0))


def tril_like(ref, n, k=0, dtype=None):
    """n x n mask with ones where j <= i + k (k = 0 or -1) on ref's backend.

    Skew trick: tile w (length 2n) n times and re-read it with row stride
    2n - 1, so entry (i, j) is w[(j - i) mod 2n]; w is 1 exactly where that
    offset means j - i <= k."""
    if n == 0:
        return shp.reshape(ones_vector(ref, 0, dtype), (0, 0))
    dt = get_aval(ref).dtype if dtype is None else np.dtype(dtype)
    zero = np.zeros((), dtype=dt)[()]
    w = shp.pad(ones_vector(ref, n - 1, dt), zero, ((n + 1, 0, 0),))    # offsets -(n-1)..-1
    if k == 0:
        w = ew.add(w, shp.pad(ones_vector(ref, 1, dt), zero, ((0, 2 * n - 1, 0),)))
    t = shp.reshape(shp.broadcast_in_dim(w, (n, 2 * n), (1,)), (2 * n * n,))
    t = shp.reshape(shp.slice_(t, (0,), (n * (2 * n - 1),)), (n, 2 * n - 1))
    return shp.slice_(t, (0, 0), (n, n))


def _mask(x, kind):
    """Constant (n, n) mask of x's dtype and backend (broadcasts over batch dims)."""
    n = get_aval(x).shape[-1]
    if kind == "strict_lower":
        return tril_like(x, n, -1)
    low = tril_like(x, n, 0)
    if kind == "tril_half":      # Phi: lower triangle, diagonal halved
        return ew.sub(low, ew.mul(eye_like(x, n), 0.5))
    if kind == "lower_twice":    # adjoint of "symmetrise from the lower triangle"
        return ew.sub(ew.mul(low, 2.0), eye_like(x, n))
    return low


def _sym_from_lower(x):
    """tril(x) + tril(x, -1)^T: the matrix NumPy actually sees."""
    low = ew.mul(x, _mask(x, "tril"))
    return ew.add(low, _T(ew.mul(x, _mask(x, "strict_lower"))))


def _to_lower(g):
    """Adjoint of _sym_from_lower for a symmetric cotangent g."""
    sym = ew.mul(ew.add(g, _T(g)), 0.5)
    return ew.mul(sym, _mask(g, "lower_twice"))


def _row(v):      # (..., k) -> (..., 1, k): scales columns when multiplied
    s = get_aval(v).shape
    return shp.reshape(v, s[:-1] + (1, s[-1]))


def _col(v):      # (..., k) -> (..., k, 1): scales rows
    s = get_aval(v).shape
    return shp.reshape(v, s + (1,))


def _safe_recip(d):
    """1/d, and 0 where d == 0 (degenerate eigen/singular values)."""
    z = ew.eq(d, 0.0)
    return ew.select(z, U.zeros_like(d), ew.div(1.0, ew.select(z, U.ones_like(d), d)))


def _gap_matrix(v):
    """F[..., i, j] = 1 / (v_j - v_i) off the diagonal, 0 where v_i == v_j."""
    s = get_aval(v).shape
    nb = len(s) - 1
    full = s + (s[-1],)
    lead = tuple(range(nb))
    vj = shp.broadcast_in_dim(v, full, lead + (nb + 1,))
    vi = shp.broadcast_in_dim(v, full, lead + (nb,))
    return _safe_recip(ew.sub(vj, vi))


def _eye_like(x, n=None):
    return eye_like(x, get_aval(x).shape[-1] if n is None else n)


def _diag_embed(v):
    return ew.mul(_row(v), _eye_like(v))


def _front_batch(prim, vals, dims, **params):
    size = U.batch_size(vals, dims)
    out = prim.bind(*[U.bdim_to_front(v, d, size) for v, d in zip(vals, dims)], **params)
    if prim.multiple_results:
        return out, [0] * len(out)
    return out, 0


def _check_float(name, a):
    if a.dtype.kind not in "fc":
        raise TypeError(f"{name}: needs a floating-point or complex matrix, got dtype "
                        f"{a.dtype} (shape {a.shape}); cast it with .astype(float)")


def _real_dt(a):
    return U.real_dtype(a.dtype)


def _check_square(name, a):
    _check_float(name, a)
    if a.ndim < 2 or a.shape[-1] != a.shape[-2]:
        raise ValueError(f"{name}: expected a square matrix or a stack of them, shape "
                         f"(..., n, n), got shape {a.shape}")
