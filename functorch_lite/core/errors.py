"""Error types users can catch. Messages name the user's line and a fix."""


class TracerConversionError(TypeError):
    """A traced (abstract or batched) value was turned into a Python bool/int/float."""


class UnexpectedTracerError(RuntimeError):
    """A tracer escaped the transform that created it and was used later."""


class ContractionShapeError(TypeError, ValueError):
    """dot/matmul operands whose contracted dimensions differ: a TypeError as
    JAX raises (pages catch it so), and a ValueError as NumPy raises."""
