"""Global switches.

explain_retrace: when True, every jit cache miss (after the first trace)
logs which argument changed and how (logger ``functorch_lite.jit``).

fusion: when True (the default), jit plans compiled for a backend with a
fusion code generator (``Backend.fusion``) fuse chains of elementwise
equations (and such a chain feeding a reduce_sum) into one generated kernel
each (``backends/fusion.py``).  Read when a plan is compiled.  On NumPy the
generator is generated C (``backends/cpu_fusion.py``: the ``cpu-fusion`` extra,
cffi, and a C compiler); without them NumPy plans run unfused.

disable_jit: when True, every ``jit``-compiled function runs its Python
eagerly, op by op (JAX's ``jax_disable_jit``); the context manager
``functorch_lite.disable_jit()`` sets it for one thread and block.
"""
explain_retrace = False
fusion = True
disable_jit = False

# --------------------------------------------------------------- debug_nans
# debug_nans: when True, a NaN or inf that a primitive produces from finite
# inputs raises FloatingPointError naming the primitive, the user's file:line
# and the pass (forward/backward); jitted calls whose outputs are not finite are
# re-run equation by equation to find it (``docs/debug.md``).  A property: the
# modules that check (``functorch_lite.debug``) register in ``_watchers`` and
# install their checking versions of bind & co. only while it is on, so off
# costs nothing on any hot path.
import sys as _sys
import types as _types

import typing as _typing

_debug_nans = False
_watchers: list[_typing.Callable[[str, _typing.Any], None]] = []   # called (name, value) when a flag is set


class _Config(_types.ModuleType):
    @property
    def debug_nans(self):
        return _debug_nans

    @debug_nans.setter
    def debug_nans(self, value):
        global _debug_nans
        _debug_nans = bool(value)
        for w in list(_watchers):
            w("debug_nans", _debug_nans)


    # ---------------------------------------------------------- JAX's names
    # ``jax_enable_x64``: True (the default here, NumPy's dtypes) or False (JAX's
    # default: the 32-bit mode, see core/dtypes.py); the watchers apply it.
    @property
    def jax_enable_x64(self):
        return _x64

    @property
    def jax_disable_jit(self):
        return self.disable_jit

    @property
    def jax_debug_nans(self):
        return _debug_nans

    @property
    def jax_explain_cache_misses(self):
        return self.explain_retrace

    def update(self, name, value):
        """Set a switch by JAX's name (``jax.config.update``): ``jax_enable_x64``
        (False: JAX's 32-bit mode), ``jax_disable_jit``, ``jax_debug_nans``,
        ``jax_explain_cache_misses``, ``jax_platform_name``/``jax_platforms``
        (the default backend: "cpu" is NumPy's); also this library's own names
        (``explain_retrace``, ``fusion``, ``disable_jit``, ``debug_nans``).
        Other JAX names raise ValueError naming them (nothing is accepted and
        ignored)."""
        global _x64
        if name == "jax_enable_x64":
            _x64 = bool(value)
            for w in list(_watchers):
                w("jax_enable_x64", _x64)
        elif name in ("jax_disable_jit", "disable_jit"):
            self.disable_jit = bool(value)
        elif name in ("jax_debug_nans", "debug_nans"):
            self.debug_nans = bool(value)
        elif name in ("jax_explain_cache_misses", "explain_retrace"):
            self.explain_retrace = bool(value)
        elif name == "fusion":
            self.fusion = bool(value)
        elif name in ("jax_platform_name", "jax_platforms"):
            for w in list(_watchers):
                w("jax_platform_name", value)
        else:
            known = ["jax_enable_x64", "jax_disable_jit", "jax_debug_nans",
                     "jax_explain_cache_misses", "jax_platform_name",
                     "jax_platforms", "explain_retrace", "fusion", "disable_jit", "debug_nans"]
            raise ValueError(f"config.update: unknown or unsupported option {name!r}; this "
                             f"library has {known}")

    def read(self, name):
        """The value of a switch by name (JAX's ``config.read``)."""
        return getattr(self, name)


_x64 = True
_sys.modules[__name__].__class__ = _Config
if _typing.TYPE_CHECKING:   # the module is a _Config: its properties, typed for the readers
    debug_nans: bool
    jax_enable_x64: bool
    jax_disable_jit: bool
    jax_debug_nans: bool
    jax_explain_cache_misses: bool

    def update(name: str, value: _typing.Any) -> None:
        """Set a switch by name (``_Config.update``)."""

    def read(name: str) -> _typing.Any:
        """The value of a switch by name (``_Config.read``)."""
