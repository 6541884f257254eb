"""The float32 log and sin/cos PyTorch's CPU ``randn`` uses for tensors of 16
or more elements (its vectorised Box-Muller path): the Cephes-style
polynomials of the AVX "mathfun" routines, evaluated here with NumPy in
float32, with the fused multiply-adds the compiled kernel performs.

Only used to reproduce PyTorch's random numbers bit for bit; an FMA is
emulated as one float64 multiply-add rounded to float32 (the product of
two float32 values is exact in float64).
"""
import numpy as np

_f = np.float32
_d = np.float64


def _fma(a, b, c):
    """float32 a * b + c with one rounding (to float64, then float32: exact
    product, and the sum's double rounding never showed in 10^6 draws)."""
    return (np.asarray(a, _d) * np.asarray(b, _d) + np.asarray(c, _d)).astype(_f)


_LOG_P = (7.0376836292E-2, -1.1514610310E-1, 1.1676998740E-1, -1.2420140846E-1,
          1.4249322787E-1, -1.6668057665E-1, 2.0000714765E-1, -2.4999993993E-1,
          3.3333331174E-1)


def log_f32(x):
    """Natural log of positive float32 ``x``: exponent split, a degree-8
    polynomial of the mantissa in [sqrt(1/2) - 1, sqrt(2) - 1]."""
    x = np.maximum(x, _f(1.17549435e-38))
    xi = x.view(np.int32)
    e = ((xi >> 23) - 0x7f).astype(_f) + _f(1)
    x = ((xi & ~np.int32(0x7f800000)) | _f(0.5).view(np.int32)).view(_f)
    small = x < _f(0.707106781186547524)
    tmp = np.where(small, x, _f(0))
    x = x - _f(1)
    e = e - np.where(small, _f(1), _f(0))
    x = x + tmp
    z = x * x
    y = np.full_like(x, _f(_LOG_P[0]))
    for p in _LOG_P[1:]:
        y = _fma(y, x, _f(p))
    y = y * x
    y = _fma(y, z, e * _f(-2.12194440e-4))
    y = _fma(z, _f(-0.5), y)
    return _fma(e, _f(0.693359375), x + y)


def sincos_f32(x):
    """(sin x, cos x) of float32 ``x``: reduction by multiples of pi/4 in
    three parts, then the sine and cosine polynomials, signs by octant."""
    sign_sin = x.view(np.int32) & np.int32(-0x80000000)
    x = np.abs(x)
    j = (x * _f(1.27323954473516)).astype(np.int32)
    j = (j + 1) & ~np.int32(1)
    y = j.astype(_f)
    swap = (j & 4) << 29
    poly = (j & 2) == 0
    x = _fma(y, _f(-0.78515625), x)
    x = _fma(y, _f(-2.4187564849853515625e-4), x)
    x = _fma(y, _f(-3.77489497744594108e-8), x)
    sign_cos = (~(j - 2) & 4) << 29
    sign_sin = sign_sin ^ swap
    z = x * x
    c = _fma(_f(2.443315711809948E-005), z, _f(-1.388731625493765E-003))
    c = _fma(c, z, _f(4.166664568298827E-002))
    c = c * z
    c = _fma(c, z, -(z * _f(0.5))) + _f(1)
    s = _fma(_f(-1.9515295891E-4), z, _f(8.3321608736E-3))
    s = _fma(s, z, _f(-1.6666654611E-1))
    s = _fma(s * z, x, x)
    sin = np.where(poly, s, c)
    cos = np.where(poly, c, s)
    return ((sin.view(np.int32) ^ sign_sin).view(_f),
            (cos.view(np.int32) ^ sign_cos).view(_f))
