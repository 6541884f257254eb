"""Matrix products and triangles: dot matmul diag tril triu (dot_general,
gather/scatter_add and a select with a constant mask).  einsum, tensordot,
inner, outer, vdot, trace, diagonal and linalg live in their own modules."""
import numpy as _np

from .. import primitives as P
from ..core.errors import ContractionShapeError
from ..core.trace import get_aval
from ._base import _arr, _namespace_of, _on_backend_of


def dot(a, b):
    x, y = _arr(a, "dot"), _arr(b, "dot")
    xn, yn = get_aval(x).ndim, get_aval(y).ndim
    if xn == 0 or yn == 0:
        return P.mul(x, y)
    rc = 0 if yn == 1 else yn - 2
    xs, ys = get_aval(x).shape, get_aval(y).shape
    if xs[-1] != ys[rc]:
        raise ContractionShapeError(f"dot: shapes {xs} and {ys} not aligned: {xs[-1]} "
                                    f"(dim {xn - 1}) != {ys[rc]} (dim {rc})")
    return P.dot_general(x, y, (((xn - 1,), (rc,)), ((), ())))


def matmul(a, b):
    x, y = _arr(a, "matmul"), _arr(b, "matmul")
    xs, ys = get_aval(x).shape, get_aval(y).shape
    if not xs or not ys:
        raise ValueError("matmul: input operand does not have enough dimensions "
                         "(0-d arrays are not allowed; use multiply)")
    if len(xs) == 1 or len(ys) == 1:
        if xs[-1] != ys[0 if len(ys) == 1 else -2]:
            raise ContractionShapeError(f"matmul: shapes {xs} and {ys} are not aligned "
                                        f"({xs[-1]} != {ys[0 if len(ys) == 1 else -2]})")
        if len(xs) <= 2 and len(ys) <= 2:
            return dot(x, y)
    x2 = x if len(xs) > 1 else P.reshape(x, (1,) + xs)
    y2 = y if len(ys) > 1 else P.reshape(y, ys + (1,))
    xs2, ys2 = get_aval(x2).shape, get_aval(y2).shape
    if xs2[-1] != ys2[-2]:
        raise ContractionShapeError(f"matmul: shapes {xs} and {ys} are not aligned "
                                    f"({xs2[-1]} != {ys2[-2]})")
    batch = _np.broadcast_shapes(xs2[:-2], ys2[:-2])
    x2 = P.broadcast_to(x2, batch + xs2[-2:])
    y2 = P.broadcast_to(y2, batch + ys2[-2:])
    nb = len(batch)
    out = P.dot_general(x2, y2, (((nb + 1,), (nb,)), (tuple(range(nb)), tuple(range(nb)))))
    if len(xs) == 1:
        out = P.reshape(out, get_aval(out).shape[:-2] + get_aval(out).shape[-1:])
    if len(ys) == 1:
        out = P.reshape(out, get_aval(out).shape[:-1])
    return out


def diag(v, k=0):
    x = _arr(v, "diag")
    shape = get_aval(x).shape
    k = int(k)
    if len(shape) == 1:
        n = shape[0]
        N = n + abs(k)
        i = _np.arange(n) + max(-k, 0)
        pos = i * N + i + k
        flat = P.scatter_add(_namespace_of(x).zeros(N * N, get_aval(x).dtype),
                             _on_backend_of(pos, x), x)
        return P.reshape(flat, (N, N))
    if len(shape) == 2:
        r, c = shape
        i = _np.arange(max(0, min(r + min(k, 0), c - max(k, 0))))
        pos = (i + max(-k, 0)) * c + i + max(k, 0)
        return P.gather(P.reshape(x, (r * c,)), _on_backend_of(pos, x))
    raise ValueError(f"diag: input must be 1-d or 2-d, got shape {shape}")


def _tri_mask(name, x, k, lower):
    shape = get_aval(x).shape
    if len(shape) < 2:
        raise ValueError(f"{name}: input must be at least 2-d, got shape {shape}")
    xp = _namespace_of(x)
    m = xp.tri(shape[-2], shape[-1], int(k) - (not lower), dtype=bool)  # made where x lives
    return m if lower else ~m


def tril(m, k=0):
    x = _arr(m, "tril")
    return P.select(_tri_mask("tril", x, k, True), x, P.full_like(x, 0))


def triu(m, k=0):
    x = _arr(m, "triu")
    return P.select(_tri_mask("triu", x, k, False), x, P.full_like(x, 0))
