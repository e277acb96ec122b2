"The package's floors: every project import at the top of its module, no private name crossing modules, no chapter importing a later one, one meaning per public name."
import ast, json, re
from pathlib import Path

from aa_repro.docs import reading_key

PKG = Path(__file__).resolve().parent.parent/'aa_repro'
MODULES = {p: ast.parse(p.read_text()) for p in sorted(PKG.rglob('*.py')) if p.name != '_modidx.py'}

def _project_imports(tree):
    "(node, module name, imported names, at top level) of every `from .x import ...` in a module."
    top = set(map(id, tree.body))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            yield node, node.module or '', [a.name for a in node.names], id(node) in top

def _notebook(path:Path) -> str:
    m = re.search(r'File to edit: \.\./(?:\.\./)?nbs/(\S+)\.ipynb', path.read_text())
    return m.group(1) if m else ''

def test_project_imports_are_top_level():
    "Only the CLI defers imports (its subcommands load torch on demand)."
    inner = [f'{p.name}:{n.lineno}' for p, t in MODULES.items() if p.name != 'cli.py' for n, *_, top in _project_imports(t) if not top]
    assert not inner, f"project imports inside functions: {inner}"

def test_no_private_names_across_modules():
    bad = [f'{p.name}:{n.lineno} {name}' for p, t in MODULES.items() for n, _, names, _ in _project_imports(t)
           for name in names if name.startswith('_') and name != '__version__']
    assert not bad, f"private names imported from another module: {bad}"

def test_imports_follow_reading_order():
    "A chapter's module imports only modules of chapters before it, so the notebooks read front to back."
    by_name = {p.stem: p for p in MODULES}
    later = []
    for p, t in MODULES.items():
        nb = _notebook(p)
        for n, mod, names, _ in _project_imports(t):
            targets = [mod.split('.')[-1]] if mod else names
            for m in targets:
                if m in by_name and (dep := _notebook(by_name[m])) and nb and reading_key(dep) > reading_key(nb): later.append(f'{nb} imports {dep}')
    assert not later, later

def test_the_checks_can_fail():
    tree = ast.parse("from .layers import _private\ndef f():\n    from .models import get_model\n")
    imports = list(_project_imports(tree))
    assert [top for *_, top in imports] == [True, False] and imports[0][2] == ['_private']

def _table(text:str) -> list[str]:
    "The notebooks named, in order, by the rows of a reading-order table."
    return re.findall(r'^\| `(\d\d[a-z]?_\w+)` \|', text, re.M)

def test_reading_order_tables_list_every_chapter():
    "The README's table and the site's home page list every numbered notebook, in reading order."
    nbs = sorted((p.stem for p in (PKG.parent/'nbs').glob('[0-9]*.ipynb')), key=reading_key)
    index = '\n'.join(''.join(c['source']) for c in json.loads((PKG.parent/'nbs/index.ipynb').read_text())['cells'])
    assert _table((PKG.parent/'README.md').read_text()) == nbs
    assert _table(index) == nbs

def test_functions_are_short():
    "No function runs much over a screen (about 60 lines): long ones are split into named steps."
    long = [f'{p.name}:{n.name} ({n.end_lineno - n.lineno + 1} lines)' for p, t in MODULES.items() for n in ast.walk(t)
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.end_lineno - n.lineno + 1 > 70]
    assert not long, long

def _exported(tree) -> list[str]:
    "The names in a module's `__all__`."
    return [n for node in tree.body if isinstance(node, ast.Assign) and any(getattr(t, 'id', '') == '__all__' for t in node.targets)
            for n in ast.literal_eval(node.value)]

def _shared_names(trees:dict) -> dict[str, list[str]]:
    "Each name that more than one module exports (defined twice, or re-exported), with the modules that export it."
    by_name = {}
    for p, t in trees.items():
        for n in _exported(t): by_name.setdefault(n, []).append(str(p))
    return {n: ps for n, ps in by_name.items() if len(ps) > 1}

def test_public_names_have_one_meaning():
    "A public name means one thing across the package: no two modules export it."
    shared = _shared_names({p.relative_to(PKG.parent): t for p, t in MODULES.items()})
    assert not shared, f"names exported by more than one module (rename one): {shared}"

def test_shared_names_are_found():
    trees = {'a.py': ast.parse("__all__ = ['SCALES', 'f']"), 'b.py': ast.parse("from .a import SCALES\n__all__ = ['SCALES', 'g']")}
    assert _shared_names(trees) == {'SCALES': ['a.py', 'b.py']}

def test_notebooks_stay_light():
    "Saved outputs keep `nbs/` under 6 MB: inline figures at 72 dpi (nbs/matplotlibrc), photo grids as JPEG (`utils.jpeg`)."
    size = sum(p.stat().st_size for p in (PKG.parent/'nbs').rglob('*') if p.is_file() and '_proc' not in p.parts)
    assert size <= 6_000_000, f"nbs/ holds {size:,} bytes; store photo figures with aa_repro.utils.jpeg"
