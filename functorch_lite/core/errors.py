"""Error types users can catch. Messages name the user's line and a fix."""


class TracerConversionError(TypeError):
    """A traced (abstract or batched) value was turned into a Python bool/int/float."""


class UnexpectedTracerError(RuntimeError):
    """A tracer escaped the transform that created it and was used later."""
