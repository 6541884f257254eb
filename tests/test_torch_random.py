"""PyTorch's CPU random numbers bit for bit after manual_seed (rand, randn in
both Box-Muller paths, randint, randperm, uniform_/normal_, bernoulli,
dropout masks, nn.init, Generator).  The expected values were made by torch
2.13 (listed below); where torch is installed the tests also compare live."""
import numpy as np
import pytest

import functorch_lite as torch
import functorch_lite.nn as nn
import functorch_lite.nn.functional as F

EXPECTED = [
    ('rand_3', 'float32', [0.8822692632675171, 0.9150039553642273, 0.38286375999450684]),
    ('randn_5', 'float32', [-0.829319179058075, -1.6137069463729858, -0.21470452845096588, 0.29893550276756287, -0.01069642137736082]),
    ('randn_37', 'float32', [0.5201311707496643, 1.6423169374465942, -0.1595974713563919, -0.4973975419998169, 0.439589262008667, -0.7581311464309692, 1.078317642211914, 0.8008005619049072, -0.9228288531303406, 1.27912437915802, 1.2964228391647339, 0.610466480255127, 1.334737777709961, -0.2316243201494217, 0.041759490966796875, -0.2515752911567688, -0.21680472791194916, -1.3846737146377563, -0.8712361454963684, -0.223365917801857, 1.7173614501953125, -0.48799172043800354, 1.1913690567016602, -0.8140076398849487, -0.7359927892684937, -0.8371246457099915, -0.9223900437355042, 1.811317801475525, 0.16056492924690247, -0.0978068932890892, 1.8445940017700195, -1.184537410736084, 1.3835493326187134, -1.20244562625885, 0.7078122496604919, -1.0758858919143677, 0.5356546640396118]),
    ('randn64_20', 'float64', [-1.2405276437359183, -0.32069813902911876, 1.9312142505772192, 0.14532018661151294, -0.03265155768725795, -2.4472388194699217, -0.4419745502775611, -0.9017421148082815, -1.0639335147664135, 0.6491852100764046, -0.06381394399314673, 0.9862554128547407, 1.1755166198951001, -2.632792384051851, 0.5781475806410152, 0.34666368467190317, -0.9123003462772722, -0.4752797645451217, -0.13499022826985557, 1.2623218276299724]),
    ('rand64_4', 'float64', [0.5572926496894439, 0.9697166888657457, 0.30930662826529676, 0.06500730459327841]),
    ('randint_8', 'int64', [5, 4, -1, -1, 3, 5, -1, 4]),
    ('randint_big_3', 'int64', [990638832633, 175728413723, 579176505544]),
    ('randperm_12', 'int64', [7, 6, 5, 11, 3, 2, 1, 0, 4, 8, 10, 9]),
    ('uniform_18', 'float32', [-0.13883453607559204, -0.9264371991157532, -0.3561071753501892, -1.3676871061325073, 1.3915811777114868, 2.435100555419922, -1.8536008596420288, 1.0806267261505127, 1.791479468345642, 0.9533234238624573, -0.390311598777771, 1.8048553466796875, 1.8137829303741455, 1.4348180294036865, 0.06069648265838623, -0.16200315952301025, 0.7674522995948792, 0.05836474895477295]),
    ('normal_17', 'float32', [1.3519524335861206, 1.2963433265686035, 1.244690179824829, 1.3762691020965576, 1.3519370555877686, 1.538578987121582, 1.610191822052002, 1.4629268646240234, 0.9203891754150391, 1.4005011320114136, 1.7701215744018555, 1.0547839403152466, 1.8770112991333008, 1.5773571729660034, 1.374922752380371, 1.7587507963180542, 1.9224117994308472]),
    ('normal64_18', 'float64', [1.466711147031082, 1.5210950076768281, 1.387558785927336, 1.628133694114981, 1.7408948717780386, 1.3429617309527573, 1.4329259129630223, 1.6775398634925789, 1.3263405479155805, 1.0800452506778957, 1.0192594106879005, 1.995290186667739, 1.6572985105913018, 1.2834396305025906, 1.5761480921006321, 2.0325318826558894, 1.7288116633071438, 1.3795015987083339]),
    ('bernoulli_p_10', 'float32', [1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0]),
    ('bernoulli__10', 'float32', [0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 1.0]),
    ('dropout_16', 'float32', [0.0, 1.3333333730697632, 1.3333333730697632, 0.0, 1.3333333730697632, 0.0, 0.0, 1.3333333730697632, 1.3333333730697632, 1.3333333730697632, 0.0, 0.0, 0.0, 1.3333333730697632, 1.3333333730697632, 1.3333333730697632]),
    ('linear_w', 'float32', [[-0.4957504868507385, 0.044344305992126465, 0.3028765320777893, -0.046212732791900635], [-0.29463958740234375, 0.47666990756988525, -0.1870139241218567, -0.28467226028442383], [-0.450777530670166, 0.022334158420562744, 0.2215665578842163, 0.11068141460418701]]),
    ('linear_b', 'float32', [0.09887486696243286, -0.3791937232017517, -0.466943621635437]),
    ('trunc_normal', 'float32', [[-0.024983573704957962, 0.015498952008783817, 0.007345389109104872, -0.0075810737907886505], [0.000920661143027246, 0.007773148361593485, 0.01603342778980732, 0.00852713081985712], [0.017781183123588562, -0.014495058916509151, -0.017351312562823296, 0.01243824977427721]]),
    ('xavier_normal', 'float32', [[0.34750398993492126, 0.8674914240837097, -0.21107465028762817, -0.2810143530368805], [0.1265793740749359, -0.10124416649341583, -0.3216833174228668, -0.16484159231185913], [0.15945841372013092, 0.013586939312517643, 0.5711162090301514, -0.15176847577095032]]),
    ('gen_randn_4', 'float32', [-0.1467950940132141, 0.7861412763595581, 0.9468216300010681, -1.1143440008163452]),
    ('random__int64', 'int64', [5237417609744004991, 5632968963906982225]),
]


def _cases(torch, nn, F):
    torch.manual_seed(42)
    yield torch.rand(3)
    yield torch.randn(5)
    yield torch.randn(37)
    yield torch.randn(20, dtype=torch.float64)
    yield torch.rand(4, dtype=torch.float64)
    yield torch.randint(-3, 7, (8,))
    yield torch.randint(0, 2**40, (3,))
    yield torch.randperm(12)
    yield torch.empty(18).uniform_(-2, 3)
    yield torch.empty(17).normal_(1.5, 0.25)
    yield torch.empty(18, dtype=torch.float64).normal_(1.5, 0.25)
    yield torch.bernoulli(torch.full((10,), 0.3))
    yield torch.empty(10).bernoulli_(0.6)
    yield F.dropout(torch.ones(16), 0.25)
    lin = nn.Linear(4, 3)
    yield lin.weight.detach()
    yield lin.bias.detach()
    w = torch.empty(3, 4)
    nn.init.trunc_normal_(w, std=0.02)
    yield w
    w = torch.empty(3, 4)
    nn.init.xavier_normal_(w)
    yield w
    g = torch.Generator().manual_seed(7)
    yield torch.randn(4, generator=g)
    yield torch.empty(2, dtype=torch.int64).random_()


def test_matches_stored_pytorch_values():
    got = list(_cases(torch, nn, F))
    assert len(got) == len(EXPECTED)
    for t, (name, dt, want) in zip(got, EXPECTED):
        a = t.numpy()
        assert str(a.dtype) == dt, name
        np.testing.assert_array_equal(a, np.array(want, dtype=dt), err_msg=name)


def test_matches_live_pytorch():
    real = pytest.importorskip("torch")
    import torch.nn as tnn
    import torch.nn.functional as TF
    for ours, theirs in zip(_cases(torch, nn, F), _cases(real, tnn, TF)):
        np.testing.assert_array_equal(ours.numpy(), theirs.numpy())
    for n in (15, 16, 31, 1000):              # both randn paths, ragged tails
        for dt in ("float32", "float64"):
            torch.manual_seed(n)
            real.manual_seed(n)
            np.testing.assert_array_equal(
                torch.randn(n, dtype=getattr(torch, dt)).numpy(),
                real.randn(n, dtype=getattr(real, dt)).numpy())
    torch.manual_seed(1)
    real.manual_seed(1)
    np.testing.assert_array_equal(torch.randperm(5000).numpy(), real.randperm(5000).numpy())


def test_normal_cache_and_state():
    torch.manual_seed(3)
    a = torch.randn(3)                          # leaves one cached normal
    st = torch.get_rng_state()
    b = torch.randn(3)
    torch.set_rng_state(st)
    assert torch.equal(torch.randn(3), b)
    torch.manual_seed(3)                        # reseeding drops the cache
    assert torch.equal(torch.randn(3), a)
    assert torch.initial_seed() == 3
    g = torch.Generator()
    assert g.initial_seed() == 67280421310721
    assert g.manual_seed(5) is g and g.device == torch.device("cpu")


def test_random_bad_arguments():
    with pytest.raises(RuntimeError, match="from=5 >= to=5"):
        torch.randint(5, 5, (2,))
    with pytest.raises(RuntimeError, match="not implemented for 'Int64'"):
        torch.randn(2, dtype=torch.int64)
