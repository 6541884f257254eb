"""The list of every primitive (tests enumerate it to prove each has all rules)."""
from ..core.trace import Primitive

REGISTRY = []


def _prim(name, multiple_results=False):
    p = Primitive(name, multiple_results)
    REGISTRY.append(p)
    return p
