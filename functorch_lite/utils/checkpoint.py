"""torch.utils.checkpoint: run a function without keeping its intermediate
values, and run it again during backward to get its gradient.

``checkpoint(fn, *args, use_reentrant=...)`` runs ``fn`` under no_grad (the
graph keeps one node, ``CheckpointFunctionBackward``, holding only the
inputs); backward re-runs ``fn`` with grad on (with the CPU generator's state
of the first run, so dropout masks repeat) and backpropagates through the
re-run, which also fills the ``.grad`` of parameters ``fn`` uses, as
PyTorch's reentrant checkpoint does.  Differences from PyTorch: one Tensor
output; ``use_reentrant=False`` takes the same path (PyTorch's non-reentrant
variant shows the inner ops' grad_fn names instead).
"""
import warnings

from ..autograd import Function
from ..facade import _engine
from ..facade import _random
from ..facade._tensor import Tensor


class CheckpointFunction(Function):
    """The recompute-in-backward node (PyTorch's reentrant CheckpointFunction)."""

    @staticmethod
    def forward(ctx, run_function, preserve_rng_state, *args):
        ctx.run_function = run_function
        ctx.rng_state = _random.default_generator().get_state() if preserve_rng_state \
            else None
        ctx.save_for_backward(*[a for a in args if isinstance(a, Tensor)])
        ctx.args = args
        out = run_function(*args)
        if not isinstance(out, Tensor):
            raise TypeError(f"checkpoint: the function must return one Tensor, got "
                            f"{type(out).__name__} (functorch_lite supports one output)")
        return out

    @staticmethod
    def backward(ctx, grad):
        gen = _random.default_generator()
        saved = gen.get_state() if ctx.rng_state is not None else None
        if saved is not None:
            gen.set_state(ctx.rng_state)
        try:
            ins = [a.detach().requires_grad_(a.requires_grad) if isinstance(a, Tensor)
                   and a.is_floating_point() else a for a in ctx.args]
            with _engine.enable_grad():
                out = ctx.run_function(*ins)
        finally:
            if saved is not None:
                gen.set_state(saved)
        if out.requires_grad:
            out.backward(grad)
        return (None, None) + tuple(a.grad if isinstance(a, Tensor) and a.requires_grad
                                    else None for a in ins)


def checkpoint(function, *args, use_reentrant=None, context_fn=None, determinism_check=None,
               debug=None, preserve_rng_state=True, **kwargs):
    """Checkpointed ``function(*args)``: see the module docstring."""
    if kwargs:
        raise ValueError(f"Unexpected keyword arguments: {','.join(kwargs)}")
    if use_reentrant is None:
        warnings.warn("torch.utils.checkpoint: the use_reentrant parameter should be "
                      "passed explicitly; functorch_lite runs the reentrant variant.",
                      stacklevel=2)
    if context_fn is not None:
        raise ValueError("checkpoint: context_fn is not supported by functorch_lite")
    return CheckpointFunction.apply(function, preserve_rng_state, *args)


def checkpoint_sequential(functions, segments, input, use_reentrant=None, **kwargs):  # noqa
    """Run ``functions`` (a Sequential or list) in ``segments`` checkpointed
    chunks; the last chunk runs normally, as PyTorch's."""
    fns = list(functions.children()) if hasattr(functions, "children") else list(functions)
    size = len(fns) // segments

    def chunk(a, b):
        def run(x):
            for f in fns[a:b]:
                x = f(x)
            return x
        return run
    end = -1
    for start in range(0, size * (segments - 1), size):
        end = start + size - 1
        input = checkpoint(chunk(start, end + 1), input, use_reentrant=use_reentrant,
                           **kwargs)
    return chunk(end + 1, len(fns))(input)


# the full docstring (Args/Returns/Example) lives in utils/_docs.py
from ..core.mirror_docs import document as _document  # noqa: E402
from ._docs import CHECKPOINT_FUNCTION as _DOC  # noqa: E402

_document(globals(), {"CheckpointFunction": _DOC})
