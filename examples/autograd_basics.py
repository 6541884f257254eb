"""Autograd basics from the seed tutorials: the 4.5 gradient, a vector-Jacobian
product after a data-dependent while loop, no_grad, leaves and grad_fn."""
import functorch_lite as torch
from functorch_lite.autograd import Variable

x = Variable(torch.ones(2, 2), requires_grad=True)
print(x)
y = x + 2
print(y)
print(y.creator)                # old name of grad_fn
z = y * y * 3
out = z.mean()
print(z)
print(out)
out.backward()                  # same as out.backward(torch.Tensor([1.0]))
print(x.grad)                   # d(out)/dx = 4.5 everywhere

x = torch.randn(3)
x = Variable(x, requires_grad=True)
y = x * 2
while y.data.norm() < 1000:
    y = y * 2
print(y)
gradients = torch.FloatTensor([0.1, 1.0, 0.0001])
y.backward(gradients)
print(x.grad)

print(x.requires_grad)
print((x ** 2).requires_grad)
with torch.no_grad():
    print((x ** 2).requires_grad)

a = torch.randn(2, 2)
a = ((a * 3) / (a - 1))
print(a.requires_grad)
a.requires_grad_(True)
print(a.requires_grad)
b = (a * a).sum()
print(b.grad_fn)

a = torch.tensor([1., 2, 3, 4], requires_grad=True)
b = torch.tensor([1., 2, 3, 4], requires_grad=False)
c = torch.sum(a * 2)
print(c)
c.backward()
print(a.grad)
d = torch.sum(b + a)
d.backward()
print(b.grad, b.requires_grad, d.requires_grad)
b.requires_grad_(True)
d = torch.sum(b + a)
d.backward()
print(b.grad, b.requires_grad, d.requires_grad)
c = a + b
print(a.grad_fn, b.grad_fn, c, c.data, c.grad_fn)
print(a.is_leaf, b.is_leaf, c.is_leaf)
