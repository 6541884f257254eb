"""What examples/func/*.py print when run on torch 2.13 (their --torch switch) with
the small arguments of tests/test_func_examples.py: the reference numbers."""

RUNS = {
    'per_sample_grads.py': ['--batch', '8'],
    'ensembling.py': ['--models', '3'],
    'neural_tangent_kernels.py': ['--n1', '3', '--n2', '2'],
    'jacobians_hessians.py': ['--d', '6'],
    'forward_ad_usage.py': [],
    'whirlwind_tour.py': [],
}

EXPECTED = {
    'per_sample_grads.py': 'conv1.weight (8, 8, 1, 3, 3) abs-sum 60.816612 sample0-abs-sum 9.9721451\nconv1.bias (8, 8) abs-sum 7.3082666 sample0-abs-sum 1.0104226\nconv2.weight (8, 16, 8, 3, 3) abs-sum 507.41324 sample0-abs-sum 68.43029\nconv2.bias (8, 16) abs-sum 13.727663 sample0-abs-sum 1.3806626\nfc1.weight (8, 32, 400) abs-sum 2449.5591 sample0-abs-sum 377.39783\nfc1.bias (8, 32) abs-sum 14.336657 sample0-abs-sum 2.2681487\nfc2.weight (8, 10, 32) abs-sum 100.70594 sample0-abs-sum 17.055161\nfc2.bias (8, 10) abs-sum 14.432837 sample0-abs-sum 1.9084247\n',
    'ensembling.py': 'stacked [(3, 32, 64), (3, 32)]\ndifferent-minibatches sum -33.28101 abs 366.64957\nsame-minibatch sum -36.741833 abs 362.08365\nmodel0 first row [1.069128, 1.001172, 0.768754, 0.024722]\n',
    'neural_tangent_kernels.py': 'ntk shape (3, 2, 4, 4) trace shape (3, 2)\nntk sum 498.9129 abs 792.48853\ntrace [94.18, 114.3267]\nvps sum 498.9129\n',
    'jacobians_hessians.py': 'jacobian wrt x (6, 6) sum -0.5182248458\njacobian wrt weight (6, 6, 6) sum 13.71288984 bias sum 2.49506791\nbatched jacobian (5, 6, 6) sum 0.06815932676\nhessian (6, 6) sum 0.3392195827 trace 1.882742076\nvjp -0.5182248458 jvp -0.5182248458 hvp 0.3392195827\n',
    'forward_ad_usage.py': 'fn jvp sum 9.37777244\nmodule jvp wrt params sum 74.56200367\ncustom Function jvp sum 5.024423601\nfunc.jvp out -4.839815404 tangent -1.598400297\n',
    'whirlwind_tour.py': 'grad 0.9921063626 grad-grad -0.1253992237\nvjp 4.582894042 jvp 4.582894042\ndots 17.5536606 per-example-grads -27.22627329\njacobian trace 4.582894042 hessian sum -0.413871099\nbatched jacobian (4, 5, 5) sum 12.83739853\n',
}
