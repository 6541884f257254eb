"""The fused kernels' CUDA C compiles for the GPU (nvcc needs no GPU to compile).

The CPU emulator (``_cpu_kernels``) checks the generated code's numbers as C++;
this checks that the same code is valid CUDA for Hopper (sm_90, the H100/H200):
device-side overloads of the math functions for float and double, ``bool`` and
``long long`` locals, the ``__device__`` map functions of reductions.  Each
kernel is wrapped the way CuPy wraps it (inputs as const per-element locals,
outputs as locals written back; a reduction loop with ``a``/``b``), one
``__global__`` function per kernel, all in one translation unit.
"""
import shutil
import subprocess

import numpy as np
import pytest

import _cpu_kernels as K

NVCC = shutil.which("nvcc")
pytestmark = [
    pytest.mark.skipif(NVCC is None, reason="nvcc (CUDA toolkit) not installed here"),
    pytest.mark.skipif(not K.available(), reason="g++ is needed to build the kernels' tests"),
]

_C = {"float32": "float", "float64": "double", "int32": "int", "int64": "long long",
      "bool": "bool"}


def _params(s):
    out = []
    for p in s.split(","):
        if p.strip():
            t, n = p.split()
            out.append((_C[t], n))
    return out


def _elementwise(i, args, kw):
    in_p, out_p, op, name = args
    ins, outs = _params(in_p), _params(out_p)
    sig = [f"const {t}* __restrict__ p_{n}" for t, n in ins] + [f"{t}* p_{n}" for t, n in outs]
    body = [f"  const {t} {n} = p_{n}[i];" for t, n in ins]
    body += [f"  {t} {n};" for t, n in outs]
    body += ["  {", *("    " + ln for ln in op.splitlines()), "  }"]
    body += [f"  p_{n}[i] = {n};" for t, n in outs]
    return "\n".join([kw.get("preamble", ""),
                      f'extern "C" __global__ void k{i}_{name}({", ".join(sig)}, long long n) {{',
                      "  long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x;",
                      "  if (i >= n) return;", *body, "}"])


def _reduction(i, args, kw):
    in_p, out_p, map_expr, red, post, ident, name = args
    ins, outs = _params(in_p), _params(out_p)
    rt = kw.get("reduce_type") or outs[0][0]
    sig = [f"const {t}* __restrict__ p_{n}" for t, n in ins] + [f"{t}* p_{n}" for t, n in outs]
    return "\n".join([
        kw.get("preamble", ""),
        f'extern "C" __global__ void k{i}_{name}({", ".join(sig)}, long long n) {{',
        f"  typedef {rt} type_reduce;",
        f"  type_reduce _s = type_reduce({ident});",
        "  for (long long i = threadIdx.x; i < n; i += blockDim.x) {",
        *[f"    const {t} {n} = p_{n}[i];" for t, n in ins],
        f"    type_reduce a = _s, b = (type_reduce)({map_expr});",
        f"    _s = ({red});",
        "  }",
        "  type_reduce a = _s;",
        *[f"  {t} {n};" for t, n in outs],
        f"  {post};",
        *[f"  p_{n}[0] = {n};" for t, n in outs],
        "}"])


def test_every_generated_kernel_compiles_as_cuda(tmp_path):
    import test_fusion as tf
    # build kernels for every fusible primitive, in both float types, plus the
    # integer, boolean and reduction programs (each test compiles what it fuses)
    for dt in (np.float32, np.float64):
        tf.test_every_unary_primitive_fused(dt)
        tf.test_every_binary_primitive_fused(dt)
        tf.test_ten_op_chain_plus_sum_is_one_launch(dt)
    for dt in (np.int32, np.int64):
        tf.test_integer_chain(dt)
    tf.test_bool_chain_and_conversions()
    tf.test_diamond_and_reduction()
    tf.test_multiple_outputs_literals_and_scalars()
    tf.test_mlp_grad_same_fused_and_unfused()
    # the CuPy backend's own kernels (one-kernel mul_safe)
    import _fakecupy as fc
    from functorch_lite.backends.cupy import CupyNamespace
    ns = CupyNamespace(fc, fc.cupyx)
    for dt in (np.float32, np.float64):
        ns.mul_safe(fc.asarray(np.zeros(3, dt)), fc.asarray(np.full(3, np.inf, dt)))
    made = {(kind, args, tuple(sorted(kw.items()))) for kind, args, kw in K.CONSTRUCTED}
    assert len(made) >= 15
    units, preambles = [], set()
    for i, (kind, args, kw) in enumerate(sorted(made, key=str)):
        kw = dict(kw)
        pre = kw.pop("preamble", "")
        # a map function appears once per translation unit (CuPy compiles each alone)
        kw["preamble"] = "" if pre in preambles else pre
        preambles.add(pre)
        units.append((_elementwise if kind == "elementwise" else _reduction)(i, args, kw))
    src = tmp_path / "fused.cu"
    src.write_text("\n\n".join(units) + "\n")
    r = subprocess.run([NVCC, "-arch=sm_90", "-std=c++17", "-c", str(src), "-o",
                        str(tmp_path / "fused.o")], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, f"nvcc failed:\n{r.stderr[-4000:]}"
    # (warnings are allowed: plans compiled without jit's dead-code pass, as some
    # tests do, can leave a member value unread)
