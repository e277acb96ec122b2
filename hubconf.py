"""torch.hub entry points of aa_repro: the 23 anti-aliased models of the official release.

    model = torch.hub.load('path/to/aa_repro', 'resnet50', source='local', pretrained=True)

`pretrained=True` loads the official weight file from $AA_REPRO_WEIGHTS or the torch hub cache, verified by its SHA-256
(nothing is downloaded); `pretrained='path/to/file.pth'` loads that file; `filter_size=` picks the blur (default 4).
"""
dependencies = ['torch', 'torchvision']

from aa_repro.models import (alexnet, vgg11, vgg11_bn, vgg13, vgg13_bn, vgg16, vgg16_bn, vgg19, vgg19_bn,  # noqa: F401
                             resnet18, resnet34, resnet50, resnet101, resnet152, resnext50_32x4d, resnext101_32x8d,
                             wide_resnet50_2, wide_resnet101_2, densenet121, densenet161, densenet169, densenet201, mobilenet_v2)
