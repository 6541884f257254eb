"""``functorch_lite.experimental``: JAX's ``jax.experimental`` names that exist here
(``io_callback``, defined in ``debug/_host.py``)."""
from .debug._host import io_callback

__all__ = ["io_callback"]
