"""Module forward hooks (``register_forward_pre_hook``,
``register_forward_hook``) and the handles that remove them."""
import collections
import itertools

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

    def __call__(self, *args, **kwargs):
        d = self.__dict__
        pre, post = d.get("_fwd_pre_hooks"), d.get("_fwd_hooks")
        if not pre and not post:
            return self.forward(*args, **kwargs)
        for hook, wk in list((pre or {}).values()):
            r = hook(self, args, kwargs) if wk else hook(self, args)
            if r is not None:
                if wk:
                    args, kwargs = r
                else:
                    args = r if isinstance(r, tuple) else (r,)
        out = self.forward(*args, **kwargs)
        for hook, wk in list((post or {}).values()):
            r = hook(self, args, kwargs, out) if wk else hook(self, args, out)
            if r is not None:
                out = r
        return out
