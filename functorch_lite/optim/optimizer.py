"""torch.optim: SGD (momentum, nesterov, weight_decay), Adam, AdamW, RMSprop, Adagrad.

Updates run on the parameters' arrays in place under no_grad (NumPy kernels
with out=, no temporaries beyond PyTorch's own), bumping their versions.  On a
device the same code runs with the parameters' namespace (``_xp(w)``): the
state lives where the parameter lives and a step makes no host transfer.
"""
import math
from typing import Any, Callable, Iterable

import numpy as np

from ..facade._tensor import Tensor, _bump, _on_dev, _wrap, _xp


def torch_typename(obj):
    t = type(obj)
    return t.__name__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__name__}"


class Optimizer:
    # each rule's in-place update of one parameter: (group, param, its array, its grad)
    _update: Callable[[dict[str, Any], Tensor, Any, Any], None]

    def __init__(self, params: Iterable[Any], defaults: dict[str, Any]) -> None:
        self.defaults = dict(defaults)
        if isinstance(params, Tensor):
            raise TypeError(f"params argument given to the optimizer should be an iterable "
                            f"of Tensors or dicts, but got torch.{params.type().split('.')[-1]}")
        params = list(params)
        if not params:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(params[0], dict):
            params = [{"params": params}]
        self.param_groups: list[dict[str, Any]] = []
        self.state: dict[Any, dict[str, Any]] = {}
        for g in params:
            self.add_param_group(g)

    def add_param_group(self, group: dict[str, Any]) -> None:
        g = dict(group)
        ps = g["params"]
        g["params"] = [ps] if isinstance(ps, Tensor) else list(ps)
        for p in g["params"]:
            if not isinstance(p, Tensor):
                raise TypeError(f"optimizer can only optimize Tensors, but one of the params "
                                f"is {torch_typename(p)}")
            # frozen parameters are accepted (the fine-tuning idiom): they never
            # get a .grad, so step() skips them, as PyTorch does
            if p.grad_fn is not None:
                raise ValueError("can't optimize a non-leaf Tensor")
        for k, v in self.defaults.items():
            g.setdefault(k, v)
        self.param_groups.append(g)

    def zero_grad(self, set_to_none: bool = True) -> None:
        for g in self.param_groups:
            for p in g["params"]:
                if p.grad is not None:
                    if set_to_none:
                        p.grad = None
                    else:
                        p.grad._v[...] = 0
                        _bump(p.grad)

    def _params(self):
        for g in self.param_groups:
            for p in g["params"]:
                if p.grad is not None:
                    gv = p.grad._v
                    if _on_dev(gv) != _on_dev(p._v):
                        raise RuntimeError(f"{type(self).__name__}.step: a parameter on "
                                           f"{p.device} has its .grad on {p.grad.device}")
                    yield g, p, p._v, gv if _on_dev(gv) else np.asarray(gv)

    def _state(self, p):
        s = self.state.get(p)
        if s is None:
            s = self.state[p] = {}
        return s

    def state_dict(self) -> dict[str, Any]:
        idx: dict[int, int] = {}
        groups = []
        for g in self.param_groups:
            ids = []
            for p in g["params"]:
                idx.setdefault(id(p), len(idx))
                ids.append(idx[id(p)])
            groups.append({**{k: v for k, v in g.items() if k != "params"}, "params": ids})
        state = {}
        for g in self.param_groups:
            for p in g["params"]:
                if p in self.state:
                    state[idx[id(p)]] = {k: (_wrap(v.copy()) if isinstance(v, np.ndarray)
                                             or _on_dev(v) else v)
                                         for k, v in self.state[p].items()}
        return {"state": state, "param_groups": groups}

    def load_state_dict(self, sd: dict[str, Any]) -> None:
        groups = sd["param_groups"]
        if len(groups) != len(self.param_groups):
            raise ValueError("loaded state dict has a different number of parameter groups")
        params = [p for g in self.param_groups for p in g["params"]]
        for g, lg in zip(self.param_groups, groups):
            for k, v in lg.items():
                if k != "params":
                    g[k] = v
        self.state = {}
        for i, s in sd["state"].items():
            p = params[int(i)]   # state follows its parameter's device, as in PyTorch
            self.state[p] = {k: (v.to(p.device)._v.copy() if isinstance(v, Tensor) else v)
                             for k, v in s.items()}

    def step(self, closure: Callable[[], Any] | None = None) -> Any:
        loss = closure() if closure is not None else None
        for g, p, w, d in self._params():
            if not hasattr(type(w), "__isub__"):   # a lazy, immutable array (Dask's)
                raise TypeError(
                    f"{type(self).__name__}.step: a parameter on {p.device} holds an "
                    f"immutable array, and the optimizers update arrays in place (w -= ...), "
                    f"which would silently leave it unchanged. Update it with the Tensor "
                    f"idiom (with no_grad(): p -= lr * p.grad), or train on the CPU with "
                    f"functorch_lite.distributed.DistributedDataParallel.")
            self._update(g, p, w, d)
            _bump(p)
        return loss


class SGD(Optimizer):
    def __init__(self, params, lr=1e-3, momentum=0, dampening=0, weight_decay=0,
                 nesterov=False, maximize=False):
        if lr < 0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        super().__init__(params, dict(lr=lr, momentum=momentum, dampening=dampening,
                                      weight_decay=weight_decay, nesterov=nesterov,
                                      maximize=maximize))

    def _update(self, g, p, w, d):
        if g["maximize"]:
            d = -d
        if g["weight_decay"]:
            d = d + g["weight_decay"] * w
        m = g["momentum"]
        if m:
            s = self._state(p)
            buf = s.get("momentum_buffer")
            if buf is None:
                buf = s["momentum_buffer"] = d.copy()
            else:
                buf *= m
                buf += (1 - g["dampening"]) * d
            d = d + m * buf if g["nesterov"] else buf
        w -= w.dtype.type(g["lr"]) * d     # lr in w's dtype: float32 stays float32


class Adam(Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
                 amsgrad=False, maximize=False):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      amsgrad=amsgrad, maximize=maximize))

    _decoupled = False

    def _update(self, g, p, w, d):
        if g["maximize"]:
            d = -d
        lr, (b1, b2), eps, wd = g["lr"], g["betas"], g["eps"], g["weight_decay"]
        if wd:
            if self._decoupled:
                w *= 1 - lr * wd
            else:
                d = d + wd * w
        s = self._state(p)
        if not s:
            s["step"] = 0
            s["exp_avg"] = _xp(w).zeros_like(w)
            s["exp_avg_sq"] = _xp(w).zeros_like(w)
            if g["amsgrad"]:
                s["max_exp_avg_sq"] = _xp(w).zeros_like(w)
        s["step"] += 1
        t = s["step"]
        m, v = s["exp_avg"], s["exp_avg_sq"]
        # PyTorch's roundings: lerp_ for the mean, addcmul_ for the square
        m += (d - m) * (1 - b1)
        v *= b2
        v += (1 - b2) * (d * d)
        bc1, bc2 = 1 - b1 ** t, 1 - b2 ** t
        if g["amsgrad"]:
            _xp(w).maximum(s["max_exp_avg_sq"], v, out=s["max_exp_avg_sq"])
            v = s["max_exp_avg_sq"]
        denom = _xp(w).sqrt(v) / math.sqrt(bc2) + eps
        w += -(lr / bc1) * (m / denom)          # addcdiv_'s order


class AdamW(Adam):
    _decoupled = True

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2,
                 amsgrad=False, maximize=False):
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, maximize)


class RMSprop(Optimizer):
    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0,
                 centered=False):
        super().__init__(params, dict(lr=lr, alpha=alpha, eps=eps, weight_decay=weight_decay,
                                      momentum=momentum, centered=centered))

    def _update(self, g, p, w, d):
        if g["weight_decay"]:
            d = d + g["weight_decay"] * w
        s = self._state(p)
        if not s:
            s["step"] = 0
            s["square_avg"] = _xp(w).zeros_like(w)
            if g["momentum"]:
                s["momentum_buffer"] = _xp(w).zeros_like(w)
            if g["centered"]:
                s["grad_avg"] = _xp(w).zeros_like(w)
        s["step"] += 1
        a = g["alpha"]
        sq = s["square_avg"]
        sq *= a
        sq += (1 - a) * (d * d)
        if g["centered"]:
            ga = s["grad_avg"]
            ga += (d - ga) * (1 - a)
            avg = _xp(w).sqrt(sq - ga * ga) + g["eps"]
        else:
            avg = _xp(w).sqrt(sq) + g["eps"]
        if g["momentum"]:
            buf = s["momentum_buffer"]
            buf *= g["momentum"]
            buf += d / avg
            w -= g["lr"] * buf
        else:
            w += -g["lr"] * (d / avg)


class Adagrad(Optimizer):
    def __init__(self, params, lr=1e-2, lr_decay=0, weight_decay=0,
                 initial_accumulator_value=0, eps=1e-10):
        super().__init__(params, dict(lr=lr, lr_decay=lr_decay, weight_decay=weight_decay,
                                      initial_accumulator_value=initial_accumulator_value,
                                      eps=eps))

    def _update(self, g, p, w, d):
        s = self._state(p)
        if not s:
            s["step"] = 0
            s["sum"] = _xp(w).full_like(w, g["initial_accumulator_value"])
        s["step"] += 1
        if g["weight_decay"]:
            d = d + g["weight_decay"] * w
        clr = g["lr"] / (1 + (s["step"] - 1) * g["lr_decay"])
        s["sum"] += d * d
        w += -clr * (d / (_xp(w).sqrt(s["sum"]) + g["eps"]))
