"""torch.autograd.forward_ad: dual tensors on the core's forward mode.

``with dual_level():`` opens a forward-mode trace (a ``JVPTrace`` on the
trace stack); ``make_dual(p, t)`` is a Tensor holding a ``JVPTracer`` of that
trace, so every facade op and ``nn`` module applied to it runs the primitives'
jvp rules; ``unpack_dual`` reads back ``(primal, tangent)``.  Levels nest:
each ``dual_level`` is one more trace, and ``level=`` names one.

Differs from PyTorch: a dual tensor is only usable inside its level; unpack
what you need before the ``with`` block ends (PyTorch lets the tensor live on
as its primal).  Mixing with reverse mode (``.backward()`` through a dual
tensor) is not supported.
"""
import collections
import threading

from ..core.trace import new_main
from ..facade._tensor import Tensor, _wrap
from ..transforms.jvp import JVPTrace, JVPTracer

_state = threading.local()


def _levels():
    s = getattr(_state, "levels", None)
    if s is None:
        s = _state.levels = []
    return s


UnpackedDualTensor = collections.namedtuple("UnpackedDualTensor", ["primal", "tangent"])


def enter_dual_level():
    """Open a new forward-mode level; returns its index (0 for the outermost)."""
    cm = new_main(JVPTrace, "forward_ad")
    main = cm.__enter__()
    lv = _levels()
    lv.append((cm, main))
    return len(lv) - 1


def exit_dual_level(*, level=None):
    """Close the innermost level (``level``, if given, must name it)."""
    lv = _levels()
    if not lv:
        raise RuntimeError("exit_dual_level: no forward AD level is open")
    if level is not None and level != len(lv) - 1:
        raise RuntimeError(f"exit_dual_level: level {level} is not the innermost open level "
                           f"({len(lv) - 1}); levels close innermost first")
    cm, _ = lv.pop()
    cm.__exit__(None, None, None)


class dual_level:  # noqa: N801 - PyTorch's name
    """Context manager for one forward-mode level (yields its index)."""

    def __enter__(self):
        self.level = enter_dual_level()
        return self.level

    def __exit__(self, *exc):
        exit_dual_level(level=self.level)
        return False


def _main(level, name):
    lv = _levels()
    if not lv:
        raise RuntimeError(f"{name}: to create or read dual tensors, you must be inside a "
                           f"dual_level context: `with forward_ad.dual_level():`")
    if level is None:
        return lv[-1][1]
    if not 0 <= level < len(lv):
        raise RuntimeError(f"{name}: level {level} is not an open dual level "
                           f"(open: 0..{len(lv) - 1})")
    return lv[level][1]


def make_dual(tensor, tangent, *, level=None):
    """A dual Tensor with primal ``tensor`` and tangent ``tangent`` at ``level``
    (default: the innermost open level)."""
    main = _main(level, "make_dual")
    if not isinstance(tensor, Tensor) or not isinstance(tangent, Tensor):
        raise TypeError(f"make_dual: expected Tensors, got {type(tensor).__name__} and "
                        f"{type(tangent).__name__}")
    if tuple(tensor.shape) != tuple(tangent.shape):
        raise RuntimeError(f"make_dual: Trying to set a forward gradient that has a different "
                           f"size than that of the original Tensor, this is not supported. "
                           f"Tensor is of size {list(tensor.shape)} while the given forward "
                           f"gradient is of size {list(tangent.shape)}.")
    if not (tensor.is_floating_point() or tensor.is_complex()):
        raise ValueError(f"make_dual: Expected primal to be floating point or complex, but "
                         f"got: {tensor.dtype}")
    t = tangent._v
    if t.dtype != tensor._v.dtype:
        t = t.astype(tensor._v.dtype)
    return _wrap(JVPTracer(main.trace, tensor._v, t))


def unpack_dual(tensor, *, level=None):
    """``UnpackedDualTensor(primal, tangent)`` of ``tensor`` at ``level``; the
    tangent is None for a tensor that is not dual at that level (or whose
    tangent is zero by construction)."""
    lv = _levels()
    if not lv:
        return UnpackedDualTensor(tensor, None)
    main = _main(level, "unpack_dual")
    v = tensor._v if isinstance(tensor, Tensor) else tensor
    if isinstance(v, JVPTracer) and v._trace.main is main:
        tan = None if v.tangent is None else _wrap(v.tangent)
        return UnpackedDualTensor(_wrap(v.primal), tan)
    return UnpackedDualTensor(tensor, None)


__all__ = ["dual_level", "enter_dual_level", "exit_dual_level", "make_dual", "unpack_dual",
           "UnpackedDualTensor"]
