"""Complex-number primitives: real, imag, conj, complex (x + i y).

Derivatives follow JAX's convention: a vjp is the transpose of the jvp for
the bilinear pairing <a, b> = Re(sum a * b) (no conjugation), so holomorphic
rules stay ``ct * f'(z)`` and ``grad`` of a real-valued function of ``z``
returns conj(df/dz) * 2 = df/dx - i df/dy, the form JAX and HIPS autograd return.
The Tensor facade turns this into PyTorch's convention (its conjugate) at its
edges (see facade/_engine.py).  The facade's ``real``/``imag`` are attributes
and ``conj`` returns a real tensor itself, so no ``facade`` trait here: the
facade binds them itself (facade/__init__.py).
"""
import numpy as np

from ..core.ir import ShapedArray
from ..core.primitive import defprim, Primitive
from . import _util as U
from . import elementwise as ew


def _complex_dtype(dt):
    dt = np.dtype(dt)
    if dt.kind == "c":
        return dt
    return np.dtype(np.complex64 if dt in (np.float32, np.float16) else np.complex128)


def _to_real_abstract(name):
    def abstract(x):
        if x.dtype.kind not in "biufc":
            raise TypeError(f"{name}: unsupported dtype {x.dtype} (shape {x.shape})")
        return ShapedArray(x.shape, U.real_dtype(x.dtype), x.weak_type)
    return abstract


def _as_complex(ct, like_dtype):
    return ew.convert_element_type(ct, np.dtype(like_dtype))


# real: jvp real(t); transpose: ct -> ct + 0j
real_p: Primitive = defprim(
    "real", impl=lambda xp, x: xp.real(x), abstract=_to_real_abstract("real"),
    jvp=lambda primals, tangents: (real(primals[0]),
                                   None if tangents[0] is None else real(tangents[0])),
    vjp=lambda ct, ins, out, needs: (_as_complex(ct, ins[0].dtype),),
    batch=lambda vals, dims: (real_p.bind(vals[0]), dims[0]), saves="shapes",
    torch_name="RealBackward0")


def _imag_vjp(ct, ins, out, needs):
    # <ct, Im t> = Re(-i ct t): the transpose is -i ct
    return (ew.mul(_as_complex(ct, ins[0].dtype), np.complex64(-1j).astype(ins[0].dtype)),)


imag_p: Primitive = defprim(
    "imag", impl=lambda xp, x: xp.imag(x), abstract=_to_real_abstract("imag"),
    jvp=lambda primals, tangents: (imag(primals[0]),
                                   None if tangents[0] is None else imag(tangents[0])),
    vjp=_imag_vjp, batch=lambda vals, dims: (imag_p.bind(vals[0]), dims[0]), saves="shapes",
    torch_name="ImagBackward0")


def _conj_abstract(x):
    if x.dtype.kind != "c":
        raise TypeError(f"conj: the primitive takes complex input, got {x.dtype} (shape "
                        f"{x.shape}); functorch_lite.numpy.conj returns real input unchanged")
    return ShapedArray(x.shape, x.dtype, x.weak_type)


conj_p: Primitive = defprim(
    "conj", impl=lambda xp, x: xp.conj(x), abstract=_conj_abstract,
    jvp=lambda primals, tangents: (conj(primals[0]),
                                   None if tangents[0] is None else conj(tangents[0])),
    vjp=lambda ct, ins, out, needs: (conj(ct),),
    batch=lambda vals, dims: (conj_p.bind(vals[0]), dims[0]), saves="nothing",
    torch_name="ConjBackward0")


def _complex_abstract(x, y):
    if x.dtype != y.dtype or x.dtype.kind != "f":
        raise TypeError(f"complex: needs two floating-point operands of one dtype, got "
                        f"{x.dtype} and {y.dtype}")
    try:
        shape = np.broadcast_shapes(x.shape, y.shape)
    except ValueError:
        raise ValueError(f"complex: shapes {x.shape} and {y.shape} do not broadcast") from None
    return ShapedArray(shape, _complex_dtype(x.dtype), x.weak_type and y.weak_type)


def _complex_impl(xp, x, y):
    out = xp.asarray(x) + xp.asarray(y) * _complex_dtype(x.dtype).type(1j)
    return out.astype(_complex_dtype(x.dtype), copy=False)


def _complex_jvp(primals, tangents):
    x, y = primals
    tx, ty = tangents
    out = complex_(x, y)
    if tx is None and ty is None:
        return out, None
    tx = U.zeros_like(x) if tx is None else tx
    ty = U.zeros_like(y) if ty is None else ty
    t = complex_(tx, ty)
    return out, (t if t.shape == out.shape else U.shp.broadcast_to(t, out.shape))


def _complex_vjp(ct, ins, out, needs):
    # <ct, x + i y> = x Re(ct) - y Im(ct)
    x, y = ins
    cx = U.unbroadcast(real(ct), U.shape_of(x)) if needs[0] else None
    cy = U.unbroadcast(ew.neg(imag(ct)), U.shape_of(y)) if needs[1] else None
    return cx, cy


complex_p: Primitive = defprim(
    "complex", impl=_complex_impl, abstract=_complex_abstract, jvp=_complex_jvp,
    vjp=_complex_vjp,
    batch=lambda vals, dims: U.broadcasting_batch(complex_p, vals, dims),
    saves="shapes", torch_name="ComplexBackward0")


# ------------------------------------------------------------------ wrappers

def real(x):
    """Real part (real input: itself)."""
    return real_p.bind(x) if np.dtype(x.dtype).kind == "c" else x


def imag(x):
    """Imaginary part (real input: zeros of its dtype)."""
    return imag_p.bind(x) if np.dtype(x.dtype).kind == "c" else U.zeros_like(x)


def conj(x):
    """Complex conjugate (real input: itself, as NumPy)."""
    return conj_p.bind(x) if np.dtype(x.dtype).kind == "c" else x


def complex_(x, y):
    """x + i y from two real arrays (promoted to one floating dtype)."""
    x, y = U.promote(x, y)
    dt = np.dtype(x.dtype)
    if dt.kind != "f":
        f = np.dtype(np.float64)
        x, y = ew.convert_element_type(x, f), ew.convert_element_type(y, f)
    return complex_p.bind(x, y)


def to_complex(x):
    """x as its complex dtype (float32 -> complex64, others -> complex128)."""
    return ew.convert_element_type(x, _complex_dtype(x.dtype))
