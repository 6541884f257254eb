"""Adamax, NAdam, RAdam and LBFGS, following PyTorch's update rules (the
single-tensor ``for``-loop forms, state names as PyTorch's so state_dicts
carry over).  Like the others they update the parameters' arrays in place."""
import math

import numpy as np

from ..facade._engine import enable_grad
from ..facade._tensor import _bump, _xp
from .optimizer import Optimizer


def _check(lr, eps=0.0, betas=(0.0, 0.0)):
    if lr < 0:
        raise ValueError(f"Invalid learning rate: {lr}")
    if eps < 0:
        raise ValueError(f"Invalid epsilon value: {eps}")
    for i, b in enumerate(betas):
        if not 0.0 <= b < 1.0:
            raise ValueError(f"Invalid beta parameter at index {i}: {b}")


class Adamax(Optimizer):
    """Adam with the infinity norm: ``u = max(beta2 * u, |g| + eps)``."""

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
                 maximize=False):
        _check(lr, eps, betas)
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      maximize=maximize))

    def _update(self, g, p, w, d):
        xp = _xp(w)
        if g["maximize"]:
            d = -d
        if g["weight_decay"]:
            d = d + g["weight_decay"] * w
        s = self._state(p)
        if not s:
            s["step"], s["exp_avg"], s["exp_inf"] = 0, xp.zeros_like(w), xp.zeros_like(w)
        s["step"] += 1
        b1, b2 = g["betas"]
        m, u = s["exp_avg"], s["exp_inf"]
        m += (d - m) * (1 - b1)
        xp.maximum(u * b2, xp.abs(d) + g["eps"], out=u)
        w += -(g["lr"] / (1 - b1 ** s["step"])) * (m / u)


class NAdam(Optimizer):
    """Adam with Nesterov momentum and PyTorch's momentum-decay schedule
    mu_t = beta1 (1 - 0.5 * 0.96^(t * momentum_decay))."""

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
                 momentum_decay=4e-3, decoupled_weight_decay=False, maximize=False):
        _check(lr, eps, betas)
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      momentum_decay=momentum_decay,
                                      decoupled_weight_decay=decoupled_weight_decay,
                                      maximize=maximize))

    def _update(self, g, p, w, d):
        xp = _xp(w)
        if g["maximize"]:
            d = -d
        lr, (b1, b2), eps = g["lr"], g["betas"], g["eps"]
        if g["weight_decay"]:
            if g["decoupled_weight_decay"]:
                w *= 1 - lr * g["weight_decay"]
            else:
                d = d + g["weight_decay"] * w
        s = self._state(p)
        if not s:
            s["step"], s["mu_product"] = 0, 1.0
            s["exp_avg"], s["exp_avg_sq"] = xp.zeros_like(w), xp.zeros_like(w)
        s["step"] += 1
        t = s["step"]
        mu = b1 * (1.0 - 0.5 * 0.96 ** (t * g["momentum_decay"]))
        mu1 = b1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * g["momentum_decay"]))
        # PyTorch keeps mu_product as a float32 tensor: multiply and round as it does
        s["mu_product"] = float(np.float32(s["mu_product"]) * np.float32(mu))
        m, v = s["exp_avg"], s["exp_avg_sq"]
        m += (d - m) * (1 - b1)
        v *= b2
        v += (1 - b2) * (d * d)
        denom = xp.sqrt(v / (1 - b2 ** t)) + eps
        mp = s["mu_product"]
        w += (-lr * (1.0 - mu) / (1.0 - mp)) * (d / denom)      # addcdiv's rounding order
        w += ((-lr * mu1) / (1.0 - mp * mu1)) * (m / denom)


class RAdam(Optimizer):
    """Rectified Adam: the adaptive step only once the variance estimate is
    tractable (rho_t > 5), plain momentum SGD before."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
                 decoupled_weight_decay=False, maximize=False):
        _check(lr, eps, betas)
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      decoupled_weight_decay=decoupled_weight_decay,
                                      maximize=maximize))

    def _update(self, g, p, w, d):
        xp = _xp(w)
        if g["maximize"]:
            d = -d
        lr, (b1, b2), eps = g["lr"], g["betas"], g["eps"]
        if g["weight_decay"]:
            if g["decoupled_weight_decay"]:
                w *= 1 - lr * g["weight_decay"]
            else:
                d = d + g["weight_decay"] * w
        s = self._state(p)
        if not s:
            s["step"], s["exp_avg"], s["exp_avg_sq"] = 0, xp.zeros_like(w), xp.zeros_like(w)
        s["step"] += 1
        t = s["step"]
        m, v = s["exp_avg"], s["exp_avg_sq"]
        m += (d - m) * (1 - b1)
        v *= b2
        v += (1 - b2) * (d * d)
        bc1, bc2 = 1 - b1 ** t, 1 - b2 ** t
        mhat = m / bc1
        rho_inf = 2 / (1 - b2) - 1
        rho = rho_inf - 2 * t * (b2 ** t) / bc2
        if rho > 5.0:
            rect = math.sqrt((rho - 4) * (rho - 2) * rho_inf /
                             ((rho_inf - 4) * (rho_inf - 2) * rho))
            adaptive = math.sqrt(bc2) / (xp.sqrt(v) + eps)
            w -= mhat * lr * adaptive * rect
        else:
            w -= mhat * lr


class LBFGS(Optimizer):
    """L-BFGS with PyTorch's algorithm (two-loop recursion over ``history_size``
    pairs; fixed step ``lr`` or ``line_search_fn='strong_wolfe'`` is not
    supported); ``step(closure)`` re-evaluates the loss up to ``max_iter``
    times.  One parameter group."""

    def __init__(self, params, lr=1, max_iter=20, max_eval=None, tolerance_grad=1e-7,
                 tolerance_change=1e-9, history_size=100, line_search_fn=None):
        if line_search_fn is not None:
            raise NotImplementedError("LBFGS: line_search_fn='strong_wolfe' is not supported")
        super().__init__(params, dict(lr=lr, max_iter=max_iter,
                                      max_eval=max_eval or max_iter * 5 // 4,
                                      tolerance_grad=tolerance_grad,
                                      tolerance_change=tolerance_change,
                                      history_size=history_size, line_search_fn=None))
        if len(self.param_groups) != 1:
            raise ValueError("LBFGS doesn't support per-parameter options (parameter groups)")

    def _flat_grad(self):
        ps = self.param_groups[0]["params"]
        return np.concatenate([np.zeros(p.numel(), p._v.dtype) if p.grad is None else
                               np.asarray(p.grad._v).ravel() for p in ps])

    def _add(self, step, d):
        off = 0
        for p in self.param_groups[0]["params"]:
            n = p.numel()
            p._v += (step * d[off:off + n]).reshape(p._v.shape).astype(p._v.dtype)
            _bump(p)
            off += n

    def step(self, closure):
        g = self.param_groups[0]
        lr, max_iter = g["lr"], g["max_iter"]
        st = self.state.setdefault("lbfgs", {"func_evals": 0, "n_iter": 0})
        with enable_grad():
            orig = closure()          # returned as is: PyTorch's step gives back the Tensor
        loss = float(orig)
        evals = 1
        st["func_evals"] += 1
        flat = self._flat_grad()
        if np.abs(flat).max() <= g["tolerance_grad"]:
            return orig
        d, t = st.get("d"), st.get("t")
        old_dirs, old_stps, ro = st.setdefault("old_dirs", []), st.setdefault("old_stps", []), \
            st.setdefault("ro", [])
        H_diag = st.get("H_diag", 1.0)
        prev_flat, prev_loss = st.get("prev_flat_grad"), st.get("prev_loss")
        n_iter = 0
        while n_iter < max_iter:
            n_iter += 1
            st["n_iter"] += 1
            if st["n_iter"] == 1:
                d = -flat
                old_dirs.clear(), old_stps.clear(), ro.clear()
                H_diag = 1.0
            else:
                y = flat - prev_flat
                s = d * t
                ys = float(y.dot(s))
                if ys > 1e-10:
                    if len(old_dirs) == g["history_size"]:
                        old_dirs.pop(0), old_stps.pop(0), ro.pop(0)
                    old_dirs.append(y), old_stps.append(s), ro.append(1.0 / ys)
                    H_diag = ys / float(y.dot(y))
                q = -flat
                al = [0.0] * len(old_dirs)
                for i in range(len(old_dirs) - 1, -1, -1):
                    al[i] = float(old_stps[i].dot(q)) * ro[i]
                    q = q - al[i] * old_dirs[i]
                d = q * H_diag
                for i in range(len(old_dirs)):
                    be = float(old_dirs[i].dot(d)) * ro[i]
                    d = d + old_stps[i] * (al[i] - be)
            prev_flat = flat.copy()
            prev_loss = loss
            t = min(1.0, 1.0 / float(np.abs(flat).sum())) * lr if st["n_iter"] == 1 else lr
            gtd = float(flat.dot(d))
            if gtd > -g["tolerance_change"]:
                break
            self._add(t, d)
            ls_evals = 0
            if n_iter != max_iter:
                with enable_grad():
                    loss = float(closure())
                flat = self._flat_grad()
                ls_evals = 1
            evals += ls_evals
            st["func_evals"] += ls_evals
            if n_iter == max_iter or evals >= g["max_eval"]:
                break
            if np.abs(flat).max() <= g["tolerance_grad"]:
                break
            if np.abs(d * t).max() <= g["tolerance_change"]:
                break
            if abs(loss - prev_loss) < g["tolerance_change"]:
                break
        st.update(d=d, t=t, H_diag=H_diag, prev_flat_grad=prev_flat, prev_loss=prev_loss)
        return orig
