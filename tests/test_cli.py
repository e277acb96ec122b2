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

# --- every bad input a user can type: one line naming the problem and the fix, exit status 2 (in-process, so that they stay fast)
import pytest, torch
from aa_repro.cli import main as cli_main
from aa_repro.weights import save_weights

def run(capsys, *argv):
    "Run `aa-repro ARGV` in this process; returns (exit status, stderr lines)."
    try: code = cli_main(list(argv))
    except SystemExit as e: code = e.code
    err = capsys.readouterr().err.strip().splitlines()
    assert not any('Traceback' in l for l in err), err
    return code, err

def fails(capsys, *argv, says):
    code, err = run(capsys, *argv)
    assert code == 2 and err and says in err[-1], (code, err)
    assert 'weights_only=False' not in '\n'.join(err)

@pytest.fixture(scope='module')
def data(tmp_path_factory):
    "A tiny image folder (2 classes of 2 PNGs in train/ and val/), an empty one, one with a text file as its first image, a file, weights."
    from PIL import Image
    root = tmp_path_factory.mktemp('cli')
    for split in ('train', 'val'):
        for c in ('a', 'b'):
            (root/'ok'/split/c).mkdir(parents=True)
            for i in range(2): Image.new('RGB', (40, 40), (60 * i, 100, 30)).save(root/'ok'/split/c/f'{i}.png')
    for split in ('train', 'val'): (root/'empty'/split/'a').mkdir(parents=True)
    import shutil; shutil.copytree(root/'ok', root/'text')
    for split in ('train', 'val'): (root/'text'/split/'a'/'0.png').write_text('not an image')
    (root/'file.txt').write_text('x')
    good = save_weights(torch.nn.Linear(2, 2), root/'lin.pt', hash_name=False)
    (root/'corrupt.pt').write_bytes(b'\x00garbage' * 10)
    (root/'truncated.pt').write_bytes(good.read_bytes()[:len(good.read_bytes()) // 2])
    return root

def test_help_and_version_import_no_torch():
    import subprocess, sys
    code = "import sys; from aa_repro.cli import parser; parser().format_help(); assert 'torch' not in sys.modules, 'torch imported'"
    assert subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, timeout=60).returncode == 0

def test_metric_names_and_scales_match_the_library():
    from aa_repro import cli, evaluate, runs
    assert cli.METRIC_NAMES.split(', ') == list(evaluate.METRICS) and cli.SCALE_NAMES == tuple(runs.SCALES)

@pytest.mark.parametrize('cmd', ['train', 'eval'])
def test_unknown_arch(capsys, data, cmd):
    extra = ['--random-init'] if cmd == 'eval' else ['--out', str(data/'runs'/cmd), '--batch-size', '2', '--image-size', '32']
    fails(capsys, cmd, '--arch', 'resnet51', '--data', str(data/'ok'), *extra, says="unknown model 'resnet51' (did you mean 'resnet50'")
    assert not (data/'runs').exists()

@pytest.mark.parametrize('cmd,flag', [('train', '--filt-size'), ('eval', '--filt-size'), ('bench', '--filt-sizes')])
@pytest.mark.parametrize('k', ['0', '9'])
def test_filt_size(capsys, data, cmd, flag, k):
    argv = ['bench', 'layers', flag, k] if cmd == 'bench' else [cmd, '--arch', 'resnet18', flag, k, '--data', str(data/'ok')]
    fails(capsys, *argv, says='filter sizes are 1..7')

@pytest.mark.parametrize('cmd', ['train', 'eval'])
@pytest.mark.parametrize('folder,says', [('missing', 'folder not found'), ('empty', 'no images found')])
def test_data_folder(capsys, data, cmd, folder, says):
    extra = ['--random-init'] if cmd == 'eval' else ['--out', str(data/'runs'/cmd)]
    fails(capsys, cmd, '--arch', 'resnet18', '--data', str(data/folder), *extra, says=says if folder == 'empty' or cmd == 'train' else 'no such data folder')

def test_train_names_missing_data_before_existing_checkpoints(capsys, data):
    run_dir = data/'has_ckpt'; run_dir.mkdir(); (run_dir/'ckpt-000000001.pt').write_bytes(b'x')
    fails(capsys, 'train', '--data', str(data/'missing'), '--out', str(run_dir), says='missing: folder not found')

@pytest.mark.parametrize('cmd', ['train', 'eval'])
def test_non_image_file(capsys, data, cmd):
    extra = (['--random-init', '--metrics', 'accuracy', '--no-progress', '--batch-size', '2'] if cmd == 'eval' else
             ['--out', str(data/'runs'/cmd), '--batch-size', '2', '--image-size', '32', '--filt-size', '1'])
    fails(capsys, cmd, '--arch', 'resnet18', '--data', str(data/'text'), *extra, says='cannot identify image file')
    assert not (data/'runs').exists()

@pytest.mark.parametrize('name', ['corrupt.pt', 'truncated.pt', 'missing.pt'])
def test_bad_weight_file(capsys, data, name):
    says = 'not found' if name == 'missing.pt' else 'could not read weight file'
    fails(capsys, 'eval', '--arch', 'resnet18', '--weights', str(data/name), '--data', str(data/'ok'), says=says)
    fails(capsys, 'train', '--arch', 'resnet18', '--init', str(data/name), '--data', str(data/'ok'), '--out', str(data/'runs'/'init'),
          '--batch-size', '2', '--image-size', '32', says=says)

def test_eval_needs_weights_or_random_init(capsys, data):
    fails(capsys, 'eval', '--arch', 'resnet18', '--data', str(data/'ok'), says='--random-init to score a randomly initialised network')
    fails(capsys, 'eval', '--weights', str(data/'lin.pt'), '--data', str(data/'ok'), says='does not say which network it holds')

@pytest.mark.parametrize('argv', [['train'], ['reproduce', '--only', 'toy1d'], ['bench', 'layers'], ['docs']])
def test_unwritable_out(capsys, data, argv):
    fails(capsys, *argv, '--out', str(data/'file.txt'/'sub'), says='cannot write there')

def test_unknown_experiment(capsys):
    fails(capsys, 'reproduce', '--only', 'nope', '--out', 'reproduction/unused', says="invalid choice: 'nope'")
