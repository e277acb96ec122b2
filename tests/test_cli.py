"The installed `aa-repro` console script, run as a user runs it: a separate process."
import csv, json, subprocess, sys
from pathlib import Path

def aa_repro(*args, **kw):
    exe = Path(sys.executable).with_name('aa-repro')
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=300, **kw)

def test_help_lists_reproduce():
    r = aa_repro('--help')
    assert r.returncode == 0 and 'reproduce' in r.stdout

def test_reproduce_toy1d_writes_results_with_provenance(tmp_path):
    r = aa_repro('reproduce', '--only', 'toy1d', '--out', str(tmp_path), '--no-progress')
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(open(tmp_path / 'toy1d' / 'outputs.csv')))
    assert rows and all(row['agree'] == 'True' for row in rows)
    prov = json.loads((tmp_path / 'toy1d' / 'provenance.json').read_text())
    assert prov['command'].startswith('aa-repro reproduce --only toy1d') and prov['scale'] == 'ci'
    # idempotent: a second run rewrites the same results
    before = (tmp_path / 'toy1d' / 'outputs.csv').read_bytes()
    assert aa_repro('reproduce', '--only', 'toy1d', '--out', str(tmp_path), '--no-progress').returncode == 0
    assert (tmp_path / 'toy1d' / 'outputs.csv').read_bytes() == before

def test_bad_arguments_give_one_line(tmp_path):
    r = aa_repro('reproduce', '--scale', 'huge')
    assert r.returncode == 2 and "invalid choice: 'huge'" in r.stderr.strip().splitlines()[-1]

def test_missing_data_is_one_clear_line(tmp_path):
    env = {**__import__('os').environ, 'AA_REPRO_DATA': str(tmp_path / 'nowhere')}
    r = aa_repro('reproduce', '--only', 'imagenet', '--out', str(tmp_path), '--no-progress', env=env)
    assert r.returncode == 2, r.stderr
    last = r.stderr.strip().splitlines()[-1]
    assert 'Traceback' not in r.stderr and 'nowhere' in last and 'dataset-fashion-mnist' in last, r.stderr
