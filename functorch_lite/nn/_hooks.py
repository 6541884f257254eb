"""Module hooks (``register_forward_pre_hook``, ``register_forward_hook``,
``register_full_backward_pre_hook``, ``register_full_backward_hook``) and the
handles that remove them."""
import collections
import itertools

from ..facade import _engine
from ..facade._bwhook import with_backward_hook
from ..facade._creation import zeros_like
from ..facade._tensor import Tensor

_ids = itertools.count()


class RemovableHandle:
    """What register_*_hook returns: ``remove()`` (or use it as a context manager)."""

    def __init__(self, table):
        self._table, self.id = table, next(_ids)

    def remove(self):
        self._table.pop(self.id, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()


class HookMixin:
    """Module's ``__call__``: pre-hooks (may replace the positional args),
    forward, forward hooks (may replace the output), as PyTorch runs them."""

    def _hook_table(self, name):
        t = self.__dict__.get(name)
        if t is None:
            t = collections.OrderedDict()
            object.__setattr__(self, name, t)
        return t

    def register_forward_pre_hook(self, hook, *, prepend=False, with_kwargs=False):
        """``hook(module, args)`` (or ``(module, args, kwargs)`` with_kwargs)
        before forward; a non-None result replaces args."""
        t = self._hook_table("_fwd_pre_hooks")
        h = RemovableHandle(t)
        t[h.id] = (hook, with_kwargs)
        if prepend:
            t.move_to_end(h.id, last=False)
        return h

    def register_forward_hook(self, hook, *, prepend=False, with_kwargs=False,
                              always_call=False):
        """``hook(module, args, output)`` after forward; a non-None result
        replaces the output."""
        t = self._hook_table("_fwd_hooks")
        h = RemovableHandle(t)
        t[h.id] = (hook, with_kwargs)
        if prepend:
            t.move_to_end(h.id, last=False)
        return h

    def register_full_backward_pre_hook(self, hook, prepend=False):
        """``hook(module, grad_output)`` when the gradients with respect to the
        module's outputs are computed, before the module's own backward; a
        non-None result (a tuple) replaces grad_output."""
        t = self._hook_table("_bw_pre_hooks")
        h = RemovableHandle(t)
        t[h.id] = hook
        if prepend:
            t.move_to_end(h.id, last=False)
        return h

    def register_full_backward_hook(self, hook, prepend=False):
        """``hook(module, grad_input, grad_output)`` once per backward through a
        call of this module: tuples of the gradients with respect to its
        positional inputs (None for non-Tensors and Tensors not requiring grad)
        and to its outputs; a non-None result (a tuple) replaces grad_input."""
        t = self._hook_table("_bw_hooks")
        h = RemovableHandle(t)
        t[h.id] = hook
        if prepend:
            t.move_to_end(h.id, last=False)
        return h

    def __call__(self, *args, **kwargs):
        d = self.__dict__
        pre, post = d.get("_fwd_pre_hooks"), d.get("_fwd_hooks")
        if (d.get("_bw_hooks") or d.get("_bw_pre_hooks")) and _engine._grad.on:
            return _BackwardHooks(self).call(args, kwargs)
        if not pre and not post:
            return self.forward(*args, **kwargs)
        return self._call_forward_hooks(args, kwargs)

    def _call_forward_hooks(self, args, kwargs, between=None):
        d = self.__dict__
        pre, post = d.get("_fwd_pre_hooks"), d.get("_fwd_hooks")
        for hook, wk in list((pre or {}).values()):
            r = hook(self, args, kwargs) if wk else hook(self, args)
            if r is not None:
                if wk:
                    args, kwargs = r
                else:
                    args = r if isinstance(r, tuple) else (r,)
        if between is not None:     # the backward hooks' node over the inputs
            args = between(args)
        out = self.forward(*args, **kwargs)
        for hook, wk in list((post or {}).values()):
            r = hook(self, args, kwargs, out) if wk else hook(self, args, out)
            if r is not None:
                out = r
        return out


class _BackwardHooks:
    """One call of a module with full backward hooks, as PyTorch's BackwardHook:
    an identity node over the Tensor inputs (after the forward pre-hooks) and one
    over the outputs (after the forward hooks).  In the backward the outputs'
    node runs first: it records grad_output (after the pre-hooks); the inputs'
    node then calls the hooks with grad_input.  When no input requires grad the
    hooks run from the outputs' node with grad_input all None."""

    def __init__(self, module):
        self.module, self.grad_outputs, self.n_in, self.in_pos = module, None, 0, None

    def call(self, args, kwargs):
        out = self.module._call_forward_hooks(args, kwargs, self._inputs)
        return self._outputs(out)

    def _inputs(self, args):
        self.n_in = len(args)
        pos = [i for i, a in enumerate(args) if isinstance(a, Tensor)]
        if not any(args[i].requires_grad for i in pos):
            return args
        # the Tensors not requiring grad stay out of the node (PyTorch marks them
        # non-differentiable) but get zeros in grad_input, as PyTorch materialises
        self.in_pos = [i for i in pos if args[i].requires_grad]
        self.in_like = {i: args[i] for i in pos}
        new = with_backward_hook([args[i] for i in self.in_pos], self._on_inputs)
        args = list(args)
        for i, t in zip(self.in_pos, new):
            args[i] = t
        return tuple(args)

    def _outputs(self, out):
        single = isinstance(out, Tensor)
        outs = (out,) if single else out
        if not isinstance(outs, tuple):
            return out
        pos = [i for i, o in enumerate(outs) if isinstance(o, Tensor)]
        if not any(outs[i].requires_grad for i in pos):
            return out
        self.n_out = len(outs)
        pos = [i for i in pos if outs[i].requires_grad]
        new = with_backward_hook([outs[i] for i in pos],
                                 lambda gs: self._on_outputs(pos, gs))
        res = list(outs)
        for i, t in zip(pos, new):
            res[i] = t
        return res[0] if single else tuple(res)

    def _on_outputs(self, pos, grads):
        full = _materialised(self.n_out, {}, pos, grads)
        for hook in list(self.module.__dict__.get("_bw_pre_hooks", {}).values()):
            r = hook(self.module, full)
            if r is not None:
                full = _as_tuple(r, self.n_out, "backward pre-hook", "grad_output")
        self.grad_outputs = full
        if self.in_pos is None:
            none = (None,) * self.n_in
            for hook in list(self.module.__dict__.get("_bw_hooks", {}).values()):
                r = hook(self.module, none, full)
                if r is not None and any(g is not None for g in r):
                    raise RuntimeError("Backward hook for Modules where no input requires "
                                       "gradient should always return None or None for "
                                       "all gradients.")
        return [full[i] for i in pos]

    def _on_inputs(self, grads):
        full = _materialised(self.n_in, self.in_like, self.in_pos, grads)
        hooks = list(self.module.__dict__.get("_bw_hooks", {}).values())
        if not hooks:
            return None
        for hook in hooks:
            r = hook(self.module, full, self.grad_outputs)
            if r is not None:
                full = _as_tuple(r, self.n_in, "backward hook", "grad_input")
        return [full[i] for i in self.in_pos]


def _as_tuple(r, n, what, name):
    r = tuple(r) if isinstance(r, (tuple, list)) else (r,)
    if len(r) != n:
        raise RuntimeError(f"{what} returned an invalid number of {name} (got {len(r)}, "
                           f"but expected {n})")
    return r


def _materialised(n, like, pos, grads):
    """One entry per argument or output: the gradients at ``pos``; zeros for the
    Tensors in ``like`` that got none (PyTorch's hook node over the inputs
    materialises them; grad_output keeps None), else None."""
    full = [None] * n
    for i, t in like.items():
        full[i] = zeros_like(t)
    for i, g in zip(pos, grads):
        if g is not None:
            full[i] = g
    return tuple(full)
