"""Full docstrings of the other optimisers and schedulers (``optim/__init__.py``
assigns them at import; optim/_docs.py has the first ones)."""
from ._docs import _PARAMS, _SCHED_RETURNS, _STEP

_QUAD = """    >>> import functorch_lite as torch
    >>> w = torch.tensor([1.0, -2.0], requires_grad=True)"""
_LOOP = """    >>> for _ in range(3):
    ...     opt.zero_grad()
    ...     (w ** 2).sum().backward()
    ...     opt.step()
    >>> w"""

LBFGS = f"""L-BFGS (``torch.optim.LBFGS``): quasi-Newton steps from the last
``history_size`` gradient differences (the two-loop recursion), PyTorch's
algorithm and stopping rules.

Args:
    params: an iterable of Tensors (one parameter group only).
    lr: the step length (default 1).
    max_iter: iterations per ``step`` (default 20).
    max_eval: closure evaluations per ``step`` (default ``max_iter * 1.25``).
    tolerance_grad: stop when the largest gradient entry is below it.
    tolerance_change: stop when the loss or the step changes less.
    history_size: curvature pairs kept (default 100).
    line_search_fn: None (a fixed step); ``"strong_wolfe"`` raises
        NotImplementedError.

Returns:
    The optimiser; ``step(closure)`` is required: ``closure()`` clears the
    gradients, computes the loss, calls ``backward`` and returns the loss;
    ``step`` returns the closure's first loss (as PyTorch's).

Differs from PyTorch: no strong-Wolfe line search; parameter groups raise
ValueError (as PyTorch's).

Example:
{_QUAD}
    >>> opt = torch.optim.LBFGS([w], max_iter=5)
    >>> def closure():
    ...     opt.zero_grad()
    ...     loss = (w ** 2).sum()
    ...     loss.backward()
    ...     return loss
    >>> opt.step(closure)
    tensor(5., grad_fn=<SumBackward0>)
    >>> bool(w.abs().max() < 1e-5)
    True
"""

NADAM = f"""NAdam (``torch.optim.NAdam``): Adam with Nesterov momentum and PyTorch's
momentum-decay schedule ``mu_t = beta1 (1 - 0.5 * 0.96^(t * momentum_decay))``.

Args:
{_PARAMS}
    lr: learning rate (default 2e-3).
    betas: decay rates of the running means (default (0.9, 0.999)).
    eps: added to the denominator (default 1e-8).
    weight_decay: L2 penalty (default 0).
    momentum_decay: the schedule's decay (default 4e-3).
    decoupled_weight_decay: decay the weights as AdamW does.
    maximize: ascend the objective.

{_STEP}

Differs from PyTorch: no ``foreach``, ``capturable`` nor ``differentiable``.

Example:
{_QUAD}
    >>> opt = torch.optim.NAdam([w], lr=0.1)
{_LOOP}
    tensor([ 0.7527, -1.7475], requires_grad=True)
"""

RADAM = f"""RAdam (``torch.optim.RAdam``): Adam whose adaptive step starts only once
the variance estimate is tractable (``rho_t > 5``), momentum SGD before.

Args:
{_PARAMS}
    lr: learning rate (default 1e-3).
    betas: decay rates of the running means (default (0.9, 0.999)).
    eps: added to the denominator (default 1e-8).
    weight_decay: L2 penalty (default 0).
    decoupled_weight_decay: decay the weights as AdamW does.
    maximize: ascend the objective.

{_STEP}

Differs from PyTorch: no ``foreach``, ``capturable`` nor ``differentiable``.

Example:
{_QUAD}
    >>> opt = torch.optim.RAdam([w], lr=0.1)
{_LOOP}
    tensor([ 0.4623, -0.9246], requires_grad=True)
"""

ADAMAX = f"""Adamax (``torch.optim.Adamax``): Adam with the infinity norm,
``u = max(beta2 * u, |g| + eps)``.

Args:
{_PARAMS}
    lr: learning rate (default 2e-3).
    betas: decay rates (default (0.9, 0.999)).
    eps: added to ``|g|`` (default 1e-8).
    weight_decay: L2 penalty (default 0).
    maximize: ascend the objective.

{_STEP}

Differs from PyTorch: no ``foreach``, ``capturable`` nor ``differentiable``.

Example:
{_QUAD}
    >>> opt = torch.optim.Adamax([w], lr=0.1)
{_LOOP}
    tensor([ 0.7155, -1.7076], requires_grad=True)
"""

_SCHED_EX = """    >>> import functorch_lite as torch
    >>> from functorch_lite.optim import lr_scheduler
    >>> opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1.0)"""
_SCHED_LOOP = """    >>> lrs = []
    >>> for epoch in range(6):
    ...     lrs.append(round(opt.param_groups[0]["lr"], 4))
    ...     opt.step()
    ...     sched.step({arg})
    >>> lrs"""

MULTISTEP_LR = f"""Multiply the learning rate by ``gamma`` at each milestone epoch
(``torch.optim.lr_scheduler.MultiStepLR``).

Args:
    optimizer: the optimiser to schedule.
    milestones: increasing epoch indices (one listed twice applies gamma twice).
    gamma: the factor (default 0.1).
    last_epoch: the last epoch when resuming (default -1).

{_SCHED_RETURNS}

Differs from PyTorch: nothing in arguments or results.

Example:
{_SCHED_EX}
    >>> sched = lr_scheduler.MultiStepLR(opt, milestones=[2, 4], gamma=0.5)
{_SCHED_LOOP.format(arg="")}
    [1.0, 1.0, 0.5, 0.5, 0.25, 0.25]
"""

LINEAR_LR = f"""Scale the learning rate linearly from ``start_factor`` to
``end_factor`` over ``total_iters`` epochs (``torch.optim.lr_scheduler.LinearLR``),
a warm-up.

Args:
    optimizer: the optimiser to schedule.
    start_factor: the factor at epoch 0 (default 1/3).
    end_factor: the factor from ``total_iters`` on (default 1).
    total_iters: epochs of the ramp (default 5).
    last_epoch: the last epoch when resuming (default -1).

{_SCHED_RETURNS}

Differs from PyTorch: nothing in arguments or results.

Example:
{_SCHED_EX}
    >>> sched = lr_scheduler.LinearLR(opt, start_factor=0.25, total_iters=3)
{_SCHED_LOOP.format(arg="")}
    [0.25, 0.5, 0.75, 1.0, 1.0, 1.0]
"""

SEQUENTIAL_LR = f"""Run schedulers one after another, switching at the milestones
(``torch.optim.lr_scheduler.SequentialLR``).

Args:
    optimizer: the optimiser all the schedulers schedule.
    schedulers: the schedulers, in order.
    milestones: ``len(schedulers) - 1`` increasing epochs at which the next
        one takes over (restarted from its epoch 0).
    last_epoch: the last epoch when resuming (default -1).

{_SCHED_RETURNS}

Differs from PyTorch: nothing in arguments or results.

Example:
{_SCHED_EX}
    >>> warmup = lr_scheduler.LinearLR(opt, start_factor=0.5, total_iters=2)
    >>> decay = lr_scheduler.ExponentialLR(opt, gamma=0.5)
    >>> sched = lr_scheduler.SequentialLR(opt, [warmup, decay], milestones=[2])
{_SCHED_LOOP.format(arg="")}
    [0.5, 0.75, 1.0, 0.5, 0.25, 0.125]
"""

ONECYCLE_LR = f"""The one-cycle policy (``torch.optim.lr_scheduler.OneCycleLR``): the
learning rate rises from ``max_lr / div_factor`` to ``max_lr`` over
``pct_start`` of the steps, then anneals to ``initial_lr /
final_div_factor``; momentum (or Adam's beta1) cycles the other way.  Step
it after every batch, not every epoch.

Args:
    optimizer: the optimiser to schedule.
    max_lr: the peak learning rate (or one per group).
    total_steps: the cycle's length; or give ``epochs`` and ``steps_per_epoch``.
    epochs: with ``steps_per_epoch``: ``total_steps = epochs * steps_per_epoch``.
    steps_per_epoch: batches per epoch.
    pct_start: the fraction of the cycle spent rising (default 0.3).
    anneal_strategy: ``"cos"`` (default) or ``"linear"``.
    cycle_momentum: cycle the momentum between ``max_momentum`` and
        ``base_momentum`` (default True).
    base_momentum: the momentum at the learning rate's peak (default 0.85).
    max_momentum: the momentum at the ends (default 0.95).
    div_factor: ``initial_lr = max_lr / div_factor`` (default 25).
    final_div_factor: ``min_lr = initial_lr / final_div_factor`` (default 1e4).
    three_phase: a third phase annealing to ``min_lr`` (fast.ai's form).
    last_epoch: the last step when resuming (default -1).

{_SCHED_RETURNS}

Differs from PyTorch: nothing in arguments or results.

Example:
{_SCHED_EX}
    >>> sched = lr_scheduler.OneCycleLR(opt, max_lr=1.0, total_steps=6)
{_SCHED_LOOP.format(arg="")}
    [0.04, 0.9944, 0.8117, 0.4626, 0.1335, 0.0]
"""

REDUCE_ON_PLATEAU = f"""Multiply the learning rate by ``factor`` when a metric stops
improving for ``patience`` epochs (``torch.optim.lr_scheduler.ReduceLROnPlateau``).

Args:
    optimizer: the optimiser to schedule.
    mode: ``"min"`` (default: lower is better) or ``"max"``.
    factor: the reduction factor (default 0.1).
    patience: epochs without improvement tolerated (default 10).
    threshold: the least change that counts as improvement (default 1e-4).
    threshold_mode: ``"rel"`` (default) or ``"abs"``.
    cooldown: epochs to wait after a reduction (default 0).
    min_lr: a floor (or one per group).
    eps: reductions smaller than this are skipped (default 1e-8).

Returns:
    The scheduler: call ``step(metric)`` once per epoch with the validation
    metric; ``get_last_lr()`` gives the current rates.

Differs from PyTorch: nothing in arguments or results.

Example:
{_SCHED_EX}
    >>> sched = lr_scheduler.ReduceLROnPlateau(opt, factor=0.5, patience=1)
    >>> losses = [1.0, 0.9, 0.9, 0.9, 0.9, 0.9]
{_SCHED_LOOP.format(arg="losses[epoch]")}
    [1.0, 1.0, 1.0, 1.0, 0.5, 0.5]
"""

DOCS = {"LBFGS": LBFGS, "NAdam": NADAM, "RAdam": RADAM, "Adamax": ADAMAX}
SCHEDULER_DOCS = {"MultiStepLR": MULTISTEP_LR, "LinearLR": LINEAR_LR,
                  "SequentialLR": SEQUENTIAL_LR, "OneCycleLR": ONECYCLE_LR,
                  "ReduceLROnPlateau": REDUCE_ON_PLATEAU}
