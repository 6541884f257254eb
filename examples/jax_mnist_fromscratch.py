"""MNIST classifier from scratch, following JAX's example
``examples/mnist_classifier_fromscratch.py`` with only the import lines
changed (``functorch_lite`` in place of ``jax``).

The real MNIST cannot be downloaded here, so the data is synthetic: 784-pixel
"images" drawn around ten class prototypes (linearly separable), with one-hot
labels, shaped like MNIST.  ``--quick`` (or small sizes) keeps it to seconds.

Run: ``python examples/jax_mnist_fromscratch.py [--quick] [--jax]``
(``--jax`` runs the same program with real jax, for comparison).
"""
import sys
from typing import TYPE_CHECKING
import time

import numpy.random as npr

if "--jax" in sys.argv and not TYPE_CHECKING:   # mypy reads the other branch
    import jax
    import jax.numpy as jnp
    from jax import jit, grad
    from jax.scipy.special import logsumexp
else:
    import functorch_lite as jax  # noqa: F401  (the one changed import block)
    import functorch_lite.numpy as jnp
    from functorch_lite import jit, grad
    from functorch_lite.scipy.special import logsumexp


def synthetic_mnist(n_train, n_test, seed=0):
    """MNIST-shaped float32 data: (n, 784) images in [0, 1], (n, 10) one-hot."""
    import numpy as np
    rs = np.random.RandomState(seed)
    protos = rs.rand(10, 784).astype(np.float32)

    def make(n):
        labels = rs.randint(0, 10, size=n)
        x = protos[labels] + 0.5 * rs.randn(n, 784).astype(np.float32)
        x = np.clip(x, 0.0, 1.0).astype(np.float32)
        return x, np.eye(10, dtype=np.float32)[labels]

    train_images, train_labels = make(n_train)
    test_images, test_labels = make(n_test)
    return train_images, train_labels, test_images, test_labels


def init_random_params(scale, layer_sizes, rng=npr.RandomState(0)):
    return [(scale * rng.randn(m, n), scale * rng.randn(n))
            for m, n, in zip(layer_sizes[:-1], layer_sizes[1:])]


def predict(params, inputs):
    activations = inputs
    for w, b in params[:-1]:
        outputs = jnp.dot(activations, w) + b
        activations = jnp.tanh(outputs)

    final_w, final_b = params[-1]
    logits = jnp.dot(activations, final_w) + final_b
    return logits - logsumexp(logits, axis=1, keepdims=True)


def loss(params, batch):
    inputs, targets = batch
    preds = predict(params, inputs)
    return -jnp.mean(jnp.sum(preds * targets, axis=1))


def accuracy(params, batch):
    inputs, targets = batch
    target_class = jnp.argmax(targets, axis=1)
    predicted_class = jnp.argmax(predict(params, inputs), axis=1)
    return jnp.mean(predicted_class == target_class)


def main(quick=False):
    layer_sizes = [784, 1024, 1024, 10] if not quick else [784, 64, 64, 10]
    param_scale = 0.1
    step_size = 0.001 if not quick else 0.1
    num_epochs = 10 if not quick else 5
    batch_size = 128 if not quick else 64

    n_train, n_test = (6000, 1000) if not quick else (512, 256)
    train_images, train_labels, test_images, test_labels = synthetic_mnist(n_train, n_test)
    num_train = train_images.shape[0]
    num_complete_batches, leftover = divmod(num_train, batch_size)
    num_batches = num_complete_batches + bool(leftover)

    def data_stream():
        rng = npr.RandomState(0)
        while True:
            perm = rng.permutation(num_train)
            for i in range(num_batches):
                batch_idx = perm[i * batch_size:(i + 1) * batch_size]
                yield train_images[batch_idx], train_labels[batch_idx]
    batches = data_stream()

    @jit
    def update(params, batch):
        grads = grad(loss)(params, batch)
        return [(w - step_size * dw, b - step_size * db)
                for (w, b), (dw, db) in zip(params, grads)]

    params = init_random_params(param_scale, layer_sizes, rng=npr.RandomState(0))
    print("Initial loss {}".format(float(loss(params, (train_images, train_labels)))))
    for epoch in range(num_epochs):
        start_time = time.time()
        for _ in range(num_batches):
            params = update(params, next(batches))
        epoch_time = time.time() - start_time

        train_acc = accuracy(params, (train_images, train_labels))
        test_acc = accuracy(params, (test_images, test_labels))
        print("Epoch {} in {:0.2f} sec".format(epoch, epoch_time))
        print("Training set accuracy {}".format(train_acc))
        print("Test set accuracy {}".format(test_acc))
    print("Final loss {}".format(float(loss(params, (train_images, train_labels)))))
    return params


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
