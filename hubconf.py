"""torch.hub entry points of aa_repro: the 23 anti-aliased models of the official release, built by `aa_repro.models.get_model`.

    model = torch.hub.load('path/to/aa_repro', 'resnet50', source='local', pretrained=True)

Each entry keeps the official signature `(pretrained=False, filter_size=4, **kwargs)`: `pretrained=True` loads the official
weight file from $AA_REPRO_WEIGHTS or the torch hub cache, verified by its SHA-256 (nothing is downloaded; `_force_nonfinetuned=True`
picks the file trained from scratch); `pretrained='path/to/file.pth'` loads that file; `filter_size=` picks the blur (default 4).
"""
dependencies = ['torch', 'torchvision']

from aa_repro.models import OFFICIAL_ARCHS, get_model as _get_model
from aa_repro.weights import weight_file as _weight_file


def _entry(arch):
    def entry(pretrained=False, filter_size=4, **kwargs):
        finetuned = not kwargs.pop('_force_nonfinetuned', False)
        weights = _weight_file(arch, filter_size, finetuned) if pretrained is True else (pretrained or None)
        return _get_model(arch, filt_size=filter_size, weights=weights, **kwargs)
    entry.__name__ = entry.__qualname__ = arch
    entry.__doc__ = f"Anti-aliased {arch} (aa_repro.models.get_model({arch!r}, filt_size=filter_size, ...))."
    return entry


globals().update({_arch: _entry(_arch) for _arch in OFFICIAL_ARCHS})
