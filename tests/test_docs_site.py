"""The documentation site in a real browser: `aa_repro.docs.build_site` renders it, a server on 127.0.0.1 serves it,
headless Chromium (Debian's `chromium` + `chromium-driver`, driven by Selenium) loads every page.

Checked on every page: no console error (SEVERE), every image loaded, every internal link and fragment resolves, no
example output printed as text became a live link and every link inside an output points at something that exists, the
sidebar lists every notebook of `nbs/` in reading order. Search answers a query. Screenshots of the home page and of a
paper-table page (else the reproduce chapter) land in tests/artifacts/ (git-ignored)."""
import fcntl, functools, http.server, json, os, re, shutil, threading, time, urllib.error, urllib.request
from collections import deque
from pathlib import Path
from urllib.parse import urldefrag, urlparse
import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).parent/'artifacts'
# without the background-networking flags Chromium keeps dialling Google's hosts, which a closed network refuses
CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
                  '--disable-component-update', '--disable-sync', '--window-size=1400,1000']
# resolves once MathJax (3, served by the site) has typeset the page, at once on pages without it
MATHJAX_DONE = """const done = arguments[arguments.length - 1];
const p = window.MathJax && MathJax.startup && MathJax.startup.promise;
p ? p.then(() => done(true), () => done(false)) : done(true);"""
PAGE_FACTS = """
const nav = document.querySelector('nav.md-nav--primary');
return {
  links: [...document.querySelectorAll('a[href]')].map(a => a.href),
  ids: [...document.querySelectorAll('[id]')].map(e => e.id),
  images: document.images.length,
  broken_images: [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src.slice(0, 120)),
  sidebar: [...nav.querySelectorAll('a.md-nav__link')].map(a => a.href).filter(h => !h.includes('#')),
  sections: [...nav.querySelectorAll('.md-nav__item--section > label.md-nav__link, .md-nav__item--section > .md-nav__link')]
              .map(e => e.textContent.trim()),
  math: document.querySelectorAll('mjx-container').length,
  // links inside cell outputs: [href, kind of output]; a text output (print, repr) holding a live link is a rendering bug
  output_links: [...document.querySelectorAll('.jp-OutputArea a[href]')].map(a => [a.href,
                 a.closest('.jp-RenderedText') ? 'text' : (a.closest('[data-mime-type]') || {}).dataset?.mimeType || 'other']),
};"""

def _notebooks() -> list[tuple[Path, str]]:
    "Every notebook and its page, in reading order, worked out here independently of the builder: index first, then by number and letter."
    def key(p):
        m = re.match(r'(\d+)([a-z]*)_', p.stem)
        return (0, 0, '', p.stem) if p.stem == 'index' else (1, int(m.group(1)), m.group(2), p.stem) if m else (2, 0, '', p.stem)
    nbs = sorted((p for p in (ROOT/'nbs').glob('*.ipynb') if not p.name.startswith(('_', '.'))), key=key)
    return [(p, re.sub(r'^\d+[a-zA-Z0-9]*_', '', p.stem.lower()) + '.html') for p in nbs]

def _expected_pages() -> list[str]: return [page for _, page in _notebooks()]

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args): pass

class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address): pass   # a browser that drops a connection it no longer needs

@pytest.fixture(scope='module')
def site(tmp_path_factory):
    "The site, built here (or, to check one already built, the folder that AA_REPRO_DOCS_SITE names)."
    if os.environ.get('AA_REPRO_DOCS_SITE'): return Path(os.environ['AA_REPRO_DOCS_SITE'])
    from aa_repro.docs import build_site, SITE_MARKER
    # built once per run: pytest-xdist's workers (make test runs two) share the parent of their temporary folders
    shared = tmp_path_factory.getbasetemp().parent if os.environ.get('PYTEST_XDIST_WORKER') else tmp_path_factory.getbasetemp()
    out = shared/'docs_site'
    with open(shared/'docs_site.lock', 'w') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (out/SITE_MARKER).exists():
            t0 = time.perf_counter()
            build_site(out)
            print(f"site built in {time.perf_counter() - t0:.0f} s")
    return out

@pytest.fixture(scope='module')
def base_url(site):
    srv = _QuietServer(('127.0.0.1', 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f'http://127.0.0.1:{srv.server_port}/'
    srv.shutdown(); srv.server_close()

@pytest.fixture(scope='module')
def browser(tmp_path_factory):
    chromium, driver = shutil.which('chromium'), shutil.which('chromedriver')
    if not (chromium and driver):
        pytest.fail("Chromium or chromedriver not found: run `make browser` (installs Debian's chromium and chromium-driver)", pytrace=False)
    try: from selenium import webdriver
    except ImportError: pytest.fail("selenium is not installed: pip install -e '.[docs]'", pytrace=False)
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for flag in CHROMIUM_FLAGS + [f'--user-data-dir={tmp_path_factory.mktemp("chromium-profile")}']: opts.add_argument(flag)
    opts.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    d = webdriver.Chrome(service=Service(driver), options=opts)
    d.set_page_load_timeout(60); d.set_script_timeout(30)
    yield d
    d.quit()

def _load(browser, url):
    from selenium.webdriver.support.ui import WebDriverWait
    browser.get(url)
    WebDriverWait(browser, 30).until(lambda d: d.execute_script("return document.readyState") == 'complete')
    browser.execute_async_script(MATHJAX_DONE)

@pytest.fixture(scope='module')
def crawl(browser, base_url):
    "Every page reachable from the home page: its facts, and the console errors it logged."
    pages, todo = {}, deque([base_url + 'index.html'])
    while todo:
        url = todo.popleft()
        if url in pages: continue
        _load(browser, url)
        facts = browser.execute_script(PAGE_FACTS)
        facts['errors'] = [e['message'] for e in browser.get_log('browser') if e['level'] == 'SEVERE']
        pages[url] = facts
        for link in facts['links']:
            target = urldefrag(link).url
            if target.startswith(base_url) and target.endswith('.html') and target not in pages: todo.append(target)
    return pages

def test_every_notebook_is_a_page(crawl, base_url):
    missing = [p for p in _expected_pages() if base_url + p not in crawl]
    assert not missing, f"notebooks without a page: {missing}"

def test_no_javascript_errors(crawl):
    errors = {url: e for url, f in crawl.items() if (e := f['errors'])}
    assert not errors, f"console errors: {errors}"

def test_every_image_loads(crawl):
    broken = {url: f['broken_images'] for url, f in crawl.items() if f['broken_images']}
    assert not broken, f"images that did not load: {broken}"
    assert sum(f['images'] for f in crawl.values()) >= 5, "the notebooks' figures are missing"

def test_math_is_typeset(crawl, base_url):
    "MathJax comes with the site (no CDN): the pages of notebooks that hold $…$ math show it typeset."
    with_math = [page for nb, page in _notebooks() if any(c['cell_type'] == 'markdown' and re.search(r'\$[^$\n]+\$', ''.join(c['source']))
                                                          for c in json.loads(nb.read_text())['cells'])]
    untypeset = [page for page in with_math if not crawl[base_url + page]['math']]
    assert not untypeset, f"math left as TeX on {untypeset}"

def test_internal_links_resolve(crawl, base_url):
    "Every link into the site answers 200, and every #fragment names an element of its page."
    bad, checked = [], {}
    for url, f in crawl.items():
        for link in f['links']:
            if not link.startswith(base_url): continue
            target, frag = urldefrag(link)
            if target not in checked:
                try:
                    with urllib.request.urlopen(target, timeout=10) as r: checked[target] = r.status
                except urllib.error.HTTPError as e: checked[target] = e.code
            if checked[target] != 200: bad.append(f"{url} -> {link}: HTTP {checked[target]}")
            elif frag and target in crawl and frag not in crawl[target]['ids']: bad.append(f"{url} -> {link}: no element #{frag}")
    assert not bad, '\n'.join(['broken internal links:'] + sorted(set(bad))[:40])

def _resolves(url:str) -> bool:
    try:
        with urllib.request.urlopen(urldefrag(url).url, timeout=10) as r: return r.status == 200
    except urllib.error.URLError: return False

def test_outputs_hold_no_dead_links(crawl, base_url):
    "Example outputs render as text: no link inside a printed (text) output; a link inside any other output (show_doc, tables) must lead into the site and resolve, or leave it for the web."
    text = {url: hs for url, f in crawl.items() if (hs := sorted({h for h, kind in f['output_links'] if kind == 'text'}))}
    assert not text, f"printed outputs rendered as live links: {text}"
    dead = sorted({f"{url} -> {h}" for url, f in crawl.items() for h, _ in f['output_links']
                   if not h.startswith(('http://', 'https://', 'mailto:')) or (h.startswith(base_url) and not _resolves(h))})
    assert not dead, '\n'.join(['links inside outputs that resolve to nothing:'] + dead[:40])

def test_sidebar_lists_every_notebook_in_reading_order(crawl, base_url):
    from aa_repro.docs import GROUPS
    expected = [base_url + p for p in _expected_pages()]
    order = [g for g, _ in GROUPS]
    for url, f in crawl.items():
        listed = [h for h in f['sidebar'] if h in expected]
        assert listed == expected, f"sidebar of {url} lists {listed}, expected {expected}"
        sections = [s for s in f['sections'] if s in order]
        assert sections == sorted(sections, key=order.index), f"sidebar groups of {url} out of order: {sections}"

def test_search_finds_a_layer(browser, base_url):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    _load(browser, base_url + 'index.html')
    box = browser.find_element(By.CSS_SELECTOR, 'input.md-search__input')
    box.click(); box.send_keys('BlurPool')
    hits = WebDriverWait(browser, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR, '.md-search-result__item a'))
    assert any('layers.html' in h.get_attribute('href') for h in hits), [h.get_attribute('href') for h in hits]

def test_screenshots(browser, base_url, crawl):
    "The home page and a paper-table page (else the reproduce chapter), for people to look at."
    tables = [page for nb, page in _notebooks() if re.match(r'1\d[a-z]*_', nb.stem)] or [page for nb, page in _notebooks() if nb.stem.startswith('07')]
    ARTIFACTS.mkdir(exist_ok=True)
    browser.set_window_size(1400, 1800)
    try:
        for page in ['index.html'] + tables[:1]:
            _load(browser, base_url + page)
            path = ARTIFACTS/f"docs_{Path(page).stem}.png"
            assert browser.save_screenshot(str(path)) and path.stat().st_size > 10_000, path
    finally: browser.set_window_size(1400, 1000)
