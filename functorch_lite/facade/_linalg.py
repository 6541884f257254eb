"""Contractions: mm, bmm, dot, mv, matmul (one dot_general node each; other
matmul ranks go through functorch_lite.numpy's matmul)."""
from ..primitives.contractions import dot_general_p
from ._dispatch import apply
from ._oputil import _t
from ._tensor import Tensor


def _check_mm(name, a, b):
    if not isinstance(b, Tensor):
        raise TypeError(f"{name}(): argument 'mat2' must be Tensor, not {type(b).__name__}")
    if a._v.dtype != b._v.dtype:
        raise RuntimeError(f"{name}: expected m1 and m2 to have the same dtype, but got: "
                           f"{a.dtype} != {b.dtype}")


def _dot(a, b, dn, name):
    return apply(dot_general_p, (a, b), {"dimension_numbers": dn}, name)


_MM = (((1,), (0,)), ((), ()))


def mm(self, mat2):
    _check_mm("mm", self, mat2)
    sa, sb = self._v.shape, mat2._v.shape
    if len(sa) != 2 or len(sb) != 2:
        raise RuntimeError(f"mm: expected 2-D tensors, got {len(sa)}-D and {len(sb)}-D")
    if sa[1] != sb[0]:
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({sa[0]}x{sa[1]} "
                           f"and {sb[0]}x{sb[1]})")
    return _dot(self, mat2, _MM, "MmBackward0")


def bmm(self, mat2):
    _check_mm("bmm", self, mat2)
    if self.ndim != 3 or mat2.ndim != 3 or self.shape[0] != mat2.shape[0] or \
            self.shape[2] != mat2.shape[1]:
        raise RuntimeError(f"bmm: shapes {list(self.shape)} and {list(mat2.shape)} do not "
                           f"match (expected [b, n, m] and [b, m, p])")
    return _dot(self, mat2, (((2,), (1,)), ((0,), (0,))), "BmmBackward0")


def dot(self, other):
    _check_mm("dot", self, other)
    if self.ndim != 1 or other.ndim != 1 or self.shape != other.shape:
        raise RuntimeError(f"dot: expected two 1-D tensors of the same size, got "
                           f"{list(self.shape)} and {list(other.shape)}")
    return _dot(self, other, (((0,), (0,)), ((), ())), "DotBackward0")


def mv(self, vec):
    _check_mm("mv", self, vec)
    return _dot(self, vec, _MM, "MvBackward0")


def matmul(self, other):
    other = _t(other)
    _check_mm("matmul", self, other)
    a, b = self.ndim, other.ndim
    if a == 2 and b == 2:
        return mm(self, other)
    if a == 1 and b == 1:
        return dot(self, other)
    if a == 2 and b == 1:
        return mv(self, other)
    if a == 3 and b == 3 and self.shape[0] == other.shape[0]:
        return bmm(self, other)
    from ._bridge import bridge
    from .. import numpy as fnp
    # PyTorch unsqueezes a 1-D first operand, multiplies, squeezes: its last node
    return bridge(fnp.matmul, "SqueezeBackward4" if a == 1 and b == 2 else
                  "UnsafeViewBackward0", self, other)


def rmatmul(self, other):
    return matmul(_t(other), self)
