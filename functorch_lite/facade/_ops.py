"""The namespace of all Tensor op functions (``O.add``, ``O.sum``, ``O.INPLACE``...),
which the package ``__init__`` installs as methods, operators and torch.* functions.

The ops live by family: ``_math`` (elementwise), ``_reduce`` (reductions),
``_linalg`` (contractions), ``_shape`` (shape/view ops), ``_inplace`` (the ``_``
forms); ``_oputil`` holds their shared helpers.  This module only gathers them
(the same function objects: no indirection per call).
"""
from ._inplace import (INPLACE, _ip, _rand_fill, copy_, fill_, normal_, t_,  # noqa: F401
                       uniform_, zero_)
from ._linalg import (_MM, _check_mm, _dot, bmm, dot, matmul, mm, mv,  # noqa: F401
                      rmatmul)
from ._math import (FACADE, _cmp, _cmpv, _logical, _select, abs, add,  # noqa: F401
                    and_, clamp, clamp_max, clamp_min, clip, cos, div, eq, exp, ge, gt,
                    invert, isfinite, isnan, le, log, logical_not, lt, maximum, minimum,
                    mul, ne, neg, or_, pow, rdiv, reciprocal, relu, round, rpow, rsqrt,
                    rsub, sigmoid, sign, sin, sqrt, square, sub, tanh, where, xor)
from ._oputil import _const, _dims, _out, _shape_args, _t, composite  # noqa: F401
from ._reduce import (_MaxMin, _count, _keepdim, amax, argmax, argmin,  # noqa: F401
                      cumprod, cumsum, max, mean, min, norm, prod, std, sum, var)
from ._shape import (_concat_p, _infer, _permute, _tile, cat, chunk,  # noqa: F401
                     concatenate, expand, expand_as, flatten, permute, repeat, reshape,
                     reshape_as, split, squeeze, stack, t, transpose, unsqueeze, view,
                     view_as)
