"""Full docstrings of the layers users meet first (``nn/__init__.py`` assigns
them at import, before the one-line mirror docs, so help(), Sphinx's autodoc
and tests/test_doctests.py see them on the classes themselves)."""

MODULE = """Base class of every layer and model (``torch.nn.Module``).

Subclass it, create parameters and sub-modules in ``__init__`` (after
``super().__init__()``) and write ``forward``; calling the module runs
``forward`` with its hooks.  Attributes that are ``Parameter``\\ s, modules or
registered buffers are found by ``parameters()``, ``named_parameters()``,
``state_dict()``, ``to()``, ``train()``/``eval()`` and ``zero_grad()``.

Args:
    (none): ``Module()`` takes no arguments; subclasses define their own.

Returns:
    Calling an instance returns what its ``forward`` returns.

Differs from PyTorch: the same methods and semantics (hooks, ``state_dict``
with buffers and ``strict=``, ``apply``, ``named_modules``...), but not
``half``/``bfloat16``, ``compile``, ``get_submodule``/``get_parameter``,
``set_extra_state``, the state-dict hooks nor the deprecated
``register_backward_hook`` (use ``register_full_backward_hook``).

Example:
    >>> import functorch_lite as torch
    >>> from functorch_lite import nn
    >>> class Net(nn.Module):
    ...     def __init__(self):
    ...         super().__init__()
    ...         self.fc = nn.Linear(2, 1)
    ...     def forward(self, x):
    ...         return torch.relu(self.fc(x))
    >>> net = Net()
    >>> net
    Net(
      (fc): Linear(in_features=2, out_features=1, bias=True)
    )
    >>> [name for name, _ in net.named_parameters()]
    ['fc.weight', 'fc.bias']
    >>> net(torch.ones(5, 2)).shape
    torch.Size([5, 1])
"""

LINEAR = """Affine layer ``y = x @ weight.T + bias`` (``torch.nn.Linear``).

Args:
    in_features: size of the last axis of the input.
    out_features: size of the last axis of the output.
    bias: learn an additive bias (default True); False leaves ``bias`` None.
    device: where the parameters live (``"cpu"``, or ``"cuda"`` with CuPy).
    dtype: the parameters' dtype (default the default dtype, float32).

Returns:
    A module; called on a Tensor of shape ``(*, in_features)`` it returns a
    Tensor of shape ``(*, out_features)``.  ``weight`` has shape
    ``(out_features, in_features)`` and ``bias`` ``(out_features,)``, both
    initialised uniformly in ``(-1/sqrt(in_features), 1/sqrt(in_features))``,
    drawing from the same generator stream as PyTorch's (``manual_seed``).

Differs from PyTorch: nothing in arguments or results.

Example:
    >>> import functorch_lite as torch
    >>> lin = torch.nn.Linear(3, 2)
    >>> lin
    Linear(in_features=3, out_features=2, bias=True)
    >>> lin.weight.shape, lin.bias.shape
    (torch.Size([2, 3]), torch.Size([2]))
    >>> y = lin(torch.ones(4, 3))
    >>> y.shape, y.grad_fn.name()
    (torch.Size([4, 2]), 'AddmmBackward0')
"""

CONV2D = """2-D convolution over ``(N, C, H, W)`` inputs (``torch.nn.Conv2d``; a
cross-correlation, as PyTorch's).

Args:
    in_channels: channels of the input (``C``).
    out_channels: channels of the output.
    kernel_size: int or ``(kh, kw)``.
    stride: int or pair (default 1).
    padding: zeros added on each side: int or ``(ph, pw)`` (default 0).
    dilation: int or pair (default 1).
    groups: split the channels into this many independent groups (default 1).
    bias: learn a bias per output channel (default True).
    padding_mode: ``"zeros"`` only.
    device: where the parameters live.
    dtype: the parameters' dtype (default float32).

Returns:
    A module mapping ``(N, in_channels, H, W)`` to ``(N, out_channels,
    H_out, W_out)``; ``weight`` has shape ``(out_channels, in_channels //
    groups, kh, kw)``, initialised as PyTorch's (kaiming uniform).

Differs from PyTorch: no ``padding="same"``/``"valid"``, no
``padding_mode`` but ``"zeros"`` (NotImplementedError), and the input must be
batched (4-D).

Example:
    >>> import functorch_lite as torch
    >>> conv = torch.nn.Conv2d(1, 4, 3, padding=1)
    >>> conv
    Conv2d(1, 4, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
    >>> conv(torch.zeros(2, 1, 8, 8)).shape
    torch.Size([2, 4, 8, 8])
"""

SEQUENTIAL = """Modules applied one after the other (``torch.nn.Sequential``).

Args:
    *mods: the modules, in order, or one ``OrderedDict`` of name -> module.
        They are registered as sub-modules named ``"0"``, ``"1"``, ... (or by
        the dict's keys), so their parameters belong to the Sequential.

Returns:
    A module whose ``forward(x)`` returns ``mods[-1](...mods[0](x))``; it
    can be indexed, sliced (a new Sequential), iterated and appended to.

Differs from PyTorch: nothing in arguments or results.

Example:
    >>> import functorch_lite as torch
    >>> from functorch_lite import nn
    >>> model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
    >>> model
    Sequential(
      (0): Linear(in_features=4, out_features=8, bias=True)
      (1): ReLU()
      (2): Linear(in_features=8, out_features=1, bias=True)
    )
    >>> model(torch.zeros(5, 4)).shape
    torch.Size([5, 1])
"""

RELU = """Elementwise ``max(x, 0)`` as a module (``torch.nn.ReLU``).

Args:
    inplace: overwrite the input instead of returning a new Tensor (default
        False).

Returns:
    A module returning a Tensor of the input's shape and dtype.

Differs from PyTorch: nothing in arguments or results.

Example:
    >>> import functorch_lite as torch
    >>> torch.nn.ReLU()(torch.tensor([-1.0, 0.0, 2.0]))
    tensor([0., 0., 2.])
"""

MSELOSS = """Mean squared error between input and target (``torch.nn.MSELoss``).

Args:
    reduction: ``"mean"`` (default), ``"sum"`` or ``"none"`` (the
        elementwise squared errors).

Returns:
    A module; ``loss(input, target)`` (same shapes, or broadcastable with
    PyTorch's warning) returns a scalar Tensor, or the elementwise errors for
    ``reduction="none"``.

Differs from PyTorch: no deprecated ``size_average``/``reduce`` arguments
(use ``reduction``).

Example:
    >>> import functorch_lite as torch
    >>> loss = torch.nn.MSELoss()
    >>> loss(torch.tensor([1.0, 2.0]), torch.tensor([0.0, 4.0]))
    tensor(2.5000)
"""

CROSSENTROPYLOSS = """Softmax cross-entropy of logits against class indices or
probabilities (``torch.nn.CrossEntropyLoss``).

Args:
    weight: optional per-class weights, shape ``(C,)``.
    ignore_index: targets equal to it contribute nothing (default -100).
    reduction: ``"mean"`` (weighted mean over the non-ignored targets),
        ``"sum"`` or ``"none"``.
    label_smoothing: in ``[0, 1]``: mix the targets with the uniform
        distribution by this much.

Returns:
    A module; ``loss(logits, target)`` with logits ``(N, C)`` (or ``(N, C,
    d1, ...)``, or ``(C,)``) and target class indices ``(N, ...)`` (int64) or
    class probabilities shaped as the logits, returns a scalar Tensor (or
    the per-sample losses for ``reduction="none"``).

Differs from PyTorch: no deprecated ``size_average``/``reduce`` arguments.

Example:
    >>> import functorch_lite as torch
    >>> logits = torch.tensor([[2.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
    >>> torch.nn.CrossEntropyLoss(reduction="none")(logits, torch.tensor([0, 2]))
    tensor([0.2395, 1.0986])
"""

EMBEDDING = """A lookup table of ``num_embeddings`` vectors of size
``embedding_dim`` (``torch.nn.Embedding``).

Args:
    num_embeddings: how many rows the table has.
    embedding_dim: the length of each row.
    padding_idx: a row that is initialised to zeros and never receives a
        gradient (negative values count from the end).
    dtype: the table's dtype (default float32).
    device: where the table lives.

Returns:
    A module; called on an integer Tensor of any shape it returns the rows,
    shape ``(*input.shape, embedding_dim)``.  ``weight`` is drawn from N(0, 1).

Differs from PyTorch: no ``max_norm``, ``norm_type``,
``scale_grad_by_freq`` nor ``sparse`` (gradients are dense).

Example:
    >>> import functorch_lite as torch
    >>> emb = torch.nn.Embedding(10, 3, padding_idx=0)
    >>> emb(torch.tensor([[1, 2], [3, 0]])).shape
    torch.Size([2, 2, 3])
    >>> emb.weight[0]
    tensor([0., 0., 0.], grad_fn=<SelectBackward0>)
"""

LSTM = """Multi-layer long short-term memory RNN (``torch.nn.LSTM``), gates in
PyTorch's order (input, forget, cell, output) and PyTorch's parameter names
(``weight_ih_l0``, ``weight_hh_l0``, ``bias_ih_l0``, ``bias_hh_l0``, ...).

Args:
    input_size: features of each time step of the input.
    hidden_size: features of the hidden and cell states.
    num_layers: stacked layers (default 1).
    bias: learn the ``b_ih``/``b_hh`` biases (default True).
    batch_first: inputs and outputs are ``(batch, seq, feature)`` instead of
        ``(seq, batch, feature)``.
    dropout: dropout between layers in training mode (default 0).
    bidirectional: a reverse-direction pass too; outputs concatenate both.
    device: where the parameters live.
    dtype: the parameters' dtype (default float32).
    nonlinearity: ``nn.RNN``'s option; an LSTM raises TypeError for it, as
        PyTorch's does (its cell uses sigmoid and tanh).

Returns:
    A module; ``lstm(input, (h0, c0))`` (states optional, default zeros,
    shape ``(num_layers * directions, batch, hidden_size)``) returns
    ``(output, (h_n, c_n))``: ``output`` has every step's top-layer hidden
    state, shape ``(seq, batch, directions * hidden_size)`` (batch first with
    ``batch_first``).

Differs from PyTorch: no ``proj_size``; packed sequences are not accepted.

Example:
    >>> import functorch_lite as torch
    >>> lstm = torch.nn.LSTM(4, 5, num_layers=2, batch_first=True)
    >>> out, (h, c) = lstm(torch.zeros(3, 7, 4))
    >>> out.shape, h.shape, c.shape
    (torch.Size([3, 7, 5]), torch.Size([2, 3, 5]), torch.Size([2, 3, 5]))
"""

DOCS = {"Module": MODULE, "Linear": LINEAR, "Conv2d": CONV2D, "Sequential": SEQUENTIAL,
        "ReLU": RELU, "MSELoss": MSELOSS, "CrossEntropyLoss": CROSSENTROPYLOSS,
        "Embedding": EMBEDDING, "LSTM": LSTM}
