"""Recurrent and attention layers: RNN, LSTM, GRU (multi-layer,
bidirectional, batch_first, dropout between layers), MultiheadAttention and
TransformerEncoderLayer, with PyTorch's parameter names, shapes, gate orders
and initialisation order (so after ``manual_seed`` the weights are
PyTorch's).  Each time step is plain Tensor ops, so gradients are the
facade's own; slower than PyTorch's fused kernels."""
import math

import numpy as np

from ..facade import _types as T
from ..facade._shape import cat, stack
from ..facade._tensor import _wrap
from . import functional as F
from . import init
from .modules import Dropout, LayerNorm, Linear, Module, Parameter


class _RNNBase(Module):
    _gates = 1
    _mode = "RNN"

    def __init__(self, input_size, hidden_size, num_layers=1, bias=True, batch_first=False,
                 dropout=0.0, bidirectional=False, device=None, dtype=None, nonlinearity=None):
        super().__init__()
        self.input_size, self.hidden_size, self.num_layers = input_size, hidden_size, \
            num_layers
        self.bias, self.batch_first, self.dropout = bias, batch_first, float(dropout)
        self.bidirectional = bidirectional
        if nonlinearity is not None:
            if self._mode != "RNN":          # PyTorch's LSTM/GRU reject it too
                raise TypeError(f"{self._mode}: unexpected argument nonlinearity="
                                f"{nonlinearity!r} (only nn.RNN takes one)")
            self.nonlinearity = nonlinearity
        npdt = T.as_dtype(dtype or T.get_default_dtype()).np
        g = self._gates * hidden_size
        dirs = 2 if bidirectional else 1
        for layer in range(num_layers):
            for d in range(dirs):
                sfx = f"_l{layer}" + ("_reverse" if d else "")
                isz = input_size if layer == 0 else hidden_size * dirs
                setattr(self, "weight_ih" + sfx, Parameter(_wrap(np.empty((g, isz), npdt))))
                setattr(self, "weight_hh" + sfx, Parameter(_wrap(np.empty((g, hidden_size),
                                                                          npdt))))
                if bias:
                    setattr(self, "bias_ih" + sfx, Parameter(_wrap(np.empty(g, npdt))))
                    setattr(self, "bias_hh" + sfx, Parameter(_wrap(np.empty(g, npdt))))
        self.reset_parameters()

    def reset_parameters(self):
        s = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for w in self.parameters():
            init.uniform_(w, -s, s)

    def _cell(self, x, state, sfx):
        raise NotImplementedError

    def _params(self, sfx):
        return (getattr(self, "weight_ih" + sfx), getattr(self, "weight_hh" + sfx),
                getattr(self, "bias_ih" + sfx) if self.bias else None,
                getattr(self, "bias_hh" + sfx) if self.bias else None)

    def forward(self, input, hx=None):  # noqa: A002
        unbatched = input.ndim == 2
        x = input.unsqueeze(1) if unbatched else (input.transpose(0, 1) if self.batch_first
                                                  else input)
        L, N = x.shape[0], x.shape[1]
        dirs = 2 if self.bidirectional else 1
        lstm = self._mode == "LSTM"
        if hx is None:
            z = _wrap(np.zeros((self.num_layers * dirs, N, self.hidden_size), x._v.dtype))
            hx = (z, z) if lstm else z
        elif unbatched:
            hx = tuple(h.unsqueeze(1) for h in hx) if lstm else hx.unsqueeze(1)
        h0, c0 = hx if lstm else (hx, None)
        hn, cn = [], []
        layer_in = x
        for layer in range(self.num_layers):
            outs = []
            for d in range(dirs):
                k = layer * dirs + d
                sfx = f"_l{layer}" + ("_reverse" if d else "")
                state = (h0[k], c0[k]) if lstm else h0[k]
                steps = range(L - 1, -1, -1) if d else range(L)
                ys = [None] * L
                for t in steps:
                    state = self._cell(layer_in[t], state, sfx)
                    ys[t] = state[0] if lstm else state
                outs.append(stack(ys, 0))
                hn.append(state[0] if lstm else state)
                if lstm:
                    cn.append(state[1])
            layer_in = outs[0] if dirs == 1 else cat(outs, 2)
            if self.dropout and self.training and layer < self.num_layers - 1:
                layer_in = F.dropout(layer_in, self.dropout, True)
        out = layer_in
        h = stack(hn, 0)
        if unbatched:
            out, h = out.squeeze(1), h.squeeze(1)
        elif self.batch_first:
            out = out.transpose(0, 1)
        if lstm:
            c = stack(cn, 0)
            return out, (h, c.squeeze(1) if unbatched else c)
        return out, h

    def extra_repr(self):
        s = f"{self.input_size}, {self.hidden_size}"
        if self.num_layers != 1:
            s += f", num_layers={self.num_layers}"
        if getattr(self, "_act", _DEFAULT_ACT) is not _DEFAULT_ACT:
            s += f", nonlinearity={self.nonlinearity}"
        if not self.bias:
            s += ", bias=False"
        if self.batch_first:
            s += ", batch_first=True"
        if self.dropout:
            s += f", dropout={self.dropout}"
        if self.bidirectional:
            s += ", bidirectional=True"
        return s


def _lin(x, w, b):
    y = x.matmul(w.t())
    return y + b if b is not None else y


# RNN's nonlinearity= (PyTorch's option names) -> the activation the cell applies
def _tanh(a):
    return a.tanh()


def _relu(a):
    return a.relu()


# (module-level functions, not lambdas: a module must pickle and deepcopy)
_ACTIVATIONS = {"tanh": _tanh, "relu": _relu}
_DEFAULT_ACT = _tanh


class RNN(_RNNBase):
    """Elman RNN: h' = tanh (or relu)(x W_ih^T + b_ih + h W_hh^T + b_hh)."""

    def __init__(self, *args, nonlinearity="tanh", **kwargs):
        act = _ACTIVATIONS.get(nonlinearity)
        if act is None:
            raise ValueError(f"Unknown nonlinearity '{nonlinearity}'. Select from 'tanh' or "
                             f"'relu'.")
        super().__init__(*args, nonlinearity=nonlinearity, **kwargs)
        self._act = act

    def _cell(self, x, h, sfx):
        wi, wh, bi, bh = self._params(sfx)
        return self._act(_lin(x, wi, bi) + _lin(h, wh, bh))


class LSTM(_RNNBase):
    """LSTM with gates in PyTorch's order (input, forget, cell, output)."""
    _gates, _mode = 4, "LSTM"

    def _cell(self, x, state, sfx):
        h, c = state
        wi, wh, bi, bh = self._params(sfx)
        g = _lin(x, wi, bi) + _lin(h, wh, bh)
        i, f, gg, o = g.chunk(4, -1)
        c2 = f.sigmoid() * c + i.sigmoid() * gg.tanh()
        return o.sigmoid() * c2.tanh(), c2


class GRU(_RNNBase):
    """GRU with PyTorch's gates (reset, update, new; the reset gate multiplies
    the hidden part of the new gate, bias included)."""
    _gates, _mode = 3, "GRU"

    def _cell(self, x, h, sfx):
        wi, wh, bi, bh = self._params(sfx)
        xi = _lin(x, wi, bi).chunk(3, -1)
        hh = _lin(h, wh, bh).chunk(3, -1)
        r = (xi[0] + hh[0]).sigmoid()
        z = (xi[1] + hh[1]).sigmoid()
        n = (xi[2] + r * hh[2]).tanh()
        return (1 - z) * n + z * h


class NonDynamicallyQuantizableLinear(Linear):
    """The Linear MultiheadAttention uses for its output projection (PyTorch's name)."""


class MultiheadAttention(Module):
    """Multi-head attention with a packed in-projection (``in_proj_weight``),
    ``out_proj``, ``batch_first``, masks (bool: True = not allowed; float:
    added), averaged or per-head weights.  ``add_bias_kv``/``add_zero_attn``/
    separate kdim/vdim are not supported."""

    def __init__(self, embed_dim, num_heads, dropout=0.0, bias=True, add_bias_kv=False,
                 add_zero_attn=False, kdim=None, vdim=None, batch_first=False, device=None,
                 dtype=None):
        super().__init__()
        if add_bias_kv or add_zero_attn or (kdim not in (None, embed_dim)) or \
                (vdim not in (None, embed_dim)):
            raise NotImplementedError("MultiheadAttention: add_bias_kv, add_zero_attn and "
                                      "kdim/vdim != embed_dim are not supported")
        if embed_dim % num_heads:
            raise AssertionError("embed_dim must be divisible by num_heads")
        self.embed_dim, self.num_heads, self.dropout = embed_dim, num_heads, dropout
        self.batch_first, self.head_dim = batch_first, embed_dim // num_heads
        npdt = T.as_dtype(dtype or T.get_default_dtype()).np
        self.in_proj_weight = Parameter(_wrap(np.empty((3 * embed_dim, embed_dim), npdt)))
        if bias:
            self.in_proj_bias = Parameter(_wrap(np.empty(3 * embed_dim, npdt)))
        else:
            self._parameters["in_proj_bias"] = None
        self.out_proj = NonDynamicallyQuantizableLinear(embed_dim, embed_dim, bias=bias,
                                                        dtype=dtype)
        init.xavier_uniform_(self.in_proj_weight)
        if bias:
            init.constant_(self.in_proj_bias, 0.0)
            init.constant_(self.out_proj.bias, 0.0)

    def forward(self, query, key, value, key_padding_mask=None, need_weights=True,
                attn_mask=None, average_attn_weights=True, is_causal=False):
        unbatched = query.ndim == 2
        q, k, v = query, key, value
        if unbatched:
            q, k, v = q.unsqueeze(1), k.unsqueeze(1), v.unsqueeze(1)
        elif self.batch_first:
            q, k, v = q.transpose(0, 1), k.transpose(0, 1), v.transpose(0, 1)
        L, N, E = q.shape
        S_ = k.shape[0]
        H, D = self.num_heads, self.head_dim
        w, b = self.in_proj_weight, self.in_proj_bias
        wq, wk, wv = w.chunk(3, 0)
        bq, bk, bv = b.chunk(3, 0) if b is not None else (None, None, None)
        qp, kp, vp = _lin(q, wq, bq), _lin(k, wk, bk), _lin(v, wv, bv)
        # (L, N, E) -> (N, H, L, D)
        qh = qp.reshape(L, N * H, D).transpose(0, 1).reshape(N, H, L, D)
        kh = kp.reshape(S_, N * H, D).transpose(0, 1).reshape(N, H, S_, D)
        vh = vp.reshape(S_, N * H, D).transpose(0, 1).reshape(N, H, S_, D)
        s = qh.matmul(kh.transpose(-2, -1)) * (1.0 / math.sqrt(D))
        if is_causal and attn_mask is None:
            attn_mask = _wrap(~np.tril(np.ones((L, S_), bool)))
        if attn_mask is not None:
            am = attn_mask if attn_mask.ndim == 2 else attn_mask.reshape(N, H, L, S_)
            s = s.masked_fill(_wrap(np.asarray(am._v)), float("-inf")) \
                if am._v.dtype == np.bool_ else s + am
        if key_padding_mask is not None:
            kpm = np.asarray(key_padding_mask._v)
            if kpm.dtype == np.bool_:
                s = s.masked_fill(_wrap(kpm[:, None, None, :]), float("-inf"))
            else:
                s = s + key_padding_mask.reshape(N, 1, 1, S_)
        a = F.softmax(s, dim=-1)
        if self.dropout and self.training:
            a = F.dropout(a, self.dropout, True)
        o = a.matmul(vh)                                         # (N, H, L, D)
        o = o.permute(2, 0, 1, 3).reshape(L * N, E)
        out = self.out_proj(o).reshape(L, N, E)
        if unbatched:
            out = out.squeeze(1)
        elif self.batch_first:
            out = out.transpose(0, 1)
        if not need_weights:
            return out, None
        wts = a.mean(1) if average_attn_weights else a
        return out, (wts.squeeze(0) if unbatched else wts)


class TransformerEncoderLayer(Module):
    """Self-attention then a feed-forward block, each with a residual and
    LayerNorm (post-norm, or pre-norm with ``norm_first``), as PyTorch's."""

    def __init__(self, d_model, nhead, dim_feedforward=2048, dropout=0.1, activation="relu",
                 layer_norm_eps=1e-5, batch_first=False, norm_first=False, bias=True,
                 device=None, dtype=None):
        super().__init__()
        self.self_attn = MultiheadAttention(d_model, nhead, dropout=dropout, bias=bias,
                                            batch_first=batch_first, dtype=dtype)
        self.linear1 = Linear(d_model, dim_feedforward, bias=bias, dtype=dtype)
        self.dropout = Dropout(dropout)
        self.linear2 = Linear(dim_feedforward, d_model, bias=bias, dtype=dtype)
        self.norm_first = norm_first
        self.norm1 = LayerNorm(d_model, eps=layer_norm_eps, dtype=dtype)
        self.norm2 = LayerNorm(d_model, eps=layer_norm_eps, dtype=dtype)
        self.dropout1 = Dropout(dropout)
        self.dropout2 = Dropout(dropout)
        if isinstance(activation, str):
            if activation not in ("relu", "gelu"):
                raise RuntimeError(f"activation should be relu/gelu, not {activation}")
            activation = F.relu if activation == "relu" else F.gelu
        self.activation = activation

    def _sa(self, x, mask, kpm, causal):
        return self.dropout1(self.self_attn(x, x, x, key_padding_mask=kpm, attn_mask=mask,
                                            need_weights=False, is_causal=causal)[0])

    def _ff(self, x):
        return self.dropout2(self.linear2(self.dropout(self.activation(self.linear1(x)))))

    def forward(self, src, src_mask=None, src_key_padding_mask=None, is_causal=False):
        x = src
        if self.norm_first:
            x = x + self._sa(self.norm1(x), src_mask, src_key_padding_mask, is_causal)
            return x + self._ff(self.norm2(x))
        x = self.norm1(x + self._sa(x, src_mask, src_key_padding_mask, is_causal))
        return self.norm2(x + self._ff(x))


class TransformerEncoder(Module):
    """``num_layers`` deep copies of ``encoder_layer``, then an optional norm."""

    def __init__(self, encoder_layer, num_layers, norm=None, enable_nested_tensor=True,
                 mask_check=True):
        super().__init__()
        import copy
        from .modules import ModuleList
        self.layers = ModuleList([copy.deepcopy(encoder_layer) for _ in range(num_layers)])
        self.num_layers = num_layers
        self.norm = norm

    def forward(self, src, mask=None, src_key_padding_mask=None, is_causal=None):
        x = src
        for m in self.layers:
            x = m(x, src_mask=mask, src_key_padding_mask=src_key_padding_mask,
                  is_causal=bool(is_causal))
        return self.norm(x) if self.norm is not None else x
