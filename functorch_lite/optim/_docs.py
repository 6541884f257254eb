"""Full docstrings of the optimisers and learning-rate schedulers users meet
first (``optim/__init__.py`` and ``lr_scheduler.py`` assign them at import,
before the one-line mirror docs)."""

_PARAMS = """    params: an iterable of Tensors that require grad (``model.parameters()``)
        or of dicts (parameter groups: ``{"params": [...], "lr": ...}``, each
        key overriding the default for its group)."""

_STEP = """Returns:
    The optimiser.  ``step(closure=None)`` updates every parameter that has a
    ``.grad`` in place (no autograd history) and returns ``closure()``'s loss
    when given one; ``zero_grad(set_to_none=True)`` clears the gradients;
    ``param_groups``, ``state``, ``state_dict()``/``load_state_dict()`` and
    ``add_param_group()`` are PyTorch's."""

SGD = f"""Stochastic gradient descent, with optional momentum, dampening, Nesterov
momentum and L2 weight decay (``torch.optim.SGD``).

Args:
{_PARAMS}
    lr: learning rate (default 1e-3).
    momentum: momentum factor (default 0: plain SGD).
    dampening: dampening of the momentum (default 0).
    weight_decay: L2 penalty added to the gradient (default 0).
    nesterov: Nesterov momentum (needs momentum > 0 and dampening 0).
    maximize: ascend the objective instead of descending it.

{_STEP}

Differs from PyTorch: no ``foreach``, ``differentiable`` nor ``fused``
(one implementation), no ``(name, Tensor)`` pairs as ``params``
(PyTorch 2.6's ``named_parameters()`` form); ``repr(opt)`` is Python's default.

Example:
    >>> import functorch_lite as torch
    >>> w = torch.tensor([1.0, -2.0], requires_grad=True)
    >>> opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
    >>> for _ in range(2):
    ...     opt.zero_grad()
    ...     loss = (w ** 2).sum()
    ...     loss.backward()
    ...     opt.step()
    >>> w
    tensor([ 0.4600, -0.9200], requires_grad=True)
"""

ADAM = f"""Adam (``torch.optim.Adam``): per-parameter steps from running means of
the gradient and of its square, bias-corrected.

Args:
{_PARAMS}
    lr: learning rate (default 1e-3).
    betas: decay rates of the two running means (default (0.9, 0.999)).
    eps: added to the denominator (default 1e-8).
    weight_decay: L2 penalty added to the gradient (default 0; AdamW
        decouples it instead).
    amsgrad: use the maximum of the past second moments (AMSGrad).
    maximize: ascend the objective instead of descending it.

{_STEP}

Differs from PyTorch: no ``foreach``, ``capturable``, ``differentiable``,
``fused`` nor ``decoupled_weight_decay`` (use ``AdamW``); no ``(name,
Tensor)`` pairs as ``params``.

Example:
    >>> import functorch_lite as torch
    >>> w = torch.tensor([1.0, -2.0], requires_grad=True)
    >>> opt = torch.optim.Adam([w], lr=0.1)
    >>> for _ in range(3):
    ...     opt.zero_grad()
    ...     (w ** 2).sum().backward()
    ...     opt.step()
    >>> w
    tensor([ 0.7016, -1.7006], requires_grad=True)
"""

ADAMW = f"""AdamW (``torch.optim.AdamW``): Adam with decoupled weight decay, the
parameters shrunk by ``lr * weight_decay`` at each step before Adam's update.

Args:
{_PARAMS}
    lr: learning rate (default 1e-3).
    betas: decay rates of the two running means (default (0.9, 0.999)).
    eps: added to the denominator (default 1e-8).
    weight_decay: decoupled decay factor (default 1e-2).
    amsgrad: use the maximum of the past second moments (AMSGrad).
    maximize: ascend the objective instead of descending it.

{_STEP}

Differs from PyTorch: no ``foreach``, ``capturable``, ``differentiable``
nor ``fused``; no ``(name, Tensor)`` pairs as ``params``.

Example:
    >>> import functorch_lite as torch
    >>> w = torch.tensor([1.0, -2.0], requires_grad=True)
    >>> opt = torch.optim.AdamW([w], lr=0.1, weight_decay=0.1)
    >>> (w ** 2).sum().backward()
    >>> opt.step()
    >>> w
    tensor([ 0.8900, -1.8800], requires_grad=True)
"""

_SCHED_RETURNS = """Returns:
    The scheduler: call ``step()`` once per epoch after ``optimizer.step()``;
    ``get_last_lr()`` gives the groups' current learning rates;
    ``state_dict()``/``load_state_dict()`` save and restore it."""

LR_SCHEDULER = f"""Base class of the learning-rate schedulers
(``torch.optim.lr_scheduler.LRScheduler``).

A subclass defines ``get_lr()`` (the chainable form: the next rates from the
groups' current ones) and may define ``_closed()`` (the closed form, used
when ``step(epoch)`` jumps to an epoch).  Creating a scheduler records each
group's ``initial_lr`` and sets the epoch-0 rates.

Args:
    optimizer: the optimiser whose ``param_groups``' ``"lr"`` it sets.
    last_epoch: the index of the last epoch when resuming (default -1: start).

{_SCHED_RETURNS}

Differs from PyTorch: nothing in arguments or results.

Example:
    >>> import functorch_lite as torch
    >>> from functorch_lite.optim import lr_scheduler
    >>> class Halving(lr_scheduler.LRScheduler):
    ...     def get_lr(self):
    ...         return [base * 0.5 ** self.last_epoch for base in self.base_lrs]
    >>> opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1.0)
    >>> sched = Halving(opt)
    >>> for epoch in range(2):
    ...     opt.step()
    ...     sched.step()
    >>> sched.get_last_lr()
    [0.25]
"""

STEP_LR = f"""Multiply the learning rate by ``gamma`` every ``step_size`` epochs
(``torch.optim.lr_scheduler.StepLR``).

Args:
    optimizer: the optimiser to schedule.
    step_size: epochs between decays.
    gamma: the factor (default 0.1).
    last_epoch: the last epoch when resuming (default -1).

{_SCHED_RETURNS}

Differs from PyTorch: nothing in arguments or results.

Example:
    >>> import functorch_lite as torch
    >>> w = torch.zeros(1, requires_grad=True)
    >>> opt = torch.optim.SGD([w], lr=1.0)
    >>> sched = torch.optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.5)
    >>> lrs = []
    >>> for epoch in range(5):
    ...     lrs.append(sched.get_last_lr()[0])
    ...     opt.step()
    ...     sched.step()
    >>> lrs
    [1.0, 1.0, 0.5, 0.5, 0.25]
"""

LAMBDA_LR = f"""Learning rate ``initial_lr * lr_lambda(epoch)``
(``torch.optim.lr_scheduler.LambdaLR``).

Args:
    optimizer: the optimiser to schedule.
    lr_lambda: a function of the epoch (an int) returning the factor, or a
        list of them, one per parameter group.
    last_epoch: the last epoch when resuming (default -1).

{_SCHED_RETURNS}

Differs from PyTorch: ``state_dict()`` leaves the lambdas out altogether
(PyTorch keeps the ``__dict__`` of those that are callable objects).

Example:
    >>> import functorch_lite as torch
    >>> opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1.0)
    >>> sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda epoch: 1 / (epoch + 1))
    >>> lrs = []
    >>> for epoch in range(4):
    ...     lrs.append(round(sched.get_last_lr()[0], 4))
    ...     opt.step()
    ...     sched.step()
    >>> lrs
    [1.0, 0.5, 0.3333, 0.25]
"""

EXPONENTIAL_LR = f"""Multiply the learning rate by ``gamma`` every epoch
(``torch.optim.lr_scheduler.ExponentialLR``).

Args:
    optimizer: the optimiser to schedule.
    gamma: the factor per epoch.
    last_epoch: the last epoch when resuming (default -1).

{_SCHED_RETURNS}

Differs from PyTorch: nothing in arguments or results.

Example:
    >>> import functorch_lite as torch
    >>> opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1.0)
    >>> sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.5)
    >>> for epoch in range(3):
    ...     opt.step()
    ...     sched.step()
    >>> sched.get_last_lr()
    [0.125]
"""

COSINE_ANNEALING_LR = f"""Cosine annealing from the initial learning rate down to
``eta_min`` over ``T_max`` epochs, then back up, periodically
(``torch.optim.lr_scheduler.CosineAnnealingLR``, its recursive form).

Args:
    optimizer: the optimiser to schedule.
    T_max: epochs of a half period.
    eta_min: the smallest learning rate (default 0).
    last_epoch: the last epoch when resuming (default -1).

{_SCHED_RETURNS}

Differs from PyTorch: nothing in arguments or results.

Example:
    >>> import functorch_lite as torch
    >>> opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1.0)
    >>> sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=4)
    >>> lrs = []
    >>> for epoch in range(5):
    ...     lrs.append(round(sched.get_last_lr()[0], 4))
    ...     opt.step()
    ...     sched.step()
    >>> lrs
    [1.0, 0.8536, 0.5, 0.1464, 0.0]
"""

DOCS = {"SGD": SGD, "Adam": ADAM, "AdamW": ADAMW}
SCHEDULER_DOCS = {"LRScheduler": LR_SCHEDULER, "StepLR": STEP_LR, "LambdaLR": LAMBDA_LR,
                  "ExponentialLR": EXPONENTIAL_LR, "CosineAnnealingLR": COSINE_ANNEALING_LR}
