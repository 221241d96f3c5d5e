"""The corpus build: failures reported without stopping the others, incremental rebuilds by
content hash, identical bytes whatever the number of workers, the corpus index page, progress."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest

from lefort_tei import corpus
from lefort_tei.cli import main
from lefort_tei.commands import build as build_command
from lefort_tei.corpus import MANIFEST_NAME, TextResult, read_manifest
from lefort_tei.corpus_pages import IndexEntry, write_corpus_index
from lefort_tei.corpus import toolkit_fingerprint as real_toolkit_fingerprint
from lefort_tei.diagnostics import Diagnostic, error

ESSAY = """\
{title} - Ann Author

A short blurb about {title}.

The first paragraph names Trotsky and a note.(1)

The second paragraph of the essay called {title}.(2)

Notes

1 A remark on the first paragraph.

2 Another remark, on the second.
"""


def make_corpus(folder: Path, bad: bool = True) -> Path:
    """Three small texts: two good (one with a data file), one empty (bad)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "alpha.txt").write_text(ESSAY.format(title="Alpha Essay"), encoding="utf-8")
    (folder / "alpha.toml").write_text('[edition]\ndate = "2026-01-01"\n', encoding="utf-8")
    (folder / "beta.txt").write_text(ESSAY.format(title="Beta Essay"), encoding="utf-8")
    if bad:
        (folder / "empty.txt").write_bytes(b"")
    return folder


def build(tmp_path: Path, *extra: str, tei: str = "tei") -> int:
    return main(["build", str(tmp_path / "in"), "--tei-dir", str(tmp_path / tei), "--no-site", *extra])


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Each TEI file's bytes and inode (a rewritten file, even identical, gets a new inode)."""
    return {p.name: (p.read_bytes(), p.stat().st_ino) for p in sorted(folder.glob("*.xml"))}


@pytest.fixture(autouse=True)
def fixed_toolkit(monkeypatch):
    """Others edit the toolkit while these tests run: its fingerprint is held still here."""
    monkeypatch.setattr(corpus, "toolkit_fingerprint", lambda: "toolkit under test")


@pytest.fixture
def corpus_dir(tmp_path):
    make_corpus(tmp_path / "in")
    return tmp_path


def test_a_bad_text_is_reported_and_the_others_are_built(corpus_dir, capsys):
    assert build(corpus_dir, "-j", "1") == 1
    err = capsys.readouterr().err
    assert f"{corpus_dir / 'in' / 'empty.txt'}:1:1: error: the file is empty" in err
    assert "[input-empty]" in err
    assert "3 texts: 2 built, 0 unchanged, 1 failed" in err
    assert sorted(p.name for p in (corpus_dir / "tei").glob("*.xml")) == ["alpha.xml", "beta.xml"]
    manifest = read_manifest(corpus_dir / "tei")
    assert sorted(manifest) == ["alpha", "beta", "empty"]
    assert manifest["empty"].status == "failed" and manifest["empty"].key == ""  # never cached
    assert manifest["empty"].info["problem"].endswith("[input-empty]")
    assert manifest["alpha"].info["title"] == "Alpha Essay"
    assert manifest["alpha"].info["notes"] == 2
    assert manifest["alpha"].outputs["tei"][0] == (corpus_dir / "tei" / "alpha.xml").stat().st_size


def test_a_second_run_rebuilds_nothing_and_keeps_the_bytes(corpus_dir, capsys, monkeypatch):
    build(corpus_dir)
    before = snapshot(corpus_dir / "tei")
    manifest_before = read_manifest(corpus_dir / "tei")
    capsys.readouterr()
    real_build_text = corpus.build_text
    tried = []

    def only_the_failed_one(job):
        tried.append(job.name)
        return real_build_text(job)

    monkeypatch.setattr(corpus, "build_text", only_the_failed_one)
    assert build(corpus_dir, "-j", "1") == 1  # the empty text still fails: it was tried again
    err = capsys.readouterr().err
    assert tried == ["empty"]
    assert "3 texts: 0 built, 2 unchanged, 1 failed" in err
    assert "[input-empty]" in err
    assert snapshot(corpus_dir / "tei") == before
    assert read_manifest(corpus_dir / "tei") == manifest_before


def test_a_no_change_rebuild_reads_no_output_and_no_unchanged_source(tmp_path, capsys, monkeypatch):
    make_corpus(tmp_path / "in", bad=False)
    argv = ["build", str(tmp_path / "in"), "--tei-dir", str(tmp_path / "tei"), "--site-dir", str(tmp_path / "site"),
            "--no-pdf", "-j", "1"]
    assert main(argv) == 0
    monkeypatch.setattr(corpus, "sha256_file", lambda path: pytest.fail(f"{path} was read"))
    assert main(argv) == 0
    assert "2 texts: 0 built, 2 unchanged, 0 failed" in capsys.readouterr().err
    monkeypatch.undo()
    monkeypatch.setattr(corpus, "toolkit_fingerprint", lambda: "toolkit under test")
    read = []
    monkeypatch.setattr(corpus, "sha256_file", lambda path: read.append(Path(path).name) or real_sha(path))
    (tmp_path / "in" / "beta.txt").touch()  # a new mtime, the same bytes: hashed once, not rebuilt
    (tmp_path / "in" / "beta.txt").write_bytes((tmp_path / "in" / "beta.txt").read_bytes())
    assert main(argv) == 0
    assert read == ["beta.txt"]
    assert "2 texts: 0 built, 2 unchanged, 0 failed" in capsys.readouterr().err
    read.clear()
    assert main(argv) == 0
    assert read == []  # its new stat was recorded


real_sha = corpus.sha256_file


@pytest.mark.parametrize("change, rebuilt", [
    (lambda d: (d / "alpha.toml").write_text('[edition]\ndate = "2026-02-02"\n'), "alpha.xml"),
    (lambda d: (d / "beta.toml").write_text('[edition]\ndate = "2026-02-02"\n'), "beta.xml"),   # a new data file
    (lambda d: (d / "alpha.toml").unlink(), "alpha.xml"),                                         # a removed one
    (lambda d: (d / "beta.txt").write_text(ESSAY.format(title="Beta Revised")), "beta.xml"),
])
def test_changing_one_input_rebuilds_only_that_text(corpus_dir, capsys, change, rebuilt):
    build(corpus_dir)
    before = snapshot(corpus_dir / "tei")
    change(corpus_dir / "in")
    capsys.readouterr()
    build(corpus_dir)
    assert "1 built, 1 unchanged, 1 failed" in capsys.readouterr().err
    after = snapshot(corpus_dir / "tei")
    assert after[rebuilt] != before[rebuilt]
    assert {k: v for k, v in after.items() if k != rebuilt} == {k: v for k, v in before.items() if k != rebuilt}


@pytest.mark.parametrize("spoil", [
    lambda p: p.unlink(),                         # a deleted output
    lambda p: p.write_bytes(p.read_bytes()[:-10]),  # an output edited by hand
])
def test_an_output_that_is_not_intact_is_rebuilt(corpus_dir, capsys, spoil):
    build(corpus_dir)
    good = (corpus_dir / "tei" / "beta.xml").read_bytes()
    spoil(corpus_dir / "tei" / "beta.xml")
    capsys.readouterr()
    build(corpus_dir)
    assert "1 built, 1 unchanged" in capsys.readouterr().err
    assert (corpus_dir / "tei" / "beta.xml").read_bytes() == good


def test_a_new_toolkit_or_force_rebuilds_everything(corpus_dir, capsys, monkeypatch):
    build(corpus_dir)
    capsys.readouterr()
    build(corpus_dir, "--force")
    assert "2 built, 0 unchanged" in capsys.readouterr().err
    monkeypatch.setattr(corpus, "toolkit_fingerprint", lambda: "another toolkit")
    build(corpus_dir)
    assert "2 built, 0 unchanged" in capsys.readouterr().err


def test_the_toolkit_fingerprint_follows_file_contents_only(tmp_path):
    code, xslt = tmp_path / "pkg", tmp_path / "xslt"
    (code / "__pycache__").mkdir(parents=True)
    xslt.mkdir()
    (code / "a.py").write_text("A = 1\n")
    (xslt / "v.xsl").write_text("<xsl:stylesheet/>")
    fingerprint = lambda: real_toolkit_fingerprint((code, xslt))  # noqa: E731
    first = fingerprint()
    (code / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"compiled")
    (code / "a.py").touch()
    assert fingerprint() == first  # caches and timestamps do not count
    (xslt / "v.xsl").write_text("<xsl:stylesheet version='3.0'/>")
    assert fingerprint() != first


def test_two_workers_give_the_same_bytes_as_one(corpus_dir):
    assert build(corpus_dir, "--jobs", "1", tei="tei1") == 1
    assert build(corpus_dir, "--jobs", "2", tei="tei2") == 1
    one, two = corpus_dir / "tei1", corpus_dir / "tei2"
    names = sorted(p.name for p in one.iterdir())
    assert names == sorted(p.name for p in two.iterdir()) == [MANIFEST_NAME, "alpha.xml", "beta.xml"]
    for name in ("alpha.xml", "beta.xml"):
        assert (one / name).read_bytes() == (two / name).read_bytes()

    def hashes(folder: Path) -> dict:
        return {k: v.info.get("tei_sha256") for k, v in read_manifest(folder).items()}

    assert hashes(one) == hashes(two)


def test_a_good_tei_is_kept_when_its_text_goes_bad(corpus_dir, capsys):
    build(corpus_dir)
    good = (corpus_dir / "tei" / "beta.xml").read_bytes()
    (corpus_dir / "in" / "beta.txt").write_bytes(b"\x00\x01binary")
    capsys.readouterr()
    assert build(corpus_dir) == 1
    err = capsys.readouterr().err
    assert "beta.txt:1:1: error:" in err and "[input-binary]" in err
    assert "3 texts: 0 built, 1 unchanged, 2 failed" in err
    assert (corpus_dir / "tei" / "beta.xml").read_bytes() == good
    entry = read_manifest(corpus_dir / "tei")["beta"]
    assert entry.status == "failed" and entry.info["problem"].endswith("[input-binary]")
    assert entry.info["tei_sha256"] == hashlib.sha256(good).hexdigest()  # the last good TEI, still there


def test_a_failed_text_is_tried_again_once_its_source_is_fixed(corpus_dir, capsys):
    build(corpus_dir)
    (corpus_dir / "in" / "empty.txt").write_text(ESSAY.format(title="No Longer Empty"))
    capsys.readouterr()
    assert build(corpus_dir) == 0
    assert "3 texts: 1 built, 2 unchanged, 0 failed" in capsys.readouterr().err
    assert "No Longer Empty" in (corpus_dir / "tei" / "empty.xml").read_text()


def test_a_clean_corpus_exits_0_and_quiet_prints_nothing(tmp_path, capsys):
    make_corpus(tmp_path / "in", bad=False)
    assert build(tmp_path, "--quiet") == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("setup, code", [
    (lambda d: None, "input-missing"),
    (lambda d: d.mkdir(), "input-no-texts"),
    (lambda d: d.write_text("a file"), "input-not-folder"),
])
def test_a_folder_that_cannot_be_built_is_a_usage_error(tmp_path, capsys, setup, code):
    setup(tmp_path / "in")
    assert build(tmp_path) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{tmp_path / 'in'}: error: ") and err.rstrip().endswith(f"[{code}]")


def test_json_format_gives_one_json_object_per_diagnostic(corpus_dir, capsys):
    build(corpus_dir, "--format", "json")
    lines = capsys.readouterr().err.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["code"] for r in records] == ["input-empty"]
    assert records[0]["path"].endswith("empty.txt") and records[0]["level"] == "error"


def test_the_corpus_index_lists_each_edition_with_its_status(tmp_path):
    site = tmp_path / "site"
    entries = [
        IndexEntry("a", "Essay <One> & more", "Ann", 12, 3, True, "a.txt", link="a/reading.html", pdf="a.pdf"),
        IndexEntry("b", "b", "", 0, 0, False, "b.txt", problem="the file is empty [input-empty]"),
    ]
    [page] = write_corpus_index(entries, 2, 1, site)
    html = page.read_text()
    assert page == site / "corpus.html"
    assert "Essay &lt;One&gt; &amp; more" in html  # autoescaped
    import lxml.html

    rows = lxml.html.fromstring(html).xpath("//table//tbody/tr")
    cells = [[" ".join(td.text_content().split()) for td in tr.xpath("td")] for tr in rows]
    assert cells[0][:5] == ["Essay <One> & more", "Ann", "12", "3", "valid"]
    assert cells[1][4] == "failed: the file is empty [input-empty]"
    assert rows[0].xpath("td[1]/a/@href") == ["a/reading.html"]
    assert rows[0].xpath("td[6]/a/@href") == ["a.pdf"] and rows[1].xpath(".//a") == []
    assert "1 valid, 1 failed" in html
    assert not lxml.html.fromstring(html).xpath("//nav[@class='pages']")  # one page: no pager


def test_the_corpus_index_is_paginated_and_rewrites_only_changed_pages(tmp_path):
    import lxml.html

    site = tmp_path / "site"
    entries = [IndexEntry(f"t{i}", f"Title {i}", "", i, 0, True, f"t{i}.txt") for i in range(5)]
    digests: dict = {}
    pages = write_corpus_index(entries, 5, 5, site, digests, page_size=2)
    assert [p.name for p in pages] == ["corpus.html", "corpus-2.html", "corpus-3.html"]
    third = lxml.html.fromstring(pages[2].read_text())
    assert [tr.get("id") for tr in third.xpath("//tbody/tr")] == ["t4"]
    assert third.xpath("//nav[@class='pages'][1]//a/@href") == ["corpus.html", "corpus-2.html", "corpus-3.html"]
    assert third.xpath("//nav[@class='pages'][1]//a[@aria-current='page']/text()") == ["3"]
    assert "Texts 5 to 5." in pages[2].read_text()
    inodes = {p.name: p.stat().st_ino for p in pages}
    entries[3] = IndexEntry("t3", "Title 3, revised", "", 3, 0, True, "t3.txt")
    write_corpus_index(entries, 5, 5, site, digests, page_size=2)
    assert {p.name: p.stat().st_ino for p in pages} != inodes
    assert [p.stat().st_ino == inodes[p.name] for p in pages] == [True, False, True]  # only page 2 rewritten
    assert [p.name for p in write_corpus_index(entries[:2], 2, 2, site, digests, page_size=2)] == ["corpus.html"]
    assert sorted(p.name for p in site.iterdir()) == ["corpus.html"]  # the pages beyond are removed


@pytest.mark.parametrize("quiet, tty, ci, shown", [
    (False, True, "", True),
    (True, True, "", False),
    (False, False, "", False),
    (False, True, "true", False),
])
def test_progress_only_on_a_terminal(monkeypatch, quiet, tty, ci, shown):
    monkeypatch.setenv("CI", ci)
    monkeypatch.setattr(build_command.sys.stderr, "isatty", lambda: tty, raising=False)
    assert build_command.show_progress(quiet) is shown


def test_the_progress_line_is_rewritten_in_place():
    out = io.StringIO()
    ticks = iter([0.0, 2.0, 4.0])  # start, then each text takes 2 s
    progress = build_command.TerminalProgress(out, clock=lambda: next(ticks))
    progress(1, 3, TextResult("alpha", "", "", "built"))
    progress(2, 3, TextResult("b", "", "", "failed"))
    progress.close()
    first = "[#######-------------]  33% 1/3 ~4s ✓ alpha"
    second = "[#############-------]  66% 2/3 ~2s ✗ b"
    assert out.getvalue() == f"\r{first}\r{second.ljust(len(first))}\r{' ' * len(first)}\r"


def site_snapshot(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in sorted(site.rglob("*")) if p.is_file()}


def test_the_build_makes_the_site_and_rebuilds_only_the_pages_of_a_changed_text(corpus_dir):
    site = corpus_dir / "site"
    argv = ["build", str(corpus_dir / "in"), "--tei-dir", str(corpus_dir / "tei"), "--site-dir", str(site),
            "--no-pdf", "-j", "2"]
    assert main(argv) == 1
    files = site_snapshot(site)
    for page in ("index.html", "corpus.html", "alpha/reading.html", "alpha/diplomatic.html", "beta/reading.html"):
        assert page in files
    assert not any(name.startswith("empty/") for name in files)
    corpus_page = (site / "corpus.html").read_text()
    assert '<a href="alpha/reading.html">Alpha Essay</a>' in corpus_page and "[input-empty]" in corpus_page
    assert main(argv) == 1
    assert site_snapshot(site) == files  # nothing rewritten
    (corpus_dir / "in" / "alpha.toml").write_text('[edition]\ndate = "2026-03-03"\n')
    assert main(argv) == 1
    after = site_snapshot(site)
    changed = {name for name in files if after[name] != files[name]}
    assert "alpha/reading.html" in changed
    assert not {name for name in changed if name.startswith("beta/")}


@pytest.mark.pdf
def test_the_build_makes_a_pdf_per_text_linked_from_its_pages(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "alpha.txt").write_text(ESSAY.format(title="Alpha Essay"), encoding="utf-8")
    argv = ["build", str(folder), "--tei-dir", str(tmp_path / "tei"), "--site-dir", str(tmp_path / "site")]
    assert main(argv) == 0
    pdf = tmp_path / "site" / "alpha.pdf"
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert 'href="../alpha.pdf"' in (tmp_path / "site" / "alpha" / "index.html").read_text()
    inode = pdf.stat().st_ino
    assert main(argv) == 0
    assert pdf.stat().st_ino == inode  # not made again


def test_no_pdfs_beyond_the_pdf_limit(corpus_dir, capsys):
    site = corpus_dir / "site"
    main(["build", str(corpus_dir / "in"), "--tei-dir", str(corpus_dir / "tei"), "--site-dir", str(site),
          "--pdf-limit", "2"])
    assert "info: 3 texts, more than --pdf-limit 2: no PDFs" in capsys.readouterr().err
    assert not list(site.glob("*.pdf")) and (site / "alpha" / "reading.html").is_file()


def test_an_interrupted_build_keeps_the_texts_it_finished(corpus_dir, capsys, monkeypatch):
    real_build_text = corpus.build_text

    def interrupted_after_alpha(job):
        if job.name != "alpha":
            raise KeyboardInterrupt
        return real_build_text(job)

    monkeypatch.setattr(corpus, "build_text", interrupted_after_alpha)
    assert build(corpus_dir, "-j", "1") == 130
    assert sorted(read_manifest(corpus_dir / "tei")) == ["alpha"]
    monkeypatch.setattr(corpus, "build_text", real_build_text)
    capsys.readouterr()
    build(corpus_dir, "-j", "1")
    assert "3 texts: 1 built, 1 unchanged, 1 failed" in capsys.readouterr().err


def test_validation_warnings_are_reported_and_do_not_fail_the_text(corpus_dir, capsys, monkeypatch):
    import lefort_tei.validate

    def one_warning(data, path, *args, **kwargs):
        return [Diagnostic("warning", "note-anchor-missing", "note 2 has no anchor", path, 9, 3)]

    monkeypatch.setattr(lefort_tei.validate, "validate_bytes", one_warning)
    assert build(corpus_dir, "-j", "1") == 1  # the empty text
    err = capsys.readouterr().err
    assert f"{corpus_dir / 'tei' / 'alpha.xml'}:9:3: warning: note 2 has no anchor [note-anchor-missing]" in err
    assert "3 texts: 2 built, 0 unchanged, 1 failed" in err


def site_build(corpus_dir: Path, *extra: str) -> int:
    return main(["build", str(corpus_dir / "in"), "--tei-dir", str(corpus_dir / "tei"), "--site-dir",
                 str(corpus_dir / "site"), "--no-pdf", "-j", "1", *extra])


def test_a_failed_write_is_not_cached_and_a_plain_rebuild_succeeds(corpus_dir, capsys, monkeypatch):
    import lefort_tei.pipeline

    real_write_tei = lefort_tei.pipeline.write_tei

    def disk_full(converted, path):
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(lefort_tei.pipeline, "write_tei", disk_full)
    assert site_build(corpus_dir) == 1
    assert "3 texts: 0 built, 0 unchanged, 3 failed" in capsys.readouterr().err
    page = (corpus_dir / "site" / "corpus.html").read_text()
    assert "Traceback" not in page and str(corpus_dir) not in page  # no traceback, no absolute path
    assert "failed: OSError: [Errno 28] No space left on device: &#39;alpha.xml&#39;" in page
    monkeypatch.setattr(lefort_tei.pipeline, "write_tei", real_write_tei)  # the disk is freed
    assert site_build(corpus_dir) == 1
    assert "3 texts: 2 built, 0 unchanged, 1 failed" in capsys.readouterr().err
    assert (corpus_dir / "tei" / "alpha.xml").is_file()


def test_the_public_problem_has_no_traceback_and_no_absolute_path(tmp_path):
    tei = tmp_path / "tei"
    d = error("internal", f"OSError: [Errno 28] No space left on device: '{tei / 'a.xml'}' (a bug)\n"
                          f"Traceback (most recent call last):\n  File \"{tmp_path}/x.py\"", str(tmp_path / "a.txt"))
    assert corpus.public_problem([d], [tei, tmp_path]) == (
        "OSError: [Errno 28] No space left on device: 'a.xml' (a bug) [internal]")
    assert corpus.public_problem([Diagnostic("warning", "w", "fine")], [tmp_path]) == ""


def test_the_site_index_keeps_the_editions_that_exist_when_every_text_fails(corpus_dir, capsys):
    assert site_build(corpus_dir) == 1
    index = (corpus_dir / "site" / "index.html").read_text()
    assert 'href="alpha/index.html"' in index and 'href="beta/index.html"' in index
    for name in ("alpha", "beta"):
        (corpus_dir / "in" / f"{name}.txt").write_bytes(b"\x00\x01binary")
    assert site_build(corpus_dir) == 1
    assert "3 texts: 0 built, 0 unchanged, 3 failed" in capsys.readouterr().err
    assert (corpus_dir / "site" / "index.html").read_text() == index  # the last good editions, still there
    corpus_page = (corpus_dir / "site" / "corpus.html").read_text()
    assert "0 valid, 3 failed" in corpus_page and 'href="alpha/reading.html"' in corpus_page


def test_removed_texts_lose_their_outputs_unless_kept(corpus_dir, capsys):
    site_build(corpus_dir)
    (corpus_dir / "in" / "beta.txt").unlink()
    site_build(corpus_dir, "--keep-removed")
    assert "2 texts: 0 built, 1 unchanged, 1 failed, 1 removed" in capsys.readouterr().err
    assert (corpus_dir / "tei" / "beta.xml").is_file() and (corpus_dir / "site" / "beta" / "reading.html").is_file()
    assert read_manifest(corpus_dir / "tei")["beta"].status == "removed"
    assert "beta" not in (corpus_dir / "site" / "index.html").read_text()
    site_build(corpus_dir)
    assert "2 texts: 0 built, 1 unchanged, 1 failed, 1 removed" in capsys.readouterr().err
    assert not (corpus_dir / "tei" / "beta.xml").exists() and not (corpus_dir / "site" / "beta").exists()
    assert sorted(read_manifest(corpus_dir / "tei")) == ["alpha", "empty"]
    assert (corpus_dir / "tei" / "alpha.xml").is_file() and (corpus_dir / "site" / "alpha" / "reading.html").is_file()
    site_build(corpus_dir)
    assert "1 failed; web edition" in capsys.readouterr().err  # nothing more to remove


def test_text_names_are_url_quoted_in_the_index_pages(tmp_path):
    folder = make_corpus(tmp_path / "in", bad=False)
    (folder / "javascript:alert(10).txt").write_text(ESSAY.format(title="Gamma Essay"), encoding="utf-8")
    (folder / "my essay.txt").write_text(ESSAY.format(title="Delta Essay"), encoding="utf-8")
    assert site_build(tmp_path) == 0
    import lxml.html

    for page in ("index.html", "corpus.html"):
        hrefs = lxml.html.parse(str(tmp_path / "site" / page)).xpath("//a/@href")
        assert not [h for h in hrefs if h.split(":")[0] in ("javascript", "data", "file")], page
        assert "javascript%3Aalert%2810%29/reading.html" in hrefs and "my%20essay/reading.html" in hrefs


def test_fonts_and_every_resource_folder_are_in_the_fingerprint():
    from lefort_tei.resources import PROJECT_ROOT, SCHEMAS_DIR, XSLT_DIR

    roots = corpus.resource_roots()
    assert corpus.PACKAGE_DIR in roots and XSLT_DIR in roots and SCHEMAS_DIR in roots
    assert PROJECT_ROOT / "fonts" in roots


def test_a_font_change_changes_the_fingerprint(tmp_path):
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    (fonts / "a.otf").write_bytes(b"font one")
    first = real_toolkit_fingerprint((fonts,))
    (fonts / "a.otf").write_bytes(b"font two")
    assert real_toolkit_fingerprint((fonts,)) != first


def test_the_site_index_quotes_each_link_once(tmp_path):
    from lefort_tei.corpus_pages import write_site_index

    edition = IndexEntry("my essay", "Essay", "", 0, 0, True, "my essay.txt", link="my%20essay/reading.html",
                         pdf="my%20essay.pdf", home="my%20essay/index.html")
    html = write_site_index([edition], 1, tmp_path).read_text()
    assert 'href="my%20essay/index.html"' in html and 'href="my%20essay.pdf"' in html


def test_trimming_the_heap_is_harmless_and_does_nothing_without_glibc(monkeypatch):
    import platform
    import sys

    glibc = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"
    assert corpus.trim_heap() is glibc
    assert corpus.trim_heap() is glibc  # looked up once, callable again
    monkeypatch.setattr(corpus, "_TRIM", [None])  # as on macOS, Windows or musl
    assert corpus.trim_heap() is False

