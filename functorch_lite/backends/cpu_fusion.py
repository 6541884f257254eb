"""Fused elementwise kernels on the CPU: generated C, compiled once, called through cffi.

The grouping is ``backends/fusion.py``'s (the same groups the GPU gets); this
module turns a group into host code.  Each group becomes one C function over
contiguous buffers whose per-element statements are the primitives' own
``c_expr`` (through ``_cuda_codegen.body``), so a chain of 100 operations on a
float64[10] is one call instead of 100 NumPy dispatches, and a chain feeding a
``reduce_sum`` over 1e6 float32 never writes its intermediates to memory.

Why generated C (the issue's measurement, ``benchmarks/README.md``): the
expressions already exist as C; the compiler keeps NumPy's semantics when told
to (``-ffp-contract=off`` so no FMA contraction, no ``-ffast-math`` so NaN and
signed zeros behave, ``-fwrapv`` for integer wrap-around, ``<tgmath.h>`` so a
float32 ``exp`` is ``expf``: float32 stays float32); and cffi's ABI mode calls
it in under a microsecond.  numexpr turned float32 chains into float64 and
cannot share a subexpression; numba needs a Python form of every expression
and a second compiler.

Sums reproduce NumPy's pairwise summation (8 accumulators over blocks of at
most 128, halves split on multiples of 8, added to an initial +0.0), so a fused ``sum`` over the whole array, or over trailing axes of a
C-contiguous one, rounds exactly as ``numpy.sum`` does.

Compiled libraries are cached on disk, keyed by a hash of the source, the
compiler and its flags: ``$FL_CPU_FUSION_CACHE`` or
``~/.cache/functorch_lite/cpu_fusion``.  All groups of one plan are compiled in
one translation unit.  Needs the ``cpu-fusion`` extra (cffi) and a C compiler
(``$CC``, else ``cc``/``gcc``); without them jit runs the unfused plan.
"""
import hashlib
import os
import platform
import shutil
import subprocess
import tempfile
import threading
from typing import Any

import numpy as np

from . import _cuda_codegen as cg

FLAGS = ("-O3", "-march=native", "-ffp-contract=off", "-fno-math-errno", "-fwrapv",
         "-std=gnu11", "-fPIC", "-shared")
HEADER = ("#include <tgmath.h>\n#include <stdbool.h>\n#include <stddef.h>\n"
          "#include <stdint.h>\n#include <string.h>\n#include <math.h>\n")
BLOCK = 256   # elements per block of a guarded elementwise kernel (its buffers stay in L1)

_state: dict[Any, Any] = {}                # "cc" -> compiler path or "", "ffi" -> cffi.FFI or None
_libs: dict[Any, Any] = {}                 # source digest -> {function name: callable}
_lock = threading.Lock()   # guards _libs, _building and the FFI (compiles run outside it)
_building: dict[Any, Any] = {}             # digest -> lock held while that library is compiled


def _ffi():
    if "ffi" not in _state:
        try:
            import cffi
            _state["ffi"] = cffi.FFI()
        except ImportError:
            _state["ffi"] = None
    return _state["ffi"]


def compiler():
    """The C compiler used ($CC, else cc or gcc on PATH), or None."""
    if "cc" not in _state:
        cc = os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc") or ""
        _state["cc"] = cc if cc and shutil.which(cc.split()[0]) else ""
    return _state["cc"] or None


def available():
    """True when CPU fusion can run here: cffi installed and a C compiler found.
    (cffi itself is imported when the first kernel is built, not here: a plan
    compiled and run once never pays for the import.)"""
    if "has_cffi" not in _state:
        import importlib.util
        _state["has_cffi"] = importlib.util.find_spec("cffi") is not None
    return _state["has_cffi"] and compiler() is not None


def c_literal(val, dtype):
    """A typed C literal; unlike CUDA's, host C has INFINITY and NAN."""
    lit = cg.c_literal(val, dtype)
    if lit is not None:
        return lit
    t = cg.CTYPE[np.dtype(dtype)]
    v = float(val)
    if v != v:
        return f"(({t})NAN)"
    return f"(({t})INFINITY)" if v > 0 else f"(-({t})INFINITY)"


def literal_for(out_dtype):
    return lambda value: c_literal(value, out_dtype)


def reduction_ok(axes, ndim):
    """A fused sum is exact for a full reduction or one over trailing axes
    (each output is a pairwise sum over a contiguous run of the input)."""
    k = len(axes)
    return k > 0 and tuple(sorted(axes)) == tuple(range(ndim - k, ndim))


# ---------------------------------------------------------------- codegen

def _decls(in_dtypes, scalar):
    """Pointer parameters and the loads of the scalar (0-d) inputs."""
    params, pre, loads = [], [], []
    for k, d in enumerate(in_dtypes):
        t = cg.CTYPE[np.dtype(d)]
        params.append(f"const {t}* p_in{k}")    # no restrict: an output may be an input's buffer
        (pre if scalar[k] else loads).append(
            f"const {t} in{k} = p_in{k}[{'0' if scalar[k] else 'i'}];")
    return params, pre, loads


def _guard_lines(guards, names):
    """Statements folding the guarded values into ``bad``: their sum per dtype is
    inf or nan when any of them is (or, harmlessly, when the sum overflows), and
    its exponent bits all set make bit 31 of ``bad`` set.  Integer arithmetic on
    the bits, no comparison: the loop vectorises with no masks."""
    def ref(r):
        return f"in{r[1]}" if r[0] == "in" else names[r[1]]
    lines = []
    for dt in sorted({np.dtype(d) for _, d in guards}, key=str):
        t = cg.CTYPE[dt]
        total = " + ".join(ref(r) for r, d in guards if np.dtype(d) == dt)
        lines.append(f"const {t} g_{t} = {total};")
        if dt == np.float32:
            lines.append(f"{{ uint32_t u_; memcpy(&u_, &g_{t}, 4); "
                         "bad |= (u_ & 0x7f800000u) + 0x00800000u; }")
        else:
            lines.append(f"{{ uint64_t u_; memcpy(&u_, &g_{t}, 8); bad |= (uint32_t)(((u_ & "
                         "0x7ff0000000000000ull) + 0x0010000000000000ull) >> 32); }")
    return lines


def _indent(lines, n):
    return "".join(" " * n + ln + "\n" for ln in lines)


def elementwise_source(name, steps, in_dtypes, scalar, outputs, fast=None, guards=()):
    """C for ``void name(ptrdiff_t n, inputs..., outputs...)``: one loop over n.

    With ``fast`` (the chain with its NaN-safe steps in their finite forms) and
    ``guards`` (the refs those forms need finite, with dtypes): blocks of
    ``BLOCK`` elements run the fast chain into stack buffers, then copy them
    out, unless a guarded value was inf or nan, in which case that block is
    recomputed by the exact chain straight into the outputs."""
    lines, names = cg.body(steps)
    params, pre, loads = _decls(in_dtypes, scalar)
    out_t = [cg.CTYPE[steps[i][4]] for i in outputs]
    for k, t in enumerate(out_t):
        params.append(f"{t}* p_out{k}")
    stores = [f"p_out{k}[i] = {names[i]};" for k, i in enumerate(outputs)]
    head = f"void {name}(ptrdiff_t n, {', '.join(params)}) {{\n" + _indent(pre, 4)
    if fast is None:
        return (head + "    for (ptrdiff_t i = 0; i < n; i++) {\n"
                + _indent(loads + lines + stores, 8) + "    }\n}\n")
    flines, fnames = cg.body(fast)
    bufs = [f"{t} b{k}[{BLOCK}];" for k, t in enumerate(out_t)]
    fstores = [f"b{k}[j] = {fnames[i]};" for k, i in enumerate(outputs)]
    copies = [f"memcpy(p_out{k} + i0, b{k}, (size_t)m * sizeof({t}));"
              for k, t in enumerate(out_t)]
    return (head + f"    for (ptrdiff_t i0 = 0; i0 < n; i0 += {BLOCK}) {{\n"
            f"        const ptrdiff_t m = n - i0 < {BLOCK} ? n - i0 : {BLOCK};\n"
            + _indent(bufs + ["uint32_t bad = 0;"], 8)
            + "        for (ptrdiff_t j = 0; j < m; j++) {\n"
            "            const ptrdiff_t i = i0 + j;\n"
            + _indent(loads + flines + _guard_lines(guards, fnames) + fstores, 12)
            + "        }\n        if (bad & 0x80000000u) {\n"
            "            for (ptrdiff_t i = i0; i < i0 + m; i++) {\n"
            + _indent(loads + lines + stores, 16) + "            }\n        } else {\n"
            + _indent(copies, 12) + "        }\n    }\n}\n")


def reduction_source(name, steps, in_dtypes, scalar, fast=None, guards=()):
    """C for ``void name(ptrdiff_t rows, ptrdiff_t n, inputs..., T* out)``: out[r] is
    the chain's last value summed over elements [r*n, (r+1)*n) in NumPy's order.
    ``fast``, ``guards``: as for ``elementwise_source`` (a block of at most 128
    values whose guard trips is recomputed by the exact chain)."""
    lines, names = cg.body(steps)
    params, pre, loads = _decls(in_dtypes, scalar)
    t = cg.CTYPE[steps[-1][4]]
    plist = ", ".join(params)
    args = ", ".join(f"p_in{k}" for k in range(len(in_dtypes)))
    loop = ("    for (ptrdiff_t j = 0; j < m; j++) {\n"
            "        const ptrdiff_t i = i0 + j;\n")
    exact = loop + _indent(loads + lines + [f"buf[j] = {names[-1]};"], 8) + "    }\n"
    if fast is None:
        blk = exact
    else:
        flines, fnames = cg.body(fast)
        blk = ("    uint32_t bad = 0;\n" + loop
               + _indent(loads + flines + _guard_lines(guards, fnames)
                         + [f"buf[j] = {fnames[-1]};"], 8)
               + "    }\n    if (bad & 0x80000000u) {\n"
               + _indent(exact.splitlines(), 4) + "    }\n")
    return f"""\
static void {name}_blk(ptrdiff_t i0, ptrdiff_t m, {t}* restrict buf, {plist}) {{
{_indent(pre, 4)}{blk}}}
static {t} {name}_pw(ptrdiff_t i0, ptrdiff_t n, {plist}) {{
    {t} buf[128];
    if (n < 8) {{
        {name}_blk(i0, n, buf, {args});
        {t} res = 0;
        for (ptrdiff_t k = 0; k < n; k++) res += buf[k];
        return res;
    }}
    if (n <= 128) {{
        {name}_blk(i0, n, buf, {args});
        {t} r[8];
        for (int q = 0; q < 8; q++) r[q] = buf[q];
        ptrdiff_t k;
        for (k = 8; k < n - (n % 8); k += 8)
            for (int q = 0; q < 8; q++) r[q] += buf[k + q];
        {t} res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; k < n; k++) res += buf[k];
        return res;
    }}
    ptrdiff_t n2 = n / 2;
    n2 -= n2 % 8;
    return {name}_pw(i0, n2, {args}) + {name}_pw(i0 + n2, n - n2, {args});
}}
void {name}(ptrdiff_t rows, ptrdiff_t n, {plist}, {t}* restrict out) {{
    for (ptrdiff_t r = 0; r < rows; r++)
        out[r] = (({t})0) + {name}_pw(r * n, n, {args});
}}
"""


def rowscale_source(name, steps, in_dtypes, scalar, outputs, row, full_dtype, k):
    """C for ``void name(ptrdiff_t rows, ptrdiff_t n, inputs..., const T* full,
    row outputs..., T* out)``: per row r the chain (its inputs read at r), its
    ``outputs`` stored at r, then out[r*n + j] = full[r*n + j] * value ``row``
    (in the equation's operand order: ``k`` is the row operand's position)."""
    lines, names = cg.body(steps)
    params, pre, loads = _decls(in_dtypes, scalar)
    t = cg.CTYPE[np.dtype(full_dtype)]
    params.append(f"const {t}* p_full")
    for j, i in enumerate(outputs):
        params.append(f"{cg.CTYPE[steps[i][4]]}* p_out{j}")
    params.append(f"{t}* p_scaled")
    stores = [f"p_out{j}[i] = {names[i]};" for j, i in enumerate(outputs)]
    prod = f"s_ * f_[j]" if k == 0 else f"f_[j] * s_"
    inner = [f"const {t} s_ = {names[row]};", f"const {t}* f_ = p_full + i * n;",
             f"{t}* o_ = p_scaled + i * n;",
             f"for (ptrdiff_t j = 0; j < n; j++) o_[j] = ({t})({prod});"]
    return (f"void {name}(ptrdiff_t rows, ptrdiff_t n, {', '.join(params)}) {{\n"
            + _indent(pre, 4) + "    for (ptrdiff_t i = 0; i < rows; i++) {\n"
            + _indent(loads + lines + stores + inner, 8) + "    }\n}\n")


def digest(*parts):
    return hashlib.sha1("\0".join(parts).encode()).hexdigest()[:16]


# ---------------------------------------------------------------- compile

def _cache_dir():
    d = os.environ.get("FL_CPU_FUSION_CACHE") or os.path.join(
        os.path.expanduser("~"), ".cache", "functorch_lite", "cpu_fusion")
    os.makedirs(d, exist_ok=True)
    return d


def _compiler_id(cc):
    try:
        out = subprocess.run([cc.split()[0], "--version"], capture_output=True, text=True,
                             timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        out = ""
    return out.splitlines()[0] if out else cc


def build(functions):
    """Compile ``[(name, c_declaration, source)]`` in one library (or reuse it from
    the disk cache); returns {name: cffi function}.  Raises RuntimeError with the
    compiler's message when it fails."""
    ffi, cc = _ffi(), compiler()
    src = HEADER + "\n".join(s for _, _, s in functions)
    if "ccid" not in _state:
        _state["ccid"] = _compiler_id(cc)
    key = digest(src, cc, _state["ccid"], " ".join(FLAGS), platform.machine(),
                 platform.node())
    hit = _libs.get(key)
    if hit is not None:
        return hit
    with _lock:   # one compile per library: threads wanting the same one wait for it
        key_lock = _building.setdefault(key, threading.Lock())
    with key_lock:
        hit = _libs.get(key)
        if hit is None:
            hit = _load(ffi, cc, key, src, functions)
        with _lock:
            _libs[key] = hit
            _building.pop(key, None)
    return hit


def _load(ffi, cc, key, src, functions):
    d = _cache_dir()
    so = os.path.join(d, f"fl_{key}.so")
    if not os.path.exists(so):
        with tempfile.TemporaryDirectory(dir=d) as tmp:
            c_file = os.path.join(tmp, "k.c")
            with open(c_file, "w") as f:
                f.write(src)
            out = os.path.join(tmp, "k.so")
            r = subprocess.run(cc.split() + list(FLAGS) + ["-o", out, c_file, "-lm"],
                               capture_output=True, text=True)
            if r.returncode != 0:
                raise RuntimeError(f"CPU fusion: {cc} failed on the generated kernel:\n"
                                   f"{r.stderr[-2000:]}\n--- source ---\n{src[:4000]}")
            os.replace(out, so)      # atomic: racing processes see a whole library
    with _lock:                      # one FFI object: its declarations are shared state
        for _, decl, _ in functions:
            try:
                ffi.cdef(decl)
            except Exception as e:   # noqa: BLE001 - cffi raises its own FFIError
                if "multiple declarations" not in str(e):
                    raise
        lib = ffi.dlopen(so)
    return {name: getattr(lib, name) for name, _, _ in functions}


# ---------------------------------------------------------- Python wrappers

def _wrapper(fn, lead, in_dtypes, out_specs, single=False):
    """A generated flat function (no loops over arguments on the hot path):
    ``kernel(a0, a1, ...)`` allocates the outputs, hands cffi the buffers and
    calls ``fn(*lead, inputs..., outputs...)``; it returns the list of outputs, or
    with ``single`` the one output.  cffi's from_buffer reads raw bytes, so an
    input whose dtype is not the group's (a Python scalar, a NumPy scalar of
    another type) or that is not contiguous goes through a converting slow
    path; the dtypes are fixed per plan, so the check is an identity test per
    input.  With ``single`` it also makes ``kernel_out(a0, ..., out)``, which
    writes into the plan's dead buffer ``out`` (any of the inputs' included:
    element i is read before it is written)."""
    ffi = _ffi()
    nin = len(in_dtypes)
    in_dt = [np.dtype(d) for d in in_dtypes]
    in_ct = [f"{cg.CTYPE[d]}[]" for d in in_dt]

    def conv(args):
        return [ffi.from_buffer(ct, np.ascontiguousarray(a, dtype=dt))
                for a, dt, ct in zip(args, in_dt, in_ct)]
    g = {"fn": fn, "fb": ffi.from_buffer, "empty": np.empty, "conv": conv, "lead": lead}
    for k in range(nin):
        g[f"i{k}"], g[f"c{k}"] = in_dt[k], in_ct[k]
    for k, (shape, dt) in enumerate(out_specs):
        g[f"s{k}"], g[f"d{k}"], g[f"e{k}"] = shape, np.dtype(dt), f"{cg.CTYPE[np.dtype(dt)]}[]"
    ins = ", ".join(f"a{k}" for k in range(nin))
    outs = ", ".join(f"o{k}" for k in range(len(out_specs)))
    same = " or ".join(f"a{k}.dtype is not i{k}" for k in range(nin)) or "False"
    bufs = f"[{', '.join(f'fb(c{k}, a{k})' for k in range(nin))}]"
    errors = "(TypeError, ValueError, BufferError, AttributeError)"
    call = f"    fn(*lead, *bs, {', '.join(f'fb(e{k}, o{k})' for k in range(len(out_specs)))})"
    lines = [f"def kernel({ins}):"]
    lines += [f"    o{k} = empty(s{k}, d{k})" for k in range(len(out_specs))]
    lines += ["    try:", f"        if {same}:", "            raise TypeError",
              f"        bs = {bufs}", f"    except {errors}:",
              f"        bs = conv(({ins}{',' if nin else ''}))",
              call, f"    return {'o0' if single else f'[{outs}]'}"]
    if single:
        lines += [f"def kernel_out({ins}{', ' if nin else ''}o0):",
                  "    try:", f"        if {same} or o0.dtype is not d0:",
                  "            raise TypeError",
                  f"        bs = {bufs}", "        ob = fb(e0, o0, require_writable=True)",
                  f"    except {errors}:",
                  f"        return kernel({ins})",     # (a non-contiguous buffer: a new one)
                  "    fn(*lead, *bs, ob)", "    return o0"]
    exec(compile("\n".join(lines), "<functorch_lite cpu fusion>", "exec"), g)  # noqa: S102
    return (g["kernel"], g["kernel_out"]) if single else g["kernel"]


def elementwise_kernel(fn, shape, in_dtypes, out_dtypes):
    """The plan's callable for an elementwise group: inputs -> [outputs]; for a
    group with one output, (inputs -> output, (inputs, out buffer) -> output)."""
    n = int(np.prod(shape, dtype=np.int64))
    return _wrapper(fn, (n,), in_dtypes, [(tuple(shape), d) for d in out_dtypes],
                    single=len(out_dtypes) == 1)


def reduction_kernel(fn, in_shape, axes, in_dtypes, out_dtype):
    """The plan's callable for a chain + sum over trailing ``axes``: inputs -> [sum]."""
    k = len(axes)
    n = int(np.prod(in_shape[len(in_shape) - k:], dtype=np.int64))
    out_shape = tuple(in_shape[:len(in_shape) - k])
    if n == 0:        # an empty sum is zeros (the C loop reads one element per row)
        odt = np.dtype(out_dtype)
        return lambda *args: [np.zeros(out_shape, odt)]
    rows = int(np.prod(out_shape, dtype=np.int64))
    return _wrapper(fn, (rows, n), in_dtypes, [(out_shape, out_dtype)])


def rowscale_kernel(fn, row_shape, full_shape, in_dtypes, out_dtypes):
    """The plan's callable for a row chain ending in a row-scaling product:
    inputs (the chain's, then the full operand) -> [row outputs..., product]; with
    the product alone, (inputs -> product, (inputs, out buffer) -> product)."""
    rows = int(np.prod(row_shape, dtype=np.int64))
    n = int(np.prod(full_shape, dtype=np.int64)) // rows if rows else 0
    specs = [(tuple(row_shape), d) for d in out_dtypes[:-1]] + \
        [(tuple(full_shape), out_dtypes[-1])]
    return _wrapper(fn, (rows, n), in_dtypes, specs, single=len(specs) == 1)
