"""Full docstrings of the recurrent and attention layers and ``Parameter``
(``nn/__init__.py`` assigns them at import)."""

_RNN_ARGS = """    input_size: features of each time step of the input.
    hidden_size: features of the hidden state.
    num_layers: stacked layers (default 1).
    bias: learn the ``b_ih``/``b_hh`` biases (default True).
    batch_first: inputs and outputs are ``(batch, seq, feature)``.
    dropout: dropout between layers in training mode (default 0).
    bidirectional: a reverse-direction pass too; outputs concatenate both.
    device: where the parameters live.
    dtype: the parameters' dtype (default float32)."""
_RNN_RET = """A module; ``rnn(input, h0)`` (h0 optional, zeros by default, shape
    ``(num_layers * directions, batch, hidden_size)``) returns ``(output,
    h_n)``: every step's top-layer state, shape ``(seq, batch, directions *
    hidden_size)`` (batch first with ``batch_first``), and the last states."""

GRU = f"""Multi-layer gated recurrent unit RNN (``torch.nn.GRU``): PyTorch's gates
(reset, update, new; the reset gate multiplies the hidden part of the new gate,
bias included) and parameter names (``weight_ih_l0``, ...).

Args:
{_RNN_ARGS}
    nonlinearity: ``nn.RNN``'s option; a GRU raises TypeError for it.

Returns:
    {_RNN_RET}

Differs from PyTorch: packed sequences are not accepted.

Example:
    >>> import functorch_lite as torch
    >>> gru = torch.nn.GRU(4, 5, batch_first=True)
    >>> out, h = gru(torch.zeros(3, 7, 4))
    >>> out.shape, h.shape
    (torch.Size([3, 7, 5]), torch.Size([1, 3, 5]))
"""

RNN = f"""Multi-layer Elman RNN, ``h' = act(x W_ih^T + b_ih + h W_hh^T + b_hh)``
(``torch.nn.RNN``).

Args:
{_RNN_ARGS}
    nonlinearity: ``"tanh"`` (default) or ``"relu"``.

Returns:
    {_RNN_RET}

Differs from PyTorch: packed sequences are not accepted.

Example:
    >>> import functorch_lite as torch
    >>> rnn = torch.nn.RNN(4, 5, nonlinearity="relu")
    >>> out, h = rnn(torch.zeros(7, 3, 4))
    >>> out.shape, h.shape
    (torch.Size([7, 3, 5]), torch.Size([1, 3, 5]))
"""

MULTIHEAD_ATTENTION = """Multi-head scaled dot-product attention (``torch.nn.MultiheadAttention``),
with PyTorch's packed in-projection (``in_proj_weight``, ``in_proj_bias``) and
``out_proj``.

Args:
    embed_dim: the model dimension (query, key and value features).
    num_heads: heads; ``embed_dim`` must be divisible by it.
    dropout: dropout on the attention weights in training mode.
    bias: learn the projections' biases (default True).
    add_bias_kv: must be False.
    add_zero_attn: must be False.
    kdim: None or ``embed_dim``.
    vdim: None or ``embed_dim``.
    batch_first: inputs and outputs are ``(batch, seq, feature)``.
    device: where the parameters live.
    dtype: the parameters' dtype.

Returns:
    A module; ``mha(query, key, value, key_padding_mask=None,
    need_weights=True, attn_mask=None, average_attn_weights=True,
    is_causal=False)`` returns ``(output, weights)``: ``output`` shaped as
    the query, ``weights`` ``(batch, L, S)`` averaged over heads (per head
    with ``average_attn_weights=False``; None without ``need_weights``).
    Boolean masks mark positions NOT allowed; float masks are added.

Differs from PyTorch: ``add_bias_kv``, ``add_zero_attn`` and ``kdim``/``vdim``
other than ``embed_dim`` raise NotImplementedError.

Example:
    >>> import functorch_lite as torch
    >>> mha = torch.nn.MultiheadAttention(8, 2, batch_first=True)
    >>> x = torch.zeros(3, 5, 8)
    >>> out, weights = mha(x, x, x)
    >>> out.shape, weights.shape
    (torch.Size([3, 5, 8]), torch.Size([3, 5, 5]))
"""

TRANSFORMER_ENCODER_LAYER = """Self-attention then a feed-forward block, each with a residual and
LayerNorm (``torch.nn.TransformerEncoderLayer``; post-norm, or pre-norm with
``norm_first``).

Args:
    d_model: the model dimension.
    nhead: attention heads.
    dim_feedforward: the feed-forward block's hidden size (default 2048).
    dropout: dropout rate (default 0.1, training mode only).
    activation: ``"relu"``, ``"gelu"`` or a callable (default relu).
    layer_norm_eps: the LayerNorms' eps.
    batch_first: inputs are ``(batch, seq, feature)``.
    norm_first: pre-norm (LayerNorm before each block).
    bias: learn the linear layers' and norms' biases.
    device: where the parameters live.
    dtype: the parameters' dtype.

Returns:
    A module; ``layer(src, src_mask=None, src_key_padding_mask=None,
    is_causal=False)`` returns a Tensor shaped as ``src``.

Differs from PyTorch: no fast path (nested tensors); the same results.

Example:
    >>> import functorch_lite as torch
    >>> layer = torch.nn.TransformerEncoderLayer(d_model=8, nhead=2, dim_feedforward=16,
    ...                                          batch_first=True)
    >>> layer(torch.zeros(3, 5, 8)).shape
    torch.Size([3, 5, 8])
"""

TRANSFORMER_ENCODER = """A stack of ``num_layers`` copies of an encoder layer, then an optional
norm (``torch.nn.TransformerEncoder``).

Args:
    encoder_layer: a ``TransformerEncoderLayer`` (deep-copied ``num_layers`` times).
    num_layers: how many.
    norm: a module applied to the output (e.g. a LayerNorm), or None.
    enable_nested_tensor: accepted for PyTorch's signature (no nested tensors
        here; the results are the same).
    mask_check: accepted for PyTorch's signature.

Returns:
    A module; ``enc(src, mask=None, src_key_padding_mask=None,
    is_causal=None)`` returns a Tensor shaped as ``src``; ``enc.layers``
    holds the copies.

Differs from PyTorch: no nested-tensor fast path.

Example:
    >>> import functorch_lite as torch
    >>> layer = torch.nn.TransformerEncoderLayer(d_model=8, nhead=2, dim_feedforward=16,
    ...                                          batch_first=True)
    >>> enc = torch.nn.TransformerEncoder(layer, num_layers=2)
    >>> enc(torch.zeros(3, 5, 8)).shape, len(enc.layers)
    (torch.Size([3, 5, 8]), 2)
"""

PARAMETER = """A Tensor that a Module registers as a parameter when assigned as an
attribute (``torch.nn.Parameter``).

Args:
    data: the values (a Tensor; default an empty one).
    requires_grad: default True.

Returns:
    A Tensor (``isinstance(p, torch.Tensor)``) that ``parameters()``,
    ``state_dict()`` and the optimisers find.

Differs from PyTorch: ``repr`` is PyTorch's, but ``str`` (``print(p)``) shows
the bare Tensor, without PyTorch's "Parameter containing:" line.

Example:
    >>> import functorch_lite as torch
    >>> class Scale(torch.nn.Module):
    ...     def __init__(self):
    ...         super().__init__()
    ...         self.w = torch.nn.Parameter(torch.ones(2))
    >>> [name for name, _ in Scale().named_parameters()]
    ['w']
    >>> Scale().w
    Parameter containing:
    tensor([1., 1.], requires_grad=True)
"""

DOCS = {"GRU": GRU, "RNN": RNN, "MultiheadAttention": MULTIHEAD_ATTENTION,
        "TransformerEncoderLayer": TRANSFORMER_ENCODER_LAYER,
        "TransformerEncoder": TRANSFORMER_ENCODER, "Parameter": PARAMETER}
