"""Full docstrings of the rest of ``nn.functional`` (``nn/functional.py``
assigns them at import).  Each Example's output is PyTorch's, checked when
written."""

_IMP = ("    >>> import functorch_lite as torch\n"
        "    >>> import functorch_lite.nn.functional as F")
_SAME = "Differs from PyTorch: nothing in arguments or results."


def _doc(summary, args, returns, example, differs=_SAME):
    return (f"{summary}\n\nArgs:\n{args}\n\nReturns:\n    {returns}\n\n{differs}\n\n"
            f"Example:\n{_IMP}\n{example}\n")


DOCS = {
    "cross_entropy": _doc(
        "Softmax cross-entropy of logits against class indices or class\n"
        "probabilities (``torch.nn.functional.cross_entropy``).",
        "    input: logits ``(N, C)``, ``(N, C, d1, ...)`` or ``(C,)``.\n"
        "    target: int64 class indices ``(N, d1, ...)``, or probabilities shaped as input.\n"
        "    weight: optional per-class weights ``(C,)``.\n"
        "    ignore_index: index targets that contribute nothing (default -100).\n"
        "    reduction: ``'mean'`` (weighted), ``'sum'`` or ``'none'``.\n"
        "    label_smoothing: mix the targets with the uniform distribution by this much.",
        "A scalar Tensor (per-sample losses for ``'none'``).",
        "    >>> F.cross_entropy(torch.tensor([[2.0, 0.0, 0.0], [0.0, 0.0, 0.0]]), torch.tensor([0, 2]))\n"
        "    tensor(0.6691)",
        "Differs from PyTorch: no deprecated ``size_average``/``reduce``."),
    "logsumexp": _doc(
        "``log(sum(exp(x), dim))``, computed stably (``torch.logsumexp`` under\n"
        "``nn.functional``, where PyTorch has none).",
        "    input: a Tensor (or an array).\n    dim: the dimension(s) (None: every axis).\n"
        "    keepdim: keep the reduced dimensions with size 1.\n    axis: NumPy's name for ``dim``.",
        "A Tensor.",
        "    >>> F.logsumexp(torch.tensor([[0.0, 0.0], [1.0, 2.0]]), dim=1)\n"
        "    tensor([0.6931, 2.3133])",
        "Differs from PyTorch: ``torch.nn.functional`` has no logsumexp (this is\n"
        "``torch.logsumexp``'s), and ``dim=None`` reduces over every axis."),
    "adaptive_avg_pool2d": _doc(
        "Average pooling to a fixed output size (``torch.nn.functional.adaptive_avg_pool2d``),\n"
        "over PyTorch's windows ``[floor(i n / o), ceil((i + 1) n / o))``.",
        "    input: ``(N, C, H, W)`` or ``(C, H, W)``.\n"
        "    output_size: an int or ``(oh, ow)`` (None keeps that size).",
        "A Tensor of spatial size ``output_size``.",
        "    >>> F.adaptive_avg_pool2d(torch.arange(16.0).reshape(1, 1, 4, 4), 2)\n"
        "    tensor([[[[ 2.5000,  4.5000],\n              [10.5000, 12.5000]]]])"),
    "batch_norm": _doc(
        "Batch normalisation over every dimension but 1 (``torch.nn.functional.batch_norm``).",
        "    input: ``(N, C, ...)``.\n    running_mean: the running mean ``(C,)`` (or None).\n"
        "    running_var: the running variance ``(C,)`` (or None).\n"
        "    weight: optional scale ``(C,)``.\n    bias: optional shift ``(C,)``.\n"
        "    training: use the batch statistics and update the running ones in place\n"
        "        (unbiased variance, as PyTorch); otherwise use the running ones.\n"
        "    momentum: the running statistics' update factor (default 0.1).\n"
        "    eps: added to the variance (default 1e-5).",
        "A Tensor shaped as ``input``.",
        "    >>> F.batch_norm(torch.tensor([[1.0], [3.0]]), torch.zeros(1), torch.ones(1), training=True)\n"
        "    tensor([[-1.0000],\n            [ 1.0000]])"),
    "conv1d": _doc(
        "1-D convolution (a cross-correlation) over ``(N, C, L)`` inputs\n"
        "(``torch.nn.functional.conv1d``).",
        "    input: ``(N, C_in, L)``.\n    weight: ``(C_out, C_in / groups, k)``.\n"
        "    bias: optional ``(C_out,)``.\n    stride: int (default 1).\n    padding: int (default 0).\n"
        "    dilation: int (default 1).\n    groups: channel groups (default 1).",
        "A Tensor ``(N, C_out, L_out)``.",
        "    >>> F.conv1d(torch.ones(1, 1, 5), torch.ones(1, 1, 3))\n    tensor([[[3., 3., 3.]]])",
        "Differs from PyTorch: no ``padding='same'``/``'valid'`` strings."),
    "conv_transpose2d": _doc(
        "2-D transposed convolution, the gradient of conv2d with respect to its\n"
        "input (``torch.nn.functional.conv_transpose2d``).",
        "    input: ``(N, C_in, H, W)``.\n    weight: ``(C_in, C_out / groups, kh, kw)``.\n"
        "    bias: optional ``(C_out,)``.\n    stride: int or pair.\n    padding: int or pair.\n"
        "    output_padding: extra size on one side of the output.\n    groups: channel groups.\n"
        "    dilation: int or pair.",
        "A Tensor ``(N, C_out, H_out, W_out)``.",
        "    >>> F.conv_transpose2d(torch.ones(1, 1, 2, 2), torch.ones(1, 1, 3, 3), stride=2).shape\n"
        "    torch.Size([1, 1, 5, 5])"),
    "dropout2d": _doc(
        "Zero whole channels at random, scaling the rest by ``1 / (1 - p)``\n"
        "(``torch.nn.functional.dropout2d``).",
        "    input: ``(N, C, H, W)`` or ``(C, H, W)``.\n    p: the drop probability.\n"
        "    training: apply it (False: the identity).\n    inplace: write into ``input``.",
        "A Tensor shaped as ``input`` (one draw per channel, PyTorch's numbers\n"
        "    after the same seed).",
        "    >>> F.dropout2d(torch.ones(1, 4, 1, 1), p=0.5, training=False).flatten()\n"
        "    tensor([1., 1., 1., 1.])"),
    "interpolate": _doc(
        "Nearest-neighbour resizing (``torch.nn.functional.interpolate`` with\n"
        "``mode='nearest'``: index ``floor(i * in / out)``).",
        "    input: ``(N, C, L)`` or ``(N, C, H, W)``.\n    size: the output size (int or tuple).\n"
        "    scale_factor: or a factor (float or tuple).\n    mode: ``'nearest'`` only.\n"
        "    align_corners: must be None (ValueError, as PyTorch for 'nearest').\n"
        "    recompute_scale_factor: index with the scale the output size implies.\n"
        "    antialias: must be False (ValueError, as PyTorch for 'nearest').",
        "A Tensor of the new spatial size.",
        "    >>> F.interpolate(torch.tensor([[[1.0, 2.0]]]), scale_factor=2)\n"
        "    tensor([[[1., 1., 2., 2.]]])",
        "Differs from PyTorch: only ``mode='nearest'`` (others raise NotImplementedError)."),
    "kl_div": _doc(
        "Kullback-Leibler divergence ``target * (log target - input)`` with\n"
        "``input`` a log-probability (``torch.nn.functional.kl_div``).",
        "    input: log-probabilities.\n    target: probabilities (log-probabilities with log_target).\n"
        "    size_average: must be None (PyTorch's deprecated argument).\n"
        "    reduce: must be None.\n"
        "    reduction: ``'mean'``, ``'batchmean'`` (the sum over the batch size: the true\n"
        "        KL divergence), ``'sum'`` or ``'none'``.\n"
        "    log_target: ``target`` is given as log-probabilities.",
        "A Tensor.",
        "    >>> F.kl_div(torch.tensor([0.5, 0.5]).log(), torch.tensor([0.25, 0.75]), reduction='sum')\n"
        "    tensor(0.1308)",
        "Differs from PyTorch: ``size_average``/``reduce`` raise TypeError (use ``reduction``)."),
    "scaled_dot_product_attention": _doc(
        "Attention ``softmax(q k^T * scale + mask) v``\n"
        "(``torch.nn.functional.scaled_dot_product_attention``).",
        "    query: ``(..., L, E)``.\n    key: ``(..., S, E)``.\n    value: ``(..., S, Ev)``.\n"
        "    attn_mask: a bool mask (True: may attend) or a float mask added to the scores.\n"
        "    dropout_p: dropout on the attention weights.\n"
        "    is_causal: a lower-triangular mask.\n    scale: default ``1 / sqrt(E)``.\n"
        "    enable_gqa: grouped-query attention (key/value heads shared).",
        "A Tensor ``(..., L, Ev)``.",
        "    >>> out = F.scaled_dot_product_attention(torch.ones(1, 2, 4), torch.ones(1, 3, 4),\n"
        "    ...                                      torch.arange(12.0).reshape(1, 3, 4))\n"
        "    >>> out.shape\n    torch.Size([1, 2, 4])"),
}
