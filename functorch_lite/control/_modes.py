"""Applies ``config.update``'s JAX switches to the layers that read them:
``jax_enable_x64`` sets ``core.dtypes.X64`` (the 32-bit mode), and
``jax_platform_name`` sets the default backend.  Here because config and core
are siblings at the bottom (neither imports the other); control sits above
both and is always imported."""
from .. import backends, config
from ..core import dtypes


def _watch(name, value):
    if name == "jax_enable_x64":
        dtypes.X64 = bool(value)
    elif name == "jax_platform_name":
        backends.set_default_backend(str(value).split(",")[0])


config._watchers.append(_watch)
dtypes.X64 = config.jax_enable_x64
