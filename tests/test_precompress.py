"""Precompressed copies (build_hooks.precompress): the build's last step writes `.gz` and `.br`
twins that decompress to the very bytes of their file, the same on every build, only where they
save; and nginx with the shipped deploy/nginx.conf sends the gzip twin of the Python runtime as it
is (and, with deploy/nginx-brotli.conf and the brotli module, the brotli twin)."""

from __future__ import annotations

import gzip
import http.client
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest

from build_hooks import precompress
from harness import BROTLI_MODULE, HarnessError, serve_with_nginx

pytestmark = pytest.mark.both_engines

RUNTIME = "assets/pyodide/314.0.7/pyodide.asm.wasm"
DECOMPRESS = {".gz": gzip.decompress, ".br": brotli.decompress}


def _twins(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.suffix in DECOMPRESS and p.with_suffix("").is_file())


def test_the_build_wrote_twins_that_decompress_to_their_file(site_dir):
    twins = _twins(site_dir)
    for must in (RUNTIME, "index.html", "assets/pyodide/314.0.7/pyodide.asm.mjs"):
        assert {site_dir / f"{must}.gz", site_dir / f"{must}.br"} <= set(twins), f"{must} has no twins"
    different = [str(t.relative_to(site_dir)) for t in twins
                 if DECOMPRESS[t.suffix](t.read_bytes()) != t.with_suffix("").read_bytes()]
    assert not different, f"twins that do not decompress to their file: {different}"
    # MkDocs writes sitemap.xml.gz itself, whatever its size.
    small = [str(t.relative_to(site_dir)) for t in twins
             if t.with_suffix("").stat().st_size < precompress.MIN_BYTES and t.name != "sitemap.xml.gz"]
    assert not small, f"files under {precompress.MIN_BYTES} bytes were given twins: {small}"


@pytest.fixture
def small_site(tmp_path):
    """A made-up site: a page that compresses, a tiny file, an image, a script of random bytes
    left with a stale twin from an earlier build, and the twin of a page since removed."""
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "index.html").write_text("<p>Report harassment to the police.</p>\n" * 200)
    (site / "tiny.css").write_text("body { margin: 0 }")
    (site / "assets" / "logo.png").write_bytes(b"\x89PNG" + os.urandom(4000))
    (site / "assets" / "noise.js").write_bytes(os.urandom(4000))
    (site / "assets" / "noise.js.gz").write_bytes(gzip.compress(b"an old build's script"))
    (site / "removed.html.br").write_bytes(b"a page an earlier build had")
    return site


def test_twins_only_where_they_save_and_the_same_every_time(small_site, tmp_path):
    written = precompress.precompress_site(small_site, cache=tmp_path / "cache")
    assert {(t.source.name, t.encoding) for t in written} == {("index.html", ".gz"), ("index.html", ".br")}
    names = sorted(p.relative_to(small_site).as_posix() for p in small_site.rglob("*"))
    assert names == ["assets", "assets/logo.png", "assets/noise.js", "index.html", "index.html.br",
                     "index.html.gz", "tiny.css"], "a twin that saves nothing, or a stale one, was left"
    first = {p: p.read_bytes() for p in _twins(small_site)}
    assert first[small_site / "index.html.gz"][4:8] == b"\0\0\0\0", "gzip's header time is not 0"
    precompress.precompress_site(small_site, cache=None)
    assert {p: p.read_bytes() for p in _twins(small_site)} == first, "a second build wrote different bytes"


def test_a_missing_brotli_package_is_a_clear_error(small_site, monkeypatch):
    monkeypatch.setitem(sys.modules, "brotli", None)
    with pytest.raises(precompress.PrecompressError, match="'brotli' is missing.*requirements.lock"):
        precompress.precompress_site(small_site)
    assert not (small_site / "index.html.gz").exists(), "files were written before the error"


def _get(url: str, path: str, accept: str | None) -> tuple[http.client.HTTPResponse, bytes]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    connection.request("GET", parts.path + path, headers={"Accept-Encoding": accept} if accept else {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


@pytest.mark.one_engine("how nginx sends a file does not depend on which engine built it")
def test_nginx_sends_the_gzip_twin_of_the_runtime(nginx_server, site_dir):
    response, body = _get(nginx_server, RUNTIME, "gzip, deflate")
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Content-Type") == "application/wasm"
    assert "Accept-Encoding" in (response.getheader("Vary") or "")
    assert body == (site_dir / f"{RUNTIME}.gz").read_bytes(), "nginx compressed the runtime itself, not the twin"
    plain, body = _get(nginx_server, RUNTIME, None)
    assert plain.getheader("Content-Encoding") is None
    assert body == (site_dir / RUNTIME).read_bytes()


@pytest.mark.one_engine("how nginx sends a file does not depend on which engine built it")
def test_nginx_with_the_brotli_include_sends_the_brotli_twin(site_dir, tmp_path):
    if not BROTLI_MODULE.exists():
        # `make test` installs the module, so its absence is a broken set-up, not a reason to pass.
        pytest.fail(f"nginx's brotli module ({BROTLI_MODULE}) is not installed: run 'make test', which "
                    "installs Debian's libnginx-mod-http-brotli-static, or install that package")
    try:
        server = serve_with_nginx(site_dir, tmp_path, brotli=True)
    except HarnessError as error:
        pytest.fail(str(error), pytrace=False)
    try:
        response, body = _get(server.url, RUNTIME, "gzip, deflate, br")
        gzip_only, _ = _get(server.url, RUNTIME, "gzip")
    finally:
        server.stop()
    assert response.getheader("Content-Encoding") == "br"
    assert response.getheader("Content-Type") == "application/wasm"
    assert body == (site_dir / f"{RUNTIME}.br").read_bytes()
    assert gzip_only.getheader("Content-Encoding") == "gzip", "a browser without brotli did not get gzip"
