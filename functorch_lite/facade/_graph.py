"""The facade's autograd graph: grad mode and the graph nodes.

A node is a ``transforms.reverse.Node`` (one primitive application: prim,
params, parents, saved inputs, output) in a subclass named like PyTorch's
(``MulBackward0``).  The op path records them (``_dispatch.record``);
``_engine`` runs backward over them.
"""
import functools
import threading
from typing import Any

from ..transforms import reverse as _rev
from ..transforms.reverse import Node

_seq = _rev._seq


class _GradState(threading.local):
    """Grad mode, per thread as in PyTorch: a new thread starts with it on."""
    on = True            # the class default each thread sees until it sets its own


_grad = _GradState()


# ------------------------------------------------------------------ grad mode

def is_grad_enabled():
    return _grad.on


class _GradMode:
    """Context manager and decorator setting this thread's grad mode (restored on exit)."""
    _mode = True

    def __enter__(self):
        self._prev = _grad.on
        _grad.on = self._mode

    def __exit__(self, *exc):
        _grad.on = self._prev
        return False

    def __call__(self, fn):
        mode = self._mode

        @functools.wraps(fn)
        def wrapper(*a, **k):
            prev = _grad.on
            _grad.on = mode
            try:
                return fn(*a, **k)
            finally:
                _grad.on = prev
        return wrapper


class no_grad(_GradMode):
    _mode = False


class enable_grad(_GradMode):
    _mode = True


class set_grad_enabled(_GradMode):
    """set_grad_enabled(False) switches grad mode at once; as a context manager
    it restores the previous mode on exit."""

    def __init__(self, mode):
        self._mode = bool(mode)
        self._prev = _grad.on
        _grad.on = self._mode

    def __enter__(self):
        pass

    def __exit__(self, *exc):
        _grad.on = self._prev
        return False


class inference_mode(no_grad):
    def __init__(self, mode=True):
        self._mode = not mode


# ---------------------------------------------------------------------- nodes

class BackwardNode(Node):
    """A facade graph node: a reverse.Node plus PyTorch's grad_fn surface."""
    __slots__ = ("saved", "hidden", "retained", "variable", "composite")

    def __init__(self, prim, params, parents, ins, out, needs):
        self.prim = prim
        self.params = params
        self.parents = parents
        self.ins = ins
        self.out = out
        self.needs = needs
        self.seq = next(_seq)
        self.saved = ()
        self.hidden = False
        self.retained = None
        self.variable = None
        self.composite = False

    def name(self):
        return type(self).__name__

    @property
    def next_functions(self):
        # a composite op (mean = sum / n) shows only its tensor inputs: the
        # constants inside it are not inputs of PyTorch's single node
        out = []
        for p in self.parents:
            if p is None:
                if not self.composite:
                    out.append((None, 0))
            elif p[0].hidden:
                out.extend(q for q in p[0].next_functions if q[0] is not None)
            else:
                out.append(p)
        return tuple(out)

    @property
    def metadata(self):
        return {}

    def __repr__(self):
        return f"<{type(self).__name__} object at {hex(id(self))}>"

    __str__ = __repr__

    def __call__(self, *grads):
        raise RuntimeError(f"{self.name()}: calling a grad_fn directly is not supported; "
                           f"use tensor.backward() or autograd.grad()")


class AccumulateGrad(BackwardNode):
    """The leaf end of the graph: backward accumulates into ``variable.grad``."""
    __slots__ = ()

    def __init__(self, tensor):
        BackwardNode.__init__(self, None, None, (), (), None, ())
        self.variable = tensor


_CLASSES: dict[Any, Any] = {}


def node_class(name):
    cls = _CLASSES.get(name)
    if cls is None:
        cls = _CLASSES[name] = type(name, (BackwardNode,), {"__slots__": ()})
    return cls


def edge(t):
    """(node, output index) a tensor's gradient flows to, or None."""
    fn = t.grad_fn
    if fn is not None:
        return (fn, t._oi)
    if t.requires_grad:
        acc = t._acc
        if acc is None:
            acc = t._acc = AccumulateGrad(t)
        return (acc, 0)
    return None


def mark_hidden(node, start_seq):
    """Hide the nodes a composite op created before its last one (next_functions
    then shows the composite's real inputs, as PyTorch's single node would)."""
    node.composite = True
    stack = [p[0] for p in node.parents if p is not None]
    while stack:
        n = stack.pop()
        if n.seq >= start_seq and not n.hidden and n.prim is not None:
            n.hidden = True
            stack.extend(p[0] for p in n.parents if p is not None)
