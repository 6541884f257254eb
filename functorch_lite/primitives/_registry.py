"""Transition alias: primitives are created with ``core.primitive.defprim``."""
from ..core.primitive import REGISTRY as _ALL
from ..core.primitive import defprim

REGISTRY = []   # the first-order primitives, in definition order (tests enumerate it)


def _prim(name, multiple_results=False):
    p = defprim(name, multiple_results=multiple_results)
    REGISTRY.append(p)
    return p


__all__ = ["REGISTRY", "_ALL", "_prim"]
