"Every notebook in `nbs/` is a test: executed by nbdev's own runner, cells flagged `slow`/`gpu` skipped unless `--nb-flags` asks."
from pathlib import Path
import pytest
from fastcore.xtras import working_directory
from nbdev.config import get_config
import nbdev.test  # not `from ... import test_nb`: pytest would collect it as a test

cfg = get_config(Path(__file__).parent)
NOTEBOOKS = sorted(p for p in cfg.nbs_path.glob('*.ipynb') if not p.name.startswith(('_', '.')))

def test_there_are_notebooks(): assert len(NOTEBOOKS) >= 2, NOTEBOOKS

@pytest.mark.parametrize('nb', NOTEBOOKS, ids=lambda p: p.name)
def test_notebook(nb, nb_flags):
    skip = [f for f in cfg.tst_flags.split() if f not in nb_flags]
    with working_directory(cfg.nbs_path):
        ok, secs = nbdev.test.test_nb(nb, skip_flags=skip, force_flags=nb_flags)
    assert ok, f"{nb.name} failed: the traceback above names the cell"
