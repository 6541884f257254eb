"""Tensor basics and the NumPy bridge (the 60-minute blitz, part 1), unchanged
PyTorch code with `import functorch_lite as torch`."""
from __future__ import print_function

import numpy as np

import functorch_lite as torch

x = torch.Tensor(5, 3)          # uninitialised 5x3 matrix
x = torch.rand(5, 3)            # random matrix
print(x)
print(x.size())                 # torch.Size is a tuple
zero_x = torch.zeros(5, 3, dtype=torch.long)
print(zero_x)
tensor1 = torch.tensor([5.5, 3])
print(tensor1)
tensor2 = tensor1.new_ones(5, 3, dtype=torch.double)
print(tensor2)
tensor3 = torch.randn_like(tensor2, dtype=torch.float)
print('tensor3: ', tensor3)
print(tensor3.size())

y = torch.rand(5, 3)
print(x + y)
print(torch.add(x, y))
result = torch.Tensor(5, 3)
torch.add(x, y, out=result)
print('add result= ', result)
y.add_(x)                       # in place: y is modified
print(y)
print(x[:, 1])                  # slicing

x = torch.randn(4, 4)
y = x.view(16)
z = x.view(-1, 8)
print(x.size(), y.size(), z.size())
x = torch.randn(1)
print(x)
print(x.item())

# the NumPy bridge: shared memory both ways
a = torch.ones(5)
print(a)
b = a.numpy()
print(b)
a.add_(1)
print(a)
print(b)
arr = np.ones(5)
shared = torch.from_numpy(arr)
np.add(arr, 1, out=arr)
print(arr)
print(shared)

np_data = np.arange(6).reshape((2, 3))
torch_data = torch.from_numpy(np_data)
tensor2array = torch_data.numpy()
print('\nnumpy array:', np_data, '\ntorch tensor:', torch_data,
      '\ntensor to array:', tensor2array)
data = [-1, -2, 1, 2]
tensor = torch.FloatTensor(data)
print('\nabs', '\nnumpy: ', np.abs(data), '\ntorch: ', torch.abs(tensor))
print('\nsin', '\nnumpy: ', np.sin(data), '\ntorch: ', torch.sin(tensor))
print('\nmean', '\nnumpy: ', np.mean(data), '\ntorch: ', torch.mean(tensor))
matrix = [[1, 2], [3, 4]]
tensor = torch.FloatTensor(matrix)
print('\nmatrix multiplication (matmul)', '\nnumpy: ', np.matmul(matrix, matrix),
      '\ntorch: ', torch.mm(tensor, tensor))

# CUDA tensors: only when a GPU is there
if torch.cuda.is_available():
    device = torch.device("cuda")
    y = torch.ones_like(x, device=device)
    x = x.to(device)
    z = x + y
    print(z)
    print(z.to("cpu", torch.double))
else:
    print("cuda available:", torch.cuda.is_available(), torch.device("cuda:0"))
