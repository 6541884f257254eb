"""``lax.conv_general_dilated`` (JAX's): N-d convolution with strides, padding,
input (lhs) and kernel (rhs) dilation, feature groups and dimension numbers,
written with primitives (pad with interior padding for lhs dilation, one
strided slice per kernel offset, a batched dot_general over groups), so its
gradients, jvp and batching are the primitives' own."""
import itertools

import numpy as np

from ..control._util import as_value
from ..core import dtypes
from ..core.trace import get_aval
from .. import primitives as P


def _spec(s, kind):
    """A layout string ('NCHW', 'OIHW', 'NHWC', ...) -> (batch/out-feature axis,
    feature/in-feature axis, spatial axes in the order of the kernel's)."""
    a, b = ("N", "C") if kind != "rhs" else ("O", "I")
    if a not in s or b not in s:
        raise ValueError(f"lax.conv_general_dilated: dimension_numbers spec {s!r} must "
                         f"name {a} and {b}")
    return s.index(a), s.index(b), [i for i, ch in enumerate(s) if ch not in (a, b)], s


def _dimension_numbers(dn, nd):
    if dn is None:
        sp = "".join("DHW"[-(nd - 2):] if nd - 2 <= 3 else "")
        if len(sp) != nd - 2:
            raise ValueError("lax.conv_general_dilated: give dimension_numbers for more "
                             "than 3 spatial dimensions")
        dn = ("NC" + sp, "OI" + sp, "NC" + sp)
    if hasattr(dn, "lhs_spec"):
        dn = (dn.lhs_spec, dn.rhs_spec, dn.out_spec)
    lhs, rhs, out = dn
    if isinstance(lhs, str):
        L, R, O = _spec(lhs, "lhs"), _spec(rhs, "rhs"), _spec(out, "out")
        # spatial axes are matched by letter, in the kernel's order
        letters = [rhs[i] for i in R[2]]
        L = (L[0], L[1], [lhs.index(ch) for ch in letters])
        O = (O[0], O[1], [out.index(ch) for ch in letters])
        return L[:3], R[:3], O[:3]
    # integer specs (JAX's ConvDimensionNumbers): (batch, feature, *spatial)
    return ((lhs[0], lhs[1], list(lhs[2:])), (rhs[0], rhs[1], list(rhs[2:])),
            (out[0], out[1], list(out[2:])))


def _padding(padding, in_sizes, k_eff, strides):
    if isinstance(padding, str):
        mode = padding.upper()
        if mode == "VALID":
            return [(0, 0)] * len(in_sizes)
        if mode not in ("SAME", "SAME_LOWER"):
            raise ValueError(f"lax.conv_general_dilated: padding {padding!r} must be "
                             f"'SAME', 'SAME_LOWER', 'VALID' or (low, high) pairs")
        pads = []
        for n, k, s in zip(in_sizes, k_eff, strides):
            out = -(-n // s)
            total = max((out - 1) * s + k - n, 0)
            lo = total // 2 if mode == "SAME" else total - total // 2
            pads.append((lo, total - lo))
        return pads
    pads = [tuple(int(v) for v in p) for p in padding]
    if len(pads) != len(in_sizes) or any(len(p) != 2 for p in pads):
        raise ValueError(f"lax.conv_general_dilated: padding needs one (low, high) pair per "
                         f"spatial dimension ({len(in_sizes)}), got {padding!r}")
    return pads


def conv_general_dilated(lhs, rhs, window_strides, padding, lhs_dilation=None,
                         rhs_dilation=None, dimension_numbers=None, feature_group_count=1,
                         batch_group_count=1, precision=None, preferred_element_type=None):
    """JAX's ``lax.conv_general_dilated`` (a cross-correlation, as JAX's).

    Args: ``lhs`` (batch, features, spatial... by default), ``rhs`` (out
    features, in features / groups, spatial...), ``window_strides``,
    ``padding`` ('SAME', 'SAME_LOWER', 'VALID' or (low, high) pairs; negative
    values crop), ``lhs_dilation`` (transposed convolution), ``rhs_dilation``
    (atrous), ``dimension_numbers`` (layout strings such as ``('NHWC', 'HWIO',
    'NHWC')`` or integer specs), ``feature_group_count`` (input features in
    groups, each with its own slice of the output features),
    ``batch_group_count`` (XLA's: the lhs batch splits into that many
    contiguous groups, group b convolved with the b-th slice of the output
    features, giving batch/groups outputs; what the weight gradient of a
    feature-grouped convolution is). At most one of the two may exceed 1.
    Returns the output in ``dimension_numbers``' output layout.
    Differs from JAX: ``precision`` has no effect (as on JAX's CPU backend)."""
    x, w = as_value(lhs), as_value(rhs)
    g, bg = int(feature_group_count), int(batch_group_count)
    if g < 1 or bg < 1 or (g > 1 and bg > 1):
        raise ValueError(f"lax.conv_general_dilated: feature_group_count and "
                         f"batch_group_count must be >= 1 and at most one of them > 1, got "
                         f"{feature_group_count} and {batch_group_count}")
    nd = get_aval(x).ndim
    if get_aval(w).ndim != nd or nd < 3:
        raise TypeError(f"lax.conv_general_dilated: lhs and rhs must have the same rank >= 3, "
                        f"got shapes {get_aval(x).shape} and {get_aval(w).shape}")
    (lb, lf, ls), (ro, ri, rs), (ob, of, os_) = _dimension_numbers(dimension_numbers, nd)
    x = P.transpose(x, (lb, lf, *ls))            # N, C, spatial...
    w = P.transpose(w, (ro, ri, *rs))            # O, I, spatial...
    x, w = P.promote(x, w)
    n, c = get_aval(x).shape[:2]
    o, i_per_g = get_aval(w).shape[:2]
    ksz = get_aval(w).shape[2:]
    if bg > 1 and (n % bg or o % bg):
        raise ValueError(f"lax.conv_general_dilated: batch_group_count={bg} must divide the "
                         f"lhs batch ({n}) and the rhs output features ({o})")
    if c != i_per_g * g or o % g:
        raise TypeError(f"lax.conv_general_dilated: lhs has {c} features but rhs expects "
                        f"{i_per_g} per group x {g} groups (and {o} output features must "
                        f"divide by the groups)")
    ns = nd - 2
    strides = tuple(int(s) for s in window_strides)
    ld = tuple(int(d) for d in (lhs_dilation or (1,) * ns))
    rd = tuple(int(d) for d in (rhs_dilation or (1,) * ns))
    if len(strides) != ns or len(ld) != ns or len(rd) != ns:
        raise ValueError(f"lax.conv_general_dilated: window_strides, lhs_dilation and "
                         f"rhs_dilation need {ns} entries each")
    in_sp = tuple((s - 1) * d + 1 for s, d in zip(get_aval(x).shape[2:], ld))
    k_eff = tuple((k - 1) * d + 1 for k, d in zip(ksz, rd))
    pads = _padding(padding, in_sp, k_eff, strides)
    zero = np.array(0, get_aval(x).dtype)[()]
    cfg = ((0, 0, 0), (0, 0, 0)) + tuple((lo, hi, d - 1) for (lo, hi), d in zip(pads, ld))
    if any(v != 0 for c3 in cfg for v in c3):
        x = P.pad(x, zero, cfg)
    sp = get_aval(x).shape[2:]
    out_sp = tuple((s - k) // st + 1 for s, k, st in zip(sp, k_eff, strides))
    if any(v <= 0 for v in out_sp):
        raise ValueError(f"lax.conv_general_dilated: the (padded, dilated) input's spatial "
                         f"size {sp} is smaller than the dilated kernel {k_eff}")
    cols = []
    for off in itertools.product(*[range(k) for k in ksz]):
        start = (0, 0) + tuple(a * d for a, d in zip(off, rd))
        limit = (n, c) + tuple(a * d + (m - 1) * st + 1
                               for a, d, m, st in zip(off, rd, out_sp, strides))
        s = P.slice_(x, start, limit, (1, 1) + strides)
        cols.append(P.reshape(s, (n, c, 1) + out_sp))
    pat = cols[0] if len(cols) == 1 else P.concatenate(cols, 2)   # N, C, K, out...
    K, npos = len(cols), int(np.prod(out_sp))
    if bg > 1:   # groups of the batch: (B, N/B, C x K, P), grouped on axis 0
        pat, gax, groups = P.reshape(pat, (bg, n // bg, c * K, npos)), 0, bg
    else:        # groups of the features: (N, G, C/G x K, P), grouped on axis 1
        pat, gax, groups = P.reshape(pat, (n, g, i_per_g * K, npos)), 1, g
    wk = P.reshape(w, (groups, o // groups, i_per_g * K))
    # batch over groups, contract features x kernel offsets -> (G, N/B, P, O/G)
    y = P.dot_general(pat, wk, (((2,), (2,)), ((gax,), (0,))))
    y = P.transpose(y, (1, 0, 3, 2))                                 # N/B, G, O/G, P
    y = P.reshape(y, (n // bg, o) + out_sp)
    inv = [0] * nd
    for src, dst in enumerate([ob, of, *os_]):
        inv[dst] = src
    y = P.transpose(y, tuple(inv))
    if preferred_element_type is not None:
        y = P.convert_element_type(y, dtypes.canonicalize_dtype(preferred_element_type))
    return y


def conv(lhs, rhs, window_strides, padding, precision=None, preferred_element_type=None):
    """JAX's ``lax.conv``: NCHW/OIHW ``conv_general_dilated`` without dilation."""
    return conv_general_dilated(lhs, rhs, window_strides, padding, precision=precision,
                                preferred_element_type=preferred_element_type)
