"""``integer_pow``: ``x ** y`` for a static Python int ``y`` (JAX's ``lax.integer_pow``),
its C expression by repeated squaring, and the plan's square/out= kernels."""
import math

import numpy as np

from ..core.ir import ShapedArray
from ..core.trace import get_aval
from ..core.primitive import defprim
from . import _util as U
from .elementwise import mul, safe_mul

def _ipow_impl(xp, x, y):
    return xp.power(x, y) if y >= 0 else xp.power(x, float(y)).astype(x.dtype)


def _ipow_deriv(x, y):
    if y == 0:
        return U.zeros_like(x)
    if y == 1:
        return U.ones_like(x)
    return mul(np.array(y, dtype=get_aval(x).dtype)[()], integer_pow(x, y - 1))


def _ipow_jvp(primals, tangents, y):
    (x,), (t,) = primals, tangents
    out = integer_pow(x, y)
    return out, (None if t is None else mul(t, _ipow_deriv(x, y)))


def _ipow_c(e):
    """x**y by repeated squaring (helper statements via e.let); None past |y| = 64."""
    y, t = int(e.params["y"]), e.t
    if abs(y) > 64:
        return None
    if y == 0:
        return f"(({t})1)"
    n, base, acc = abs(y), e.args[0], None
    while True:
        if n & 1:
            acc = base if acc is None else e.let(f"{acc} * {base}")
        n >>= 1
        if not n:
            break
        base = e.let(f"{base} * {base}")
    return f"((({t})1) / {acc})" if y < 0 else acc


def _ipow_specialize(xp, in_avals, out_avals, y):
    # square is one multiply; a non-negative power can write into a buffer
    if y == 2:
        return xp.square, xp.square
    if y >= 0:
        power = xp.power
        return None, (lambda x, o: power(x, y, o))
    return None


def _ipow_bound(bounds, in_avals, out_avals, y):
    if bounds[0] == math.inf or y < 0:
        return None
    try:
        return bounds[0] ** y
    except OverflowError:
        return None


integer_pow_p = defprim(
    "integer_pow", impl=_ipow_impl,
    abstract=lambda x, y: ShapedArray(x.shape, x.dtype, x.weak_type),
    jvp=_ipow_jvp,
    vjp=lambda ct, ins, out, needs, y: (safe_mul(ct, _ipow_deriv(ins[0], y)),),
    batch=lambda vals, dims, y: (integer_pow(vals[0], y), dims[0]),
    saves="ins", torch_name="PowBackward0", c_expr=_ipow_c, fuse_dtypes="float",
    specialize=_ipow_specialize, bound=_ipow_bound)


def integer_pow(x, y):
    return x if y == 1 else integer_pow_p.bind(x, y=int(y))
