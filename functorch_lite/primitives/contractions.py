"""dot_general: batched tensor contraction (matmul, dot, tensordot, einsum steps).

dimension_numbers = ((lhs_contract, rhs_contract), (lhs_batch, rhs_batch)).
Output axes: batch dims, then lhs free dims, then rhs free dims (JAX's layout).
"""
import numpy as np

from ..core.ir import ShapedArray
from ..core.trace import get_aval
from . import _util as U
from ..core.primitive import defprim

def _free(ndim, contract, batch):
    return [i for i in range(ndim) if i not in contract and i not in batch]


def _dot_impl(xp, x, y, dimension_numbers):
    (lc, rc), (lb, rb) = dimension_numbers
    if not lb:
        # common cases go straight to BLAS through matmul (transposed views, no copies)
        if x.ndim == 2 and y.ndim == 2 and len(lc) == 1:
            a = x if lc[0] == 1 else x.T
            b = y if rc[0] == 0 else y.T
            return xp.matmul(a, b)
        if len(lc) == 1 and x.ndim <= 2 and y.ndim <= 2:
            if x.ndim == 1 and y.ndim == 1:
                return xp.asarray(xp.dot(x, y))
            if x.ndim == 2 and y.ndim == 1:
                return xp.matmul(x if lc[0] == 1 else x.T, y)
            if x.ndim == 1 and y.ndim == 2:
                return xp.matmul(x, y if rc[0] == 0 else y.T)
    lf, rf = _free(x.ndim, lc, lb), _free(y.ndim, rc, rb)
    if not lc:
        # no contraction (outer products, e.g. per-example gradients under vmap):
        # one broadcasting multiply instead of a stack of 1x1 matmuls
        a = xp.transpose(x, list(lb) + lf)
        c = xp.transpose(y, list(rb) + rf)
        nb = len(lb)
        a = a.reshape(a.shape + (1,) * len(rf))
        c = c.reshape(c.shape[:nb] + (1,) * len(lf) + c.shape[nb:])
        return xp.multiply(a, c)
    bshape = [x.shape[i] for i in lb]
    m = int(np.prod([x.shape[i] for i in lf], dtype=np.int64))
    n = int(np.prod([y.shape[i] for i in rf], dtype=np.int64))
    k = int(np.prod([x.shape[i] for i in lc], dtype=np.int64))
    b = int(np.prod(bshape, dtype=np.int64))
    a = xp.transpose(x, list(lb) + lf + list(lc)).reshape(b, m, k)
    c = xp.transpose(y, list(rb) + list(rc) + rf).reshape(b, k, n)
    out = xp.matmul(a, c)
    return out.reshape(bshape + [x.shape[i] for i in lf] + [y.shape[i] for i in rf])


def _dot_abstract(x, y, dimension_numbers):
    (lc, rc), (lb, rb) = dimension_numbers
    if x.dtype != y.dtype:
        raise TypeError(f"dot_general: operands have different dtypes {x.dtype} and {y.dtype}")
    if len(lc) != len(rc) or len(lb) != len(rb):
        raise ValueError(f"dot_general: bad dimension_numbers {dimension_numbers}")
    for a, b in zip(lc, rc):
        if not (0 <= a < x.ndim and 0 <= b < y.ndim) or x.shape[a] != y.shape[b]:
            raise ValueError(f"dot_general: contracting dimension mismatch between shapes "
                             f"{x.shape} and {y.shape} (axes {tuple(lc)} vs {tuple(rc)})")
    for a, b in zip(lb, rb):
        if x.shape[a] != y.shape[b]:
            raise ValueError(f"dot_general: batch dimension mismatch between shapes "
                             f"{x.shape} and {y.shape}")
    lf, rf = _free(x.ndim, lc, lb), _free(y.ndim, rc, rb)
    shape = [x.shape[i] for i in lb] + [x.shape[i] for i in lf] + [y.shape[i] for i in rf]
    return ShapedArray(shape, x.dtype, x.weak_type and y.weak_type)


def _dot_jvp(primals, tangents, dimension_numbers):
    x, y = primals
    tx, ty = tangents
    out = dot_general(x, y, dimension_numbers)
    terms = []
    if tx is not None:
        terms.append(dot_general(tx, y, dimension_numbers))
    if ty is not None:
        terms.append(dot_general(x, ty, dimension_numbers))
    if not terms:
        return out, None
    return out, terms[0] if len(terms) == 1 else U.ew.add(terms[0], terms[1])


def _ranks(x, y, dimension_numbers):
    (lc, rc), (lb, rb) = dimension_numbers
    xa, ya = get_aval(x), get_aval(y)
    return list(lc), list(rc), list(lb), list(rb), _free(xa.ndim, lc, lb), _free(ya.ndim, rc, rb)


def _argsort(src):
    # a few axes: Python's sort beats a NumPy round trip on a list
    return tuple(sorted(range(len(src)), key=src.__getitem__))


def _dot_vjp(ct, ins, out, needs, dimension_numbers):
    x, y = ins
    lc, rc, lb, rb, lf, rf = _ranks(x, y, dimension_numbers)
    nb = len(lb)
    ct_batch = list(range(nb))
    ct_lf = list(range(nb, nb + len(lf)))
    ct_rf = list(range(nb + len(lf), nb + len(lf) + len(rf)))
    cx = cy = None
    if needs[0]:
        # ct . y over y's free dims -> [batch, lf, rc in y's order]
        r = dot_general(ct, y, ((ct_rf, rf), (ct_batch, rb)))
        src = lb + lf + [lc[rc.index(j)] for j in sorted(rc)]
        cx = U.shp.transpose(r, _argsort(src))
    if needs[1]:
        # x . ct over x's free dims -> [batch, lc in x's order, rf]
        r = dot_general(x, ct, ((lf, ct_lf), (lb, ct_batch)))
        src = rb + [rc[lc.index(i)] for i in sorted(lc)] + rf
        cy = U.shp.transpose(r, _argsort(src))
    return cx, cy


def _dot_batch(vals, dims, dimension_numbers):
    (x, y), (dx, dy) = vals, dims
    (lc, rc), (lb, rb) = dimension_numbers
    sh = lambda ds: tuple(d + 1 for d in ds)  # noqa: E731
    if dx is not None and dy is not None:
        x, y = U.moveaxis(x, dx, 0), U.moveaxis(y, dy, 0)
        dn = ((sh(lc), sh(rc)), ((0,) + sh(lb), (0,) + sh(rb)))
        return dot_general(x, y, dn), 0
    if dx is not None:
        x = U.moveaxis(x, dx, 0)
        dn = ((sh(lc), rc), (sh(lb), rb))
        return dot_general(x, y, dn), len(lb)
    y = U.moveaxis(y, dy, 0)
    dn = ((lc, sh(rc)), (lb, sh(rb)))
    xa = get_aval(x)
    return dot_general(x, y, dn), len(lb) + len(_free(xa.ndim, lc, lb))


# ------------------------------------------------- plan-time kernels (specialize)
# Chosen once from the static shapes when jit compiles its plan, so the plan
# calls matmul on transposed views (no copies) where the generic impl would
# inspect the shapes on every call.

def _matmul_out_kernel(xp, params, in_avals):
    """out= kernel for the plain 2-D dot_general cases, else None."""
    (lc, rc), (lb, rb) = params["dimension_numbers"]
    if lb or len(lc) != 1 or len(in_avals) != 2:
        return None
    xa, ya = in_avals
    if xa.ndim != 2 or ya.ndim != 2:
        return None
    mm = xp.matmul
    tx, ty = lc[0] == 0, rc[0] == 1
    if not tx and not ty:
        return mm
    if tx and not ty:
        return lambda x, y, o: mm(x.T, y, o)
    if ty and not tx:
        return lambda x, y, o: mm(x, y.T, o)
    return lambda x, y, o: mm(x.T, y.T, o)


def _outer_kernels(xp, params, in_avals):
    """dot_general without contraction (outer / per-batch scaled products, as vmap
    of a gradient makes): a broadcasting multiply instead of a k=1 matmul."""
    (lc, rc), (lb, rb) = params["dimension_numbers"]
    if lc or len(in_avals) != 2:
        return None, None
    xa, ya = in_avals
    lf = [i for i in range(xa.ndim) if i not in lb]
    rf = [i for i in range(ya.ndim) if i not in rb]
    bshape = [xa.shape[i] for i in lb]
    px, py = tuple(lb) + tuple(lf), tuple(rb) + tuple(rf)
    sx = tuple(bshape + [xa.shape[i] for i in lf] + [1] * len(rf))
    sy = tuple(bshape + [1] * len(lf) + [ya.shape[i] for i in rf])
    idx, idy = px == tuple(range(xa.ndim)), py == tuple(range(ya.ndim))
    mul, tr = xp.multiply, xp.transpose
    if idx and idy and sx == xa.shape:      # the common vmap-of-grad case: x * y[:, None]
        if sy == ya.shape:
            return mul, mul
        return (lambda x, y: mul(x, y.reshape(sy))), (lambda x, y, o: mul(x, y.reshape(sy), o))

    def prep(x, y):
        x = x if idx else tr(x, px)
        y = y if idy else tr(y, py)
        return x.reshape(sx), y.reshape(sy)

    def kern(x, y):
        a, b = prep(x, y)
        return mul(a, b)

    def okern(x, y, o):
        a, b = prep(x, y)
        return mul(a, b, o)
    return kern, okern


def _squeezed_dot_kernel(xp, params, in_avals, out_aval):
    """dot_general with one contraction and no batch dims whose operands are
    matrices or vectors once their size-1 axes are dropped (vmap and jacobians
    make such shapes): reshape views + one matmul with transposed views, instead
    of the general path's copies."""
    (lc, rc), (lb, rb) = params["dimension_numbers"]
    if lb or len(lc) != 1 or len(in_avals) != 2:
        return None
    xa, ya = in_avals
    xs = [i for i in range(xa.ndim) if xa.shape[i] != 1 or i == lc[0]]
    ys = [i for i in range(ya.ndim) if ya.shape[i] != 1 or i == rc[0]]
    if len(xs) > 2 or len(ys) > 2:
        return None
    sx, sy = tuple(xa.shape[i] for i in xs), tuple(ya.shape[i] for i in ys)
    tx = len(xs) == 2 and xs.index(lc[0]) == 0       # x needs .T to be (m, k)
    ty = len(ys) == 2 and ys.index(rc[0]) == 1       # y needs .T to be (k, n)
    mm, out_shape = xp.matmul, out_aval.shape
    if len(xs) == 1 and len(ys) == 1:
        return None                                   # a dot product: leave it to the impl

    def kern(x, y):
        x = x.reshape(sx)
        y = y.reshape(sy)
        return mm(x.T if tx else x, y.T if ty else y).reshape(out_shape)
    return kern


def _plain_dot_kernel(xp, params, in_avals):
    """matmul for the 2-D x 2-D / 2-D x 1-D / 1-D x 2-D cases (no batch dims)."""
    (lc, rc), (lb, rb) = params["dimension_numbers"]
    if lb or len(lc) != 1 or len(in_avals) != 2:
        return None
    xa, ya = in_avals
    mm = xp.matmul
    if xa.ndim == 2 and ya.ndim == 2:
        tx, ty = lc[0] == 0, rc[0] == 1
        if not tx and not ty:
            return mm
        if tx and not ty:
            return lambda x, y: mm(x.T, y)
        if ty and not tx:
            return lambda x, y: mm(x, y.T)
        return lambda x, y: mm(x.T, y.T)
    if xa.ndim == 2 and ya.ndim == 1:
        return mm if lc[0] == 1 else (lambda x, y: mm(x.T, y))
    if xa.ndim == 1 and ya.ndim == 2:
        return mm if rc[0] == 0 else (lambda x, y: mm(x, y.T))
    return None


def _dot_specialize(xp, in_avals, out_avals, dimension_numbers):
    params = {"dimension_numbers": dimension_numbers}
    outer, outer_out = _outer_kernels(xp, params, in_avals)
    kern = (_plain_dot_kernel(xp, params, in_avals) or outer
            or _squeezed_dot_kernel(xp, params, in_avals, out_avals[0]))
    out_kern = _matmul_out_kernel(xp, params, in_avals) or outer_out
    return kern, out_kern


def _dot_bound(bounds, in_avals, out_avals, dimension_numbers):
    if bounds[0] == float("inf") or bounds[1] == float("inf"):
        return None
    k = 1
    for i in dimension_numbers[0][0]:
        k *= in_avals[0].shape[i]
    return bounds[0] * bounds[1] * k


def _dot_rowscale(in_avals, out_aval, dimension_numbers):
    """k when the product is out[b, f] = operand[1-k][b, f] * operand[k][b]: no
    contraction, the batch dims leading on both sides in order, and operand k
    holding only batch dims (one product per element: exactly the multiply)."""
    (lc, rc), (lb, rb) = dimension_numbers
    if lc or rc or len(in_avals) != 2:
        return None
    nb = len(lb)
    if tuple(lb) != tuple(range(nb)) or tuple(rb) != tuple(range(nb)):
        return None
    xa, ya = in_avals
    if not (xa.dtype == ya.dtype == out_aval.dtype):
        return None
    if ya.ndim == nb and tuple(xa.shape) == tuple(out_aval.shape):
        return 1
    if xa.ndim == nb and tuple(ya.shape) == tuple(out_aval.shape):
        return 0
    return None


dot_general_p = defprim("dot_general", impl=_dot_impl, abstract=_dot_abstract, jvp=_dot_jvp,
                        vjp=_dot_vjp, batch=_dot_batch, saves="ins", torch_name="MmBackward0",
                        specialize=_dot_specialize, bound=_dot_bound,
                        fuse_rowscale=_dot_rowscale)


def dot_general(x, y, dimension_numbers):
    (lc, rc), (lb, rb) = dimension_numbers
    dn = ((tuple(lc), tuple(rc)), (tuple(lb), tuple(rb)))
    x, y = U.promote(x, y)
    return dot_general_p.bind(x, y, dimension_numbers=dn)
