"""The CuPy backend: cupy's namespace, spelled like numpy where the two differ.

Every primitive kernel is written once, against ``xp`` with NumPy's names
(``prim.impl(xp, ...)``).  CuPy mirrors NumPy closely; the few places where it
does not are bridged here, so primitives never import cupy:

* ``scatter_add(out, idx, updates)``: NumPy's ``np.add.at``; CuPy spells it
  ``cupyx.scatter_add`` (``cupy.add.at`` exists only in recent releases).
* ``to_host`` / ``from_host``: the only two places data crosses the bus.  Their
  callers (``device_put``, the facade's ``.cpu()``/``.item()``/creation) first
  ask ``backends.check_transfer(what)``, naming the user's operation, so
  ``transfer_guard("disallow")`` refuses them; printing alone is let through.
* ``default_rng(seed)``: random numbers are drawn on the device.
* ``ElementwiseKernel`` / ``ReductionKernel``: what jit's fusion compiles
  elementwise chains into (``backends/fusion.py``).

The namespace is built from the cupy and cupyx modules it is given, so tests
on a machine without a GPU can build it over a strict stand-in
(``tests/_fakecupy.py``) and exercise this very code.  ``CupyBackend`` states
what the rest of the library may assume about it (``core.backend.Backend``).
"""
from ..core.backend import Backend


class CupyNamespace:
    """``xp`` for device arrays: attribute access falls through to cupy."""

    def __init__(self, cupy, cupyx, name="cupy"):
        self._cp = cupy
        self._cpx = cupyx
        self.__name__ = name
        self.ndarray = cupy.ndarray
        self.linalg = cupy.linalg
        self._kernels = {}

    def __getattr__(self, name):
        # only reached for names not set on the instance: cache cupy's object
        v = getattr(self._cp, name)
        setattr(self, name, v)
        return v

    def __repr__(self):
        return f"<functorch_lite backend namespace over {self._cp.__name__}>"

    # -- where CuPy's spelling differs from NumPy's -----------------------

    def scatter_add(self, out, idx, updates):
        """In place ``out[idx] += updates`` with repeated indices summed."""
        self._cpx.scatter_add(out, idx, updates)

    def mul_safe(self, ct, d):
        """``ct * d``, exactly 0 where ct == 0 even if d is inf/nan: one kernel
        (the generic path takes six), or None for dtypes it does not cover."""
        dt = str(ct.dtype)
        if dt != str(d.dtype) or dt not in ("float32", "float64"):
            return None
        k = self._kernels.get(("mul_safe", dt))
        if k is None:
            c = "float" if dt == "float32" else "double"
            k = self._kernels[("mul_safe", dt)] = self._cp.ElementwiseKernel(
                f"{dt} ct, {dt} d", f"{dt} out",
                f"out = (ct == ({c})0 && !isfinite(d)) ? ({c})0 : ct * d;", f"fl_mul_safe_{dt}")
        return k(ct, d)

    def default_rng(self, seed=None):
        return self._cp.random.default_rng(seed)

    # -- explicit transfers (the only ones the library makes) -------------

    def to_host(self, a):
        return self._cp.asnumpy(a)

    def from_host(self, a):
        return self._cp.asarray(a)

    def synchronize(self):
        self._cp.cuda.get_current_stream().synchronize()


class CupyBackend(Backend):
    """Device arrays: every read back is a transfer; kernels fuse; the plan
    places its constants on the device once and never reuses buffers via out=."""
    device = "cuda"
    aliases = ("cuda", "gpu")
    is_host = False
    out_reuse = False
    fusion = True
    finiteness_probe = False
    host_constants = False
    special_module = "cupyx.scipy.special"

    def __init__(self, ns):
        self.name = ns.__name__
        self.namespace = ns
        self.array_types = (ns.ndarray,)
        self.fusion = hasattr(ns, "ElementwiseKernel") and hasattr(ns, "ReductionKernel")

    def to_host(self, x):
        return self.namespace.to_host(x)

    def from_host(self, a):
        return self.namespace.from_host(a)

    def synchronize(self):
        self.namespace.synchronize()

    def scatter_add(self, out, idx, updates):
        self.namespace.scatter_add(out, idx, updates)

    def _load_special(self):
        # the cupyx this namespace was built over (the stand-in's, in tests)
        sp = getattr(getattr(self.namespace._cpx, "scipy", None), "special", None)
        return sp if sp is not None else super()._load_special()


def load(cupy=None, cupyx=None):
    """The namespace over the real cupy, or None when it cannot run here."""
    if cupy is None:
        try:
            import cupy
            import cupyx
            if cupy.cuda.runtime.getDeviceCount() < 1:
                return None
        except Exception:  # noqa: BLE001 - no cupy, no driver or no GPU: not available
            return None
    return CupyNamespace(cupy, cupyx)
