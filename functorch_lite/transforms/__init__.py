"""Transforms: jvp, the reverse-mode family, vmap, make_jaxpr (and later jit)."""
