"""SciPy's OptimizeResult: a dict whose keys are also attributes."""


class OptimizeResult(dict):
    """The result of :func:`minimize`, as ``scipy.optimize.OptimizeResult``:
    ``x``, ``fun``, ``jac``, ``hess_inv`` (BFGS: the dense matrix; L-BFGS-B:
    an :class:`LbfgsInvHessProduct`), ``nit``, ``nfev``, ``njev``, ``status``,
    ``success`` and ``message``; read them as keys or attributes."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError as e:
            raise AttributeError(name) from e

    __setattr__ = dict.__setitem__
    __delattr__ = dict.__delitem__

    def __repr__(self):
        if not self:
            return "OptimizeResult()"
        w = max(len(k) for k in self) + 1
        return "\n".join(f"{k.rjust(w)}: {v!r}" for k, v in sorted(self.items()))

    def __dir__(self):
        return list(self.keys())
