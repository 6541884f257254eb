"""A view of the one registry (``core.primitive.REGISTRY``) for the tests that
enumerate the first-order primitives: those defined in this package's family
modules, in definition order.  Filled by ``primitives/__init__`` once every
family is imported; nothing is registered here."""
REGISTRY = []


def fill(modules):
    from ..core.primitive import Primitive
    seen = {id(p) for p in REGISTRY}
    for m in modules:
        for v in vars(m).values():
            if isinstance(v, Primitive) and id(v) not in seen:
                seen.add(id(v))
                REGISTRY.append(v)


__all__ = ["REGISTRY", "fill"]
