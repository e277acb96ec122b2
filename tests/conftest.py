import os
import pytest

def pytest_addoption(parser):
    parser.addoption('--nb-flags', default='', help='space-separated nbdev test flags to run (e.g. "slow"); skipped by default')

@pytest.fixture
def nb_flags(request): return request.config.getoption('--nb-flags').split()

def pytest_configure(config):
    # two xdist workers on two cores: one torch thread each instead of oversubscribing
    if os.environ.get('PYTEST_XDIST_WORKER'):
        import torch
        torch.set_num_threads(1)
