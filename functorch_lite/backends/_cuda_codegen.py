"""CUDA C for fused elementwise chains (used by ``backends/fusion.py``).

Each member equation becomes one statement ``T tK = <expr>;`` on per-element
scalars: external inputs are ``in0, in1, ...`` (CuPy declares them from the
kernel's ``in_params``), member values are ``t0, t1, ...`` and outputs
``out0, out1, ...``.  These names cannot clash with CUDA's math functions
(``y0``/``j1`` would: they are Bessel functions).

Every expression reproduces the NumPy kernel the plan would otherwise call
(see the primitive's ``impl``): NaN-propagating max/min like
``numpy.maximum``, ``sign(nan) = nan``, mul_safe's exact zero, ``astype``
casts.  Literals are typed (``((float)1.5)``) so float32 chains never widen to
double.  The functions used (exp, tanh, fabs, isnan, isfinite, atan2, pow,
floor, log1p, ...) have float and double overloads in CUDA device code and in
C++ ``<cmath>``.
"""
import hashlib
import math

import numpy as np

CTYPE = {np.dtype(np.float32): "float", np.dtype(np.float64): "double",
         np.dtype(np.int32): "int", np.dtype(np.int64): "long long",
         np.dtype(np.bool_): "bool"}
FLOATS = frozenset([np.dtype(np.float32), np.dtype(np.float64)])
INTS = frozenset([np.dtype(np.int32), np.dtype(np.int64)])

# primitive -> C function of one float argument (same name in CUDA and <cmath>)
UNARY_FN = {"exp": "exp", "log": "log", "sin": "sin", "cos": "cos", "tanh": "tanh",
            "sqrt": "sqrt", "abs": "fabs", "log1p": "log1p", "expm1": "expm1",
            "tan": "tan", "asin": "asin", "acos": "acos", "atan": "atan",
            "sinh": "sinh", "cosh": "cosh", "floor": "floor", "ceil": "ceil"}
ARITH = {"add": "+", "sub": "-", "mul": "*", "div": "/"}
COMPARE = {"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}

# dtype classes each primitive accepts for its (non-condition) operands / output
FLOAT_ONLY = frozenset(UNARY_FN) | {"sign", "div", "pow", "integer_pow", "mul_safe", "atan2"}
INT_OK = frozenset({"add", "sub", "mul", "neg", "max", "min"})
ANY_DTYPE = frozenset(COMPARE) | {"select", "convert_element_type", "stop_gradient",
                                  "full_like"}
FUSIBLE = FLOAT_ONLY | INT_OK | ANY_DTYPE


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
    v = float(np.asarray(val, dtype))   # the value the NumPy kernel sees, exactly
    if not math.isfinite(v):
        return None
    return f"(({t}){v!r})"   # repr round-trips the double (a float32 is exact in it)


def _ipow(x, y, t, tmp):
    """x**y for a static int y by repeated squaring; extra statements go to tmp."""
    if y == 0:
        return f"(({t})1)"
    n, base, acc = abs(y), x, None
    while True:
        if n & 1:
            acc = base if acc is None else _bind(tmp, t, f"{acc} * {base}")
        n >>= 1
        if not n:
            break
        base = _bind(tmp, t, f"{base} * {base}")
    return f"((({t})1) / {acc})" if y < 0 else acc


def _bind(tmp, t, expr):
    name = f"{tmp[0]}_{len(tmp) - 1}"
    tmp.append(f"{t} {name} = {expr};")
    return name


def expr(name, params, args, arg_dtypes, out_dtype, tmp):
    """C expression for one equation on argument expressions ``args``.

    ``tmp`` is ``[prefix, ...statements]``: helper statements that must come
    before the expression (integer_pow's squarings)."""
    t = CTYPE[out_dtype]
    if name in UNARY_FN:
        return f"{UNARY_FN[name]}({args[0]})"
    if name in ARITH:
        return f"(({t})({args[0]} {ARITH[name]} {args[1]}))"
    if name in COMPARE:
        return f"({args[0]} {COMPARE[name]} {args[1]})"
    if name == "neg":
        return f"(({t})(-{args[0]}))"
    a = args[0]
    if name == "sign":       # numpy: +1, -1, 0 for +-0, nan stays nan
        return f"({a} > 0 ? (({t})1) : ({a} < 0 ? (({t})-1) : ({a} == 0 ? (({t})0) : {a})))"
    if name in ("max", "min"):
        b, op = args[1], ">" if name == "max" else "<"
        if out_dtype in FLOATS:   # numpy.maximum / minimum propagate NaN from either side
            return f"(({a} {op} {b} || isnan({a})) ? {a} : {b})"
        return f"({a} {op} {b} ? {a} : {b})"
    if name == "pow":
        return f"pow({a}, {args[1]})"
    if name == "atan2":
        return f"atan2({a}, {args[1]})"
    if name == "integer_pow":
        return _ipow(a, int(params["y"]), t, tmp)
    if name == "mul_safe":   # ct * d, exactly 0 where ct == 0 and d is inf/nan
        return f"(({a} == 0 && !isfinite({args[1]})) ? (({t})0) : (({t})({a} * {args[1]})))"
    if name == "select":
        return f"({a} ? {args[1]} : {args[2]})"
    if name == "convert_element_type":
        if out_dtype == np.bool_:
            return f"({a} != 0)"
        return f"(({t}){a})"    # float -> int truncates toward zero, like astype
    if name == "stop_gradient":
        return a
    if name == "full_like":
        return args[1]          # the fill value: a literal or a kernel argument
    raise NotImplementedError(name)


def body(steps):
    """Statements computing a chain.

    steps: [(prim name, params, [arg refs], [arg dtypes], out dtype)] where an
    arg ref is ("in", k), ("t", k) or ("lit", c_text).  Returns (lines, the
    C name of each step's value)."""
    lines, names = [], []

    def ref(r):
        kind, k = r
        return f"in{k}" if kind == "in" else (names[k] if kind == "t" else k)

    for i, (name, params, refs, dts, odt) in enumerate(steps):
        tmp = [f"p{i}"]
        e = expr(name, params, [ref(r) for r in refs], dts, odt, tmp)
        lines.extend(tmp[1:])
        lines.append(f"{CTYPE[odt]} t{i} = {e};")
        names.append(f"t{i}")
    return lines, names


def params_decl(prefix, dtypes):
    return ", ".join(f"{np.dtype(d).name} {prefix}{k}" for k, d in enumerate(dtypes))


def elementwise_source(steps, in_dtypes, outputs):
    """(in_params, out_params, operation) for a cupy.ElementwiseKernel."""
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
