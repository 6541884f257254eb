"""A CPU stand-in for ``cupy.ElementwiseKernel`` / ``cupy.ReductionKernel``.

It exists to check, without a GPU, that the CUDA C that ``backends/fusion.py``
generates is valid C++ and numerically right: the kernel's code is wrapped in
a C++ translation unit (``#include <cmath>``, ``using namespace std;``,
``__device__`` defined away), compiled with ``g++ -O1 -shared -fPIC`` and run
through ctypes on NumPy arrays, one loop over the elements.  Compiled
libraries are cached on disk under ``~/.cache/functorch_lite_test_kernels``
(or ``$FL_TEST_KERNEL_CACHE``) keyed by a hash of the source, so reruns do not
recompile.  What it cannot check: CUDA-only behaviour (nvrtc's overload
resolution, FMA contraction, float->int conversion of NaN/out-of-range, the
parallel reduction order).

``LAUNCHES`` counts kernel calls (a fused chain must be one launch).
"""
import ctypes
import hashlib
import os
import re
import shutil
import subprocess
import tempfile

import numpy as np

LAUNCHES = 0
CONSTRUCTED = []   # (kind, constructor args, kwargs) of every kernel made: for the nvcc check
_CTYPE = {"float32": "float", "float64": "double", "int32": "int", "int64": "long long",
          "bool": "bool"}
_FROM_CTYPE = {"float": np.float32, "double": np.float64, "int": np.int32,
               "long long": np.int64, "bool": np.bool_}
_libs = {}


def available():
    return shutil.which("g++") is not None


def _cache_dir():
    d = os.environ.get("FL_TEST_KERNEL_CACHE") or os.path.join(
        os.path.expanduser("~"), ".cache", "functorch_lite_test_kernels")
    os.makedirs(d, exist_ok=True)
    return d


def _parse(params):
    out = []
    for p in params.split(","):
        p = p.strip()
        if not p:
            continue
        m = re.fullmatch(r"(\w+)\s+(\w+)", p)
        if m is None or m.group(1) not in _CTYPE:
            raise NotImplementedError(f"parameter {p!r}: only explicit dtypes are emulated")
        out.append((np.dtype(m.group(1)), m.group(2)))
    return out


def _compile(src):
    h = hashlib.sha1(src.encode()).hexdigest()[:20]
    lib = _libs.get(h)
    if lib is not None:
        return lib
    d = _cache_dir()
    path = os.path.join(d, f"k_{h}.so")
    if not os.path.exists(path):
        fd, tmp_src = tempfile.mkstemp(suffix=".cpp", dir=d)
        with os.fdopen(fd, "w") as f:
            f.write(src)
        tmp_so = tmp_src[:-4] + ".so"
        try:
            r = subprocess.run(["g++", "-O1", "-shared", "-fPIC", "-o", tmp_so, tmp_src],
                               capture_output=True, text=True)
            if r.returncode:
                raise RuntimeError(f"g++ failed:\n{r.stderr}\n--- source ---\n{src}")
            os.replace(tmp_so, path)   # atomic: a concurrent run sees all or nothing
        finally:
            for p in (tmp_src, tmp_so):
                if os.path.exists(p):
                    os.remove(p)
    lib = ctypes.CDLL(path)
    lib.fl_run.argtypes = [ctypes.c_longlong, ctypes.c_void_p, ctypes.c_void_p]
    lib.fl_run.restype = None
    _libs[h] = lib
    return lib


def _unit(ins, outs, preamble, body_lines):
    lines = ["#include <cmath>", "#include <cstddef>", "using namespace std;",
             "#define __device__", preamble,
             'extern "C" void fl_run(long long n, void** ins, void** outs) {',
             "  for (long long _i = 0; _i < n; ++_i) {",
             "    const ptrdiff_t i = _i; (void)i;"]
    for k, (dt, name) in enumerate(ins):
        t = _CTYPE[dt.name]
        lines.append(f"    const {t} {name} = (({t}*)ins[{k}])[_i];")
    for dt, name in outs:
        lines.append(f"    {_CTYPE[dt.name]} {name};")
    lines.append("    {")
    lines += [f"      {ln}" for ln in body_lines]
    lines.append("    }")
    for k, (dt, name) in enumerate(outs):
        lines.append(f"    (({_CTYPE[dt.name]}*)outs[{k}])[_i] = {name};")
    lines += ["  }", "}", ""]
    return "\n".join(lines)


def _run(lib, ins, args, outs):
    global LAUNCHES
    LAUNCHES += 1
    for (dt, name), a in zip(ins, args):   # arrays must match exactly; scalars are cast
        if isinstance(a, np.ndarray) and a.dtype != dt:
            raise TypeError(f"{name}: declared {dt}, got an array of {a.dtype}")
    arrs = [np.asarray(a, dt) for (dt, _), a in zip(ins, args)]
    shape = np.broadcast_shapes(*[a.shape for a in arrs]) if arrs else ()
    arrs = [np.ascontiguousarray(np.broadcast_to(a, shape)) for a in arrs]
    res = [np.empty(shape, dt) for dt, _ in outs]
    n = int(np.prod(shape, dtype=np.int64))
    pin = (ctypes.c_void_p * max(len(arrs), 1))(*[a.ctypes.data for a in arrs])
    pout = (ctypes.c_void_p * len(res))(*[r.ctypes.data for r in res])
    lib.fl_run(n, pin, pout)
    return res


class ElementwiseKernel:
    def __init__(self, in_params, out_params, operation, name, preamble="", **kwargs):
        CONSTRUCTED.append(("elementwise", (in_params, out_params, operation, name),
                            dict(kwargs, preamble=preamble)))
        self.name = name
        self.ins, self.outs = _parse(in_params), _parse(out_params)
        if not self.outs:
            raise NotImplementedError("kernels without outputs are not emulated")
        self.source = _unit(self.ins, self.outs, preamble, operation.splitlines())
        self._lib = None

    def __call__(self, *args):
        if len(args) != len(self.ins):
            raise TypeError(f"{self.name}: {len(self.ins)} inputs, got {len(args)}")
        if self._lib is None:
            self._lib = _compile(self.source)
        res = _run(self._lib, self.ins, args, self.outs)
        return res[0] if len(res) == 1 else tuple(res)


class ReductionKernel:
    def __init__(self, in_params, out_params, map_expr, reduce_expr, post_map_expr,
                 identity, name, reduce_type=None, preamble="", **kwargs):
        CONSTRUCTED.append(("reduction", (in_params, out_params, map_expr, reduce_expr,
                                          post_map_expr, identity, name),
                            dict(kwargs, reduce_type=reduce_type, preamble=preamble)))
        if reduce_expr.replace(" ", "") != "a+b" or str(identity).strip() != "0":
            raise NotImplementedError("only reduce_expr 'a + b' with identity 0 is emulated")
        self.outs = _parse(out_params)
        if len(self.outs) != 1 or post_map_expr.replace(" ", "") != f"{self.outs[0][1]}=a":
            raise NotImplementedError("only one output with post_map_expr 'out0 = a'")
        self.name = name
        self.ins = _parse(in_params)
        rt = reduce_type if reduce_type is not None else _CTYPE[self.outs[0][0].name]
        self.rdtype = np.dtype(_FROM_CTYPE[rt])
        mapped = [(self.rdtype, "_mapped")]
        self.source = _unit(self.ins, mapped, preamble, [f"_mapped = ({map_expr});"])
        self._lib = None

    def __call__(self, *args, axis=None):
        if self._lib is None:
            self._lib = _compile(self.source)
        (m,) = _run(self._lib, self.ins, args, [(self.rdtype, "_mapped")])
        r = np.sum(m, axis=axis, dtype=self.rdtype)
        return np.asarray(r).astype(self.outs[0][0])
