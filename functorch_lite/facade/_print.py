"""PyTorch's tensor printing: ``tensor([[1., 1.],\\n        [1., 1.]], requires_grad=True)``.

Follows torch/_tensor_str.py's rules: one formatter per tensor (integer mode
``1.``, fixed ``0.4549`` with 4 decimals, or scientific ``1.0000e-05`` when
the nonzero magnitudes span more than 1e3 or leave [1e-4, 1e8)), width padded
to the widest element, lines wrapped at 80 columns, summarised with ``...``
beyond 1000 elements (3 edge items).
"""
import math

import numpy as np

from . import _types as T
from ._tensor import _xp

PRECISION, THRESHOLD, EDGEITEMS, LINEWIDTH = 4, 1000, 3, 80
_OPTS = {"precision": 4, "threshold": 1000, "edgeitems": 3, "linewidth": 80, "sci_mode": None}


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
                     profile=None, sci_mode=None):
    if profile == "default":
        _OPTS.update(precision=4, threshold=1000, edgeitems=3, linewidth=80)
    for k, v in (("precision", precision), ("threshold", threshold),
                 ("edgeitems", edgeitems), ("linewidth", linewidth)):
        if v is not None:
            _OPTS[k] = v
    _OPTS["sci_mode"] = sci_mode


class _Formatter:
    def __init__(self, vals, floating):
        self.floating = floating
        self.int_mode = True
        self.sci_mode = False
        self.max_width = 1
        p = _OPTS["precision"]
        if not floating:
            for v in vals.ravel().tolist():
                self.max_width = max(self.max_width, len(_plain(v)))
            return
        flat = vals.astype(np.float64).ravel()
        nz = flat[np.isfinite(flat) & (flat != 0)]
        if nz.size == 0:
            return
        a = np.abs(nz)
        lo, hi = float(a.min()), float(a.max())
        self.int_mode = bool(np.all(nz == np.ceil(nz)))
        if self.int_mode:
            if hi / lo > 1000.0 or hi > 1.0e8:
                self.sci_mode = True
                for v in nz.tolist():
                    self.max_width = max(self.max_width, len(f"{v:.{p}e}"))
            else:
                for v in nz.tolist():
                    self.max_width = max(self.max_width, len(f"{v:.0f}") + 1)
        else:
            if hi / lo > 1000.0 or hi > 1.0e8 or lo < 1.0e-4:
                self.sci_mode = True
                for v in nz.tolist():
                    self.max_width = max(self.max_width, len(f"{v:.{p}e}"))
            else:
                for v in nz.tolist():
                    self.max_width = max(self.max_width, len(f"{v:.{p}f}"))
        if _OPTS["sci_mode"] is not None:
            self.sci_mode = _OPTS["sci_mode"]

    def format(self, v):
        p = _OPTS["precision"]
        if self.floating:
            if self.sci_mode:
                r = f"{v:{self.max_width}.{p}e}"
            elif self.int_mode:
                r = f"{v:.0f}"
                if not (math.isinf(v) or math.isnan(v)):
                    r += "."
            else:
                r = f"{v:.{p}f}"
        else:
            r = _plain(v)
        return (self.max_width - len(r)) * " " + r


def _plain(v):
    return str(v)


def _summarized(a):
    e = _OPTS["edgeitems"]
    if a.ndim == 0:
        return a
    if a.ndim == 1:
        return np.concatenate([a[:e], a[-e:]]) if a.shape[0] > 2 * e else a
    if a.shape[0] > 2 * e:
        return np.stack([_summarized(x) for x in list(a[:e]) + list(a[-e:])])
    return np.stack([_summarized(x) for x in a])


def _vector(a, indent, summarize, fmt):
    e = _OPTS["edgeitems"]
    elem_len = fmt.max_width + 2
    per_line = max(1, int(math.floor((_OPTS["linewidth"] - indent) / elem_len)))
    vals = a.tolist()
    if summarize and a.shape[0] > 2 * e:
        data = [fmt.format(v) for v in vals[:e]] + [" ..."] + [fmt.format(v) for v in vals[-e:]]
    else:
        data = [fmt.format(v) for v in vals]
    lines = [", ".join(data[i:i + per_line]) for i in range(0, len(data), per_line)]
    return "[" + ("," + "\n" + " " * (indent + 1)).join(lines) + "]"


def _tstr(a, indent, summarize, fmt):
    if a.ndim == 0:
        return fmt.format(a.item())
    if a.ndim == 1:
        return _vector(a, indent, summarize, fmt)
    e = _OPTS["edgeitems"]
    if summarize and a.shape[0] > 2 * e:
        slices = ([_tstr(a[i], indent + 1, summarize, fmt) for i in range(e)] + ["..."] +
                  [_tstr(a[i], indent + 1, summarize, fmt)
                   for i in range(a.shape[0] - e, a.shape[0])])
    else:
        slices = [_tstr(a[i], indent + 1, summarize, fmt) for i in range(a.shape[0])]
    return "[" + ("," + "\n" * (a.ndim - 1) + " " * (indent + 1)).join(slices) + "]"


def array_str(a, indent):
    if a.dtype.kind == "c":
        return np.array2string(a, separator=", ")
    summarize = a.size > _OPTS["threshold"]
    floating = a.dtype.kind == "f"
    data = _summarized(a) if summarize else a
    if a.dtype == np.bool_:
        fmt = _Formatter(data, False)
    else:
        fmt = _Formatter(data, floating)
    return _tstr(a, indent, summarize, fmt)


def _add_suffixes(s, suffixes, indent):
    out = [s]
    last = len(s) - s.rfind("\n") + 1
    for suf in suffixes:
        if last + len(suf) + 2 > _OPTS["linewidth"]:
            out.append(",\n" + " " * indent + suf)
            last = indent + len(suf)
        else:
            out.append(", " + suf)
            last += len(suf) + 2
    out.append(")")
    return "".join(out)


def tensor_repr(t):
    from ..core.trace import Tracer
    if isinstance(t._v, Tracer):
        return f"tensor(<traced {t._v.aval.str_short()}>)"
    prefix = "tensor("
    indent = len(prefix)
    v = t._v
    # printing a device tensor copies it to the host without asking the
    # transfer guard: printing is the user's explicit request to see the values
    a = np.asarray(v) if type(v) is np.ndarray or not t.is_cuda else _xp(v).to_host(v)
    dt = T.from_np(a.dtype)
    suffixes = []
    dev = t.device
    if dev.type != "cpu":
        suffixes.append(f"device='{dev}'")
    default = dt in (T.get_default_dtype(), T.int64, T.bool, T.complex64)
    if a.size == 0:
        if a.ndim != 1:
            suffixes.append("size=" + str(tuple(a.shape)))
        if dt is not T.get_default_dtype():
            suffixes.append("dtype=" + repr(dt))
        body = "[]"
    else:
        if not default:
            suffixes.append("dtype=" + repr(dt))
        body = array_str(a, indent)
    if t.grad_fn is not None:
        suffixes.append(f"grad_fn=<{type(t.grad_fn).__name__}>")
    elif t.requires_grad:
        suffixes.append("requires_grad=True")
    return _add_suffixes(prefix + body, suffixes, indent)
