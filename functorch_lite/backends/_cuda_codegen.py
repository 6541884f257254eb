"""CUDA C for fused elementwise chains (used by ``backends/fusion.py``).

Each member equation becomes one statement ``T tK = <expr>;`` on per-element
scalars: external inputs are ``in0, in1, ...`` (CuPy declares them from the
kernel's ``in_params``), member values are ``t0, t1, ...`` and outputs
``out0, out1, ...``.  These names cannot clash with CUDA's math functions
(``y0``/``j1`` would: they are Bessel functions).

The expressions are the primitives' own (their ``c_expr`` trait, declared
where each is defined); each reproduces the NumPy kernel the plan would
otherwise call (NaN-propagating max/min like ``numpy.maximum``,
``sign(nan) = nan``, mul_safe's exact zero, ``astype`` casts).  Literals
are typed (``((float)1.5)``) so float32 chains never widen to double.  The
functions used (exp, tanh, fabs, isnan, isfinite, atan2, pow, floor, log1p,
...) have float and double overloads in CUDA device code and in C++ ``<cmath>``.
"""
import hashlib
import math

import numpy as np

CTYPE = {np.dtype(np.float32): "float", np.dtype(np.float64): "double",
         np.dtype(np.int32): "int", np.dtype(np.int64): "long long",
         np.dtype(np.bool_): "bool"}
FLOATS = frozenset([np.dtype(np.float32), np.dtype(np.float64)])
INTS = frozenset([np.dtype(np.int32), np.dtype(np.int64)])

# the dtype classes a primitive's ``fuse_dtypes`` trait names
DTYPE_CLASSES = {"float": FLOATS, "int": FLOATS | INTS, "any": frozenset(CTYPE)}


def c_literal(val, dtype):
    """A typed C literal for a scalar of ``dtype``, or None if it is not finite."""
    dtype = np.dtype(dtype)
    t = CTYPE[dtype]
    if dtype == np.bool_:
        return "true" if bool(val) else "false"
    if dtype in INTS:
        v = int(val)
        if v == -2 ** 63:
            return "(-9223372036854775807LL - 1LL)"
        return f"(({t}){v}LL)" if dtype == np.int64 else f"(({t}){v})"
    v = float(np.asarray(val, dtype=dtype))   # the value the NumPy kernel sees, exactly
    if not math.isfinite(v):
        return None
    return f"(({t}){v!r})"   # repr round-trips the double (a float32 is exact in it)


class Element:
    """What a primitive's ``c_expr`` callable sees of one equation (see
    core.primitive): operand expressions, params, dtypes, the result's C type,
    ``let`` for helper statements and ``literal`` for constants."""
    __slots__ = ("args", "params", "in_dtypes", "out_dtype", "t", "_tmp", "_literal")

    def __init__(self, args, params, in_dtypes, out_dtype, tmp, literal):
        self.args, self.params = args, params
        self.in_dtypes, self.out_dtype = in_dtypes, np.dtype(out_dtype)
        self.t = CTYPE[self.out_dtype]
        self._tmp, self._literal = tmp, literal

    def let(self, expr):
        """``T name = expr;`` before the expression; returns the name."""
        name = f"{self._tmp[0]}_{len(self._tmp) - 1}"
        self._tmp.append(f"{self.t} {name} = {expr};")
        return name

    def literal(self, value):
        """``value`` (of the result's dtype) as a C literal, or a kernel argument."""
        return self._literal(value)


def expr(prim, params, args, arg_dtypes, out_dtype, tmp, literal=None):
    """C expression for one equation on argument expressions ``args``, from the
    primitive's ``c_expr`` (None when it declines).

    ``tmp`` is ``[prefix, ...statements]``: helper statements that must come
    before the expression (integer_pow's squarings); ``literal(value)`` gives a
    constant's C text (default: a typed literal)."""
    c = prim.c_expr
    if isinstance(c, str):
        return c.format(*args, t=CTYPE[np.dtype(out_dtype)])
    return c(Element(args, params, arg_dtypes, out_dtype, tmp,
                     literal or (lambda v: c_literal(v, out_dtype))))


def body(steps):
    """Statements computing a chain.

    steps: [(primitive, params, [arg refs], [arg dtypes], out dtype, literal)] where
    an arg ref is ("in", k), ("t", k) or ("lit", c_text) and ``literal`` maps a
    constant to its C text (see ``expr``).  Returns (lines, the C name of each
    step's value)."""
    lines, names = [], []

    def ref(r):
        kind, k = r
        return f"in{k}" if kind == "in" else (names[k] if kind == "t" else k)

    for i, (prim, params, refs, dts, odt, literal) in enumerate(steps):
        tmp = [f"p{i}"]
        e = expr(prim, params, [ref(r) for r in refs], dts, odt, tmp, literal)
        lines.extend(tmp[1:])
        lines.append(f"{CTYPE[odt]} t{i} = {e};")
        names.append(f"t{i}")
    return lines, names


def params_decl(prefix, dtypes):
    return ", ".join(f"{np.dtype(d).name} {prefix}{k}" for k, d in enumerate(dtypes))


def elementwise_source(steps, in_dtypes, outputs):
    """(in_params, out_params, operation) for a cupy.ElementwiseKernel.
    (``in_dtypes`` is read after the body is generated: constants that need a
    kernel argument add theirs while it is.)"""
    lines, names = body(steps)
    lines += [f"out{k} = {names[i]};" for k, i in enumerate(outputs)]
    out_dtypes = [steps[i][4] for i in outputs]
    return params_decl("in", in_dtypes), params_decl("out", out_dtypes), "\n".join(lines)


def reduction_source(steps, in_dtypes):
    """(in_params, out_params, preamble, map_expr, reduce C type) for a
    cupy.ReductionKernel summing the chain's last value; the chain is a
    __device__ function named after a hash of its code."""
    lines, names = body(steps)
    odt = steps[-1][4]
    t = CTYPE[odt]
    args = ", ".join(f"{CTYPE[np.dtype(d)]} in{k}" for k, d in enumerate(in_dtypes))
    fn_name = "fl_map_" + hashlib.sha1("\n".join([args] + lines).encode()).hexdigest()[:16]
    pre = "\n".join([f"__device__ {t} {fn_name}({args}) {{"]
                    + [f"    {ln}" for ln in lines] + [f"    return {names[-1]};", "}"])
    call = f"{fn_name}({', '.join(f'in{k}' for k in range(len(in_dtypes)))})"
    return params_decl("in", in_dtypes), params_decl("out", [odt]), pre, call, t
