"""conv2d and 2-D pooling, written with existing primitives (strided slices,
concatenate, dot_general, reduce_max), so their derivatives and batching are
the primitives' own.  im2col: one strided slice per kernel offset.
Correct before fast: the kernel-offset loop costs kh*kw slice ops."""
import numpy as np

from .. import primitives as P
from ..core.trace import get_aval
from . import _stable as S


def _pair(v):
    return (int(v), int(v)) if isinstance(v, (int, np.integer)) else tuple(int(a) for a in v)


def _windows(x, k, stride, padding, dilation, pad_value):
    """(N, C, kh*kw, Ho, Wo) patches of x (N, C, H, W)."""
    n, c, h, w = get_aval(x).shape
    (kh, kw), (sh, sw), (ph, pw), (dh, dw) = k, stride, padding, dilation
    if ph or pw:
        x = P.pad(x, np.array(pad_value, get_aval(x).dtype)[()],
                  ((0, 0, 0), (0, 0, 0), (ph, ph, 0), (pw, pw, 0)))
        h, w = h + 2 * ph, w + 2 * pw
    ho = (h - dh * (kh - 1) - 1) // sh + 1
    wo = (w - dw * (kw - 1) - 1) // sw + 1
    if ho <= 0 or wo <= 0:
        raise RuntimeError(f"conv/pool: input of spatial size {(h - 2 * ph, w - 2 * pw)} "
                           f"(padded {(h, w)}) is smaller than the kernel {(kh, kw)}")
    cols = []
    for i in range(kh):
        for j in range(kw):
            s = P.slice_(x, (0, 0, i * dh, j * dw),
                         (n, c, i * dh + (ho - 1) * sh + 1, j * dw + (wo - 1) * sw + 1),
                         (1, 1, sh, sw))
            cols.append(P.reshape(s, (n, c, 1, ho, wo)))
    return P.concatenate(cols, 2), ho, wo


def _conv_fn(x, w, b, stride, padding, dilation, groups):
    n, c, _, _ = get_aval(x).shape
    o, cg, kh, kw = get_aval(w).shape
    if c != cg * groups:
        raise RuntimeError(f"conv2d: input has {c} channels but weight {get_aval(w).shape} "
                           f"expects {cg * groups} (groups={groups})")
    patches, ho, wo = _windows(x, (kh, kw), stride, padding, dilation, 0)
    outs = []
    og = o // groups
    for g in range(groups):
        pg = patches if groups == 1 else P.slice_(
            patches, (0, g * cg, 0, 0, 0), (n, (g + 1) * cg, kh * kw, ho, wo))
        wg = w if groups == 1 else P.slice_(w, (g * og, 0, 0, 0), ((g + 1) * og, cg, kh, kw))
        wr = P.reshape(wg, (og, cg, kh * kw))
        r = P.dot_general(pg, wr, (((1, 2), (1, 2)), ((), ())))     # (N, Ho, Wo, O/g)
        outs.append(P.transpose(r, (0, 3, 1, 2)))
    out = outs[0] if groups == 1 else P.concatenate(outs, 1)
    if b is not None:
        out = P.add(out, P.reshape(b, (1, o, 1, 1)))
    return out


def conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):  # noqa
    if input.ndim != 4:
        raise RuntimeError(f"conv2d: expected a 4-D input (N, C, H, W), got shape "
                           f"{list(input.shape)}")
    if isinstance(padding, str):
        if padding == "valid":
            padding = 0
        else:
            raise NotImplementedError("conv2d: padding='same' is not supported; give ints")
    args = [input, weight] + ([bias] if bias is not None else [])
    st, pd, dl = _pair(stride), _pair(padding), _pair(dilation)

    def fn(x, w, b=None):
        return _conv_fn(x, w, b, st, pd, dl, groups)
    return S.bridge(fn, "ConvolutionBackward0", *args)


def max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1,  # noqa: A002
               ceil_mode=False, return_indices=False):
    if ceil_mode or return_indices:
        raise NotImplementedError("max_pool2d: ceil_mode/return_indices are not supported")
    k = _pair(kernel_size)
    st = _pair(stride) if stride is not None else k

    def fn(x):
        n, c = get_aval(x).shape[:2]
        p, ho, wo = _windows(x, k, st, _pair(padding), _pair(dilation), -np.inf)
        return P.reduce_max(p, (2,))
    x = input if input.ndim == 4 else input.unsqueeze(0)
    r = S.bridge(fn, "MaxPool2DWithIndicesBackward0", x)
    return r if input.ndim == 4 else r.squeeze(0)


def avg_pool2d(input, kernel_size, stride=None, padding=0):  # noqa: A002
    k = _pair(kernel_size)
    st = _pair(stride) if stride is not None else k

    def fn(x):
        p, ho, wo = _windows(x, k, st, _pair(padding), (1, 1), 0)
        return P.div(P.reduce_sum(p, (2,)), float(k[0] * k[1]))
    return S.bridge(fn, "AvgPool2DBackward0", input)
