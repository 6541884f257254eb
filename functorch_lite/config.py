"""Global switches.

explain_retrace: when True, every jit cache miss (after the first trace)
logs which argument changed and how (logger ``functorch_lite.jit``).
"""
explain_retrace = False
