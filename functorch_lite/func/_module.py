"""Modules as functions: functional_call, stack_module_state, functionalize,
replace_all_batch_norm_modules_, and old functorch's make_functional(_with_buffers)
and combine_state_for_ensemble.

Works on any object with ``_parameters``/``_buffers``/``_modules`` dicts (the
facade's ``nn.Module``): modules are duck-typed so this layer does not depend on
``nn``'s classes.
"""
import contextlib
import functools

from ..facade._tensor import Tensor
from ..facade._shape import stack as _stack

_MISSING = object()


def _all_slots(module, prefix=""):
    """(name, owner, kind, attr, tensor) for every parameter and buffer, tied
    duplicates included (PyTorch's remove_duplicate=False)."""
    out = []
    for kind in ("_parameters", "_buffers"):
        for k, v in module.__dict__.get(kind, {}).items():
            if v is not None:
                out.append((prefix + k, module, kind, k, v))
    for k, m in module.__dict__.get("_modules", {}).items():
        if m is not None:
            out.extend(_all_slots(m, prefix + k + "."))
    return out


def _owner(root, name):
    *path, attr = name.split(".")
    m = root
    for p in path:
        sub = m.__dict__.get("_modules", {}).get(p)
        if sub is None:
            raise AttributeError(f"functional_call: {type(m).__name__} has no submodule "
                                 f"{p!r} (key {name!r})")
        m = sub
    return m, attr


@contextlib.contextmanager
def _swapped(module, values):
    undo = []
    try:
        for name, v in values.items():
            m, attr = _owner(module, name)
            for kind in ("_parameters", "_buffers"):
                d = m.__dict__.get(kind, {})
                if attr in d:
                    undo.append((d, attr, d[attr]))
                    d[attr] = v
                    break
            else:
                old = m.__dict__.get(attr, _MISSING)
                undo.append((m.__dict__, attr, old))
                m.__dict__[attr] = v
        yield
    finally:
        for d, attr, old in reversed(undo):
            if old is _MISSING:
                d.pop(attr, None)
            else:
                d[attr] = old


def functional_call(module, parameter_and_buffer_dicts, args=None, kwargs=None, *,
                    tie_weights=True, strict=False):
    """torch.func.functional_call: run ``module(*args, **kwargs)`` with its
    parameters and buffers replaced by the tensors in ``parameter_and_buffer_dicts``
    (a dict, or a tuple/list of dicts with distinct keys), restoring them after.
    ``tie_weights``: a tensor registered under several names (tied weights)
    takes the given value under all of them.  ``strict``: every parameter and
    buffer must be given, and nothing else."""
    dicts = parameter_and_buffer_dicts
    if isinstance(dicts, dict):
        values = dict(dicts)
    elif isinstance(dicts, (tuple, list)) and all(isinstance(d, dict) for d in dicts):
        values = {}
        for d in dicts:
            for k, v in d.items():
                if k in values:
                    raise ValueError(f"{k} appeared in multiple dictionaries; behavior of "
                                     f"functional call is ambiguous")
                values[k] = v
    else:
        raise ValueError(f"Expected parameter_and_buffer_dicts to be a dict, or a list/tuple "
                         f"of dicts, but got {type(dicts).__name__}")
    slots = _all_slots(module)
    names = [s[0] for s in slots]
    if tie_weights:
        groups = {}
        for name, _, _, _, t in slots:
            groups.setdefault(id(t), []).append(name)
        for group in groups.values():
            given = [n for n in group if n in values]
            if len(group) > 1 and given:
                first = values[given[0]]
                for n in given[1:]:
                    if values[n] is not first:
                        raise ValueError(f"functional_call got multiple values for keys "
                                         f"{given}, which are tied. Consider using "
                                         f"tie_weights=False")
                for n in group:
                    values.setdefault(n, first)
    if strict:
        missing = [n for n in names if n not in values]
        unexpected = [k for k in values if k not in names]
        if missing or unexpected:
            raise RuntimeError(f"Error(s) in reparametrizing for {type(module).__name__}: "
                               f"missing key(s): {missing}; unexpected key(s): {unexpected}")
    args = () if args is None else (args if isinstance(args, tuple) else (args,))
    with _swapped(module, values):
        return module(*args, **(kwargs or {}))


def _named(module, kind):
    seen, out = set(), {}
    for name, _, k, _, t in _all_slots(module):
        if k == kind and id(t) not in seen:
            seen.add(id(t))
            out[name] = t
    return out


def stack_module_state(models):
    """torch.func.stack_module_state: ``(params, buffers)``, dicts from each
    name to the models' tensors stacked on a new leading axis (new leaf tensors;
    a stacked parameter requires grad if the originals do)."""
    models = list(models)
    if not models:
        raise RuntimeError("stack_module_state: Expected at least one model, got 0.")
    if len({m.training for m in models}) > 1:
        raise RuntimeError("stack_module_state: Expected all models to have the same "
                           "training/eval mode.")
    first = [type(m) for m in models[0].modules()]
    for m in models[1:]:
        if [type(s) for s in m.modules()] != first:
            raise RuntimeError("stack_module_state: Expected all models to be of the same "
                               "class.")

    def stack(kind):
        per = [_named(m, kind) for m in models]
        out = {}
        for k in per[0]:
            s = _stack([p[k].detach() for p in per])
            out[k] = s.requires_grad_(True) if per[0][k].requires_grad else s
        return out
    return stack("_parameters"), stack("_buffers")


def functionalize(func, *, remove="mutations"):
    """torch.func.functionalize: returns ``func`` behaving as before.  Here every
    transform already sees the facade's in-place ops and index writes as
    functional updates, so there is nothing left to rewrite; ``remove`` is
    checked ('mutations' or 'mutations_and_views') and has no further effect."""
    if remove not in ("mutations", "mutations_and_views"):
        raise RuntimeError(f"functionalize(f, remove='mutations'): received invalid argument "
                           f"for remove={remove!r}. Valid options are 'mutations' and "
                           f"'mutations_and_views'.")

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper


def replace_all_batch_norm_modules_(root):
    """``torch.func.replace_all_batch_norm_modules_``: every submodule of ``root``
    that keeps running statistics (``running_mean``/``running_var`` attributes)
    stops tracking them (set to None, ``track_running_stats = False``), so
    vmap sees no in-place update of a shared buffer.  Returns ``root``."""
    for m in root.modules():
        d = m.__dict__
        has = any("running_mean" in d.get(k, {}) or "running_mean" in d
                  for k in ("_buffers",))
        if not has:
            continue
        for name in ("running_mean", "running_var", "num_batches_tracked"):
            d.get("_buffers", {}).pop(name, None)
            object.__setattr__(m, name, None)
        object.__setattr__(m, "track_running_stats", False)
    return root


class FunctionalModule:
    """old functorch's stateless module: ``fmodel(params, *args)`` (and
    ``fmodel(params, buffers, *args)`` with buffers)."""

    def __init__(self, module, param_names, buffer_names):
        self.stateless_model = module
        self.param_names, self.buffer_names = param_names, buffer_names

    def __call__(self, params, *args, **kwargs):
        if self.buffer_names is not None:
            buffers, args = args[0], args[1:]
            values = dict(zip(self.buffer_names, buffers))
        else:
            values = {}
        values.update(zip(self.param_names, params))
        return functional_call(self.stateless_model, values, args, kwargs)


def make_functional(model, disable_autograd_tracking=False):
    """functorch.make_functional: ``(fmodel, params)`` with ``params`` a tuple of
    the model's parameters (detached with ``disable_autograd_tracking``).
    Differs: ``fmodel`` runs the given model with swapped tensors (PyTorch runs a
    copy), so later changes to the model's structure show through."""
    if any(True for _ in model.buffers()):
        raise RuntimeError("make_functional(model): `model` has buffers. Please use "
                           "make_functional_with_buffers(model) instead.")
    p = _named(model, "_parameters")
    params = tuple(t.detach() if disable_autograd_tracking else t for t in p.values())
    return FunctionalModule(model, tuple(p), None), params


def make_functional_with_buffers(model, disable_autograd_tracking=False):
    """functorch.make_functional_with_buffers: ``(fmodel, params, buffers)``."""
    p, b = _named(model, "_parameters"), _named(model, "_buffers")
    params = tuple(t.detach() if disable_autograd_tracking else t for t in p.values())
    return FunctionalModule(model, tuple(p), tuple(b)), params, tuple(b.values())


def combine_state_for_ensemble(models):
    """functorch.combine_state_for_ensemble: ``(fmodel, params, buffers)`` with
    each parameter and buffer stacked across ``models`` (for vmap)."""
    params, buffers = stack_module_state(models)
    fmodel = FunctionalModule(models[0], tuple(params), tuple(buffers))
    return fmodel, tuple(params.values()), tuple(buffers.values())
