"""The read-only and full-disk scenarios of issue 17, simulated in-process (no root, no mount): every
command that writes (convert, build, site, pdf, a corpus build) must, when its output folder cannot
be written, exit 2 (read-only) or 3 (disk full) with a message naming the file, print no traceback,
leave no temporary file and no good output replaced, and succeed on a plain rerun once the cause is
removed. ``bench/fault_scenarios.py`` runs the same scenarios on a real tmpfs (as root).

The faults are injected at the lowest level our writers use: ``tempfile.mkstemp`` and ``mkdir``
refuse a folder (read-only), or the temporary file's ``write`` stores half the bytes and then
raises ENOSPC (full disk), only for paths inside the faulty folder.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import tempfile
from pathlib import Path

import pytest

from lefort_tei import corpus
from lefort_tei.cli import main

from .test_corpus import ESSAY

READ_ONLY, FULL = "read-only", "full"
CODES = {READ_ONLY: (2, "[output-read-only]"), FULL: (3, "[output-disk-full]")}


class Fault:
    """Make ``folder`` read-only or full for our writers, until ``clear()``."""

    def __init__(self, monkeypatch, folder: Path, kind: str):
        self.folder, self.kind, self.on = str(folder), kind, True
        self.temp_fds: set[int] = set()
        real_mkstemp, real_fdopen, real_mkdir = tempfile.mkstemp, os.fdopen, Path.mkdir
        fault = self

        def inside(path) -> bool:
            return fault.on and str(Path(path).absolute()).startswith(fault.folder)

        def mkstemp(*args, dir=None, **kwargs):  # noqa: A002 - tempfile's own name
            if inside(dir or tempfile.gettempdir()) and fault.kind == READ_ONLY:
                raise OSError(errno.EROFS, "Read-only file system", str(Path(dir) / "x.tmp"))
            fd, name = real_mkstemp(*args, dir=dir, **kwargs)
            if inside(name):
                fault.temp_fds.add(fd)
            return fd, name

        def fdopen(fd, *args, **kwargs):
            f = real_fdopen(fd, *args, **kwargs)
            if fd in fault.temp_fds and fault.on and fault.kind == FULL:
                fault.temp_fds.discard(fd)
                return _HalfWriter(f)
            return f

        def mkdir(self, *args, **kwargs):
            if inside(self) and not self.exists() and fault.kind == READ_ONLY:
                raise OSError(errno.EROFS, "Read-only file system", str(self))
            return real_mkdir(self, *args, **kwargs)

        monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
        monkeypatch.setattr(os, "fdopen", fdopen)
        monkeypatch.setattr(Path, "mkdir", mkdir)

    def clear(self) -> None:
        self.on = False


class _HalfWriter:
    """A file on a disk that fills up halfway through the write."""

    def __init__(self, f):
        self.f = f

    def write(self, data):
        self.f.write(data[:len(data) // 2])
        self.f.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.f, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.f.close()


def files(folder: Path) -> dict[str, bytes]:
    """Every output (not the build manifest, which SQLite writes itself)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".lefort-build" not in p.name}


@pytest.fixture(autouse=True)
def fixed_toolkit(monkeypatch):
    monkeypatch.setattr(corpus, "toolkit_fingerprint", lambda: "toolkit under test")


@pytest.fixture
def texts(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for title in ("Alpha Essay", "Beta Essay"):
        (folder / f"{title.split()[0].lower()}.txt").write_text(ESSAY.format(title=title), encoding="utf-8")
    return folder


@pytest.fixture
def tei(texts, tmp_path) -> Path:
    path = tmp_path / "alpha.xml"
    assert main(["convert", str(texts / "alpha.txt"), "-o", str(path), "-q"]) == 0
    return path


def scenario(monkeypatch, capsys, out: Path, argv: list[str], kind: str, again: list[str] = ()) -> str:
    """Run ``argv`` well, then with ``out`` faulty (plus ``again``), then well again; return the
    faulty run's messages."""
    assert main(argv) == 0, capsys.readouterr().err
    good = files(out)
    assert good
    capsys.readouterr()
    fault = Fault(monkeypatch, out, kind)
    code = main([*argv, *again])
    err = capsys.readouterr().err
    fault.clear()
    expected, tag = CODES[kind]
    assert code == expected, err
    assert "Traceback" not in err and "internal" not in err
    assert any(line.startswith(str(out)) and ": error: cannot write this file" in line and tag in line
               for line in err.splitlines()), err
    assert files(out) == good  # nothing half-written replaced a good output
    assert not [p for p in out.rglob("*.tmp")]  # and no temporary file is left behind
    assert main(argv) == 0, capsys.readouterr().err  # the cause removed, a plain rerun succeeds
    return err


@pytest.mark.parametrize("kind", [READ_ONLY, FULL])
def test_convert_onto_a_faulty_folder(monkeypatch, capsys, texts, tmp_path, kind):
    out = tmp_path / "out"
    scenario(monkeypatch, capsys, out, ["convert", str(texts / "alpha.txt"), "-o", str(out / "tei" / "a.xml")], kind)


@pytest.mark.parametrize("kind", [READ_ONLY, FULL])
def test_site_onto_a_faulty_folder(monkeypatch, capsys, tei, tmp_path, kind):
    out = tmp_path / "site"
    scenario(monkeypatch, capsys, out, ["site", str(tei), "-o", str(out), "-q"], kind)


@pytest.mark.pdf
@pytest.mark.parametrize("kind", [READ_ONLY, FULL])
def test_pdf_onto_a_faulty_folder(monkeypatch, capsys, tei, tmp_path, kind):
    out = tmp_path / "print"
    scenario(monkeypatch, capsys, out, ["pdf", str(tei), "-o", str(out / "a.pdf"), "-q"], kind)


@pytest.mark.parametrize("kind", [READ_ONLY, FULL])
def test_a_corpus_build_onto_a_faulty_tei_folder(monkeypatch, capsys, texts, tmp_path, kind):
    """The TEI of every text cannot be written: each text is reported at its TEI file, the build
    exits 2/3 (not 1, "the edition has problems"), and the next plain build builds them (a failed
    write is never cached)."""
    out = tmp_path / "out"
    argv = ["build", str(texts), "--tei-dir", str(out / "tei"), "--no-site", "-j", "1"]
    err = scenario(monkeypatch, capsys, out, argv, kind, again=["--force"])
    assert f"{out / 'tei' / 'alpha.xml'}: error: cannot write this file" in err
    assert f"{out / 'tei' / 'beta.xml'}: error: cannot write this file" in err
    assert corpus.read_manifest(out / "tei")["alpha"].status == "ok"


@pytest.mark.parametrize("kind", [READ_ONLY, FULL])
def test_a_build_onto_a_faulty_site_folder(monkeypatch, capsys, texts, tmp_path, kind):
    """The TEI folder is fine, the site's is not: the pages (written in the workers) and the index."""
    out = tmp_path / "site"
    argv = ["build", str(texts), "--tei-dir", str(tmp_path / "tei"), "--site-dir", str(out), "--no-pdf", "-j", "1"]
    scenario(monkeypatch, capsys, out, argv, kind, again=["--force"])


@pytest.mark.parametrize(("message", "code", "tag"), [
    ("attempt to write a readonly database", 2, "[output-read-only]"),
    ("unable to open database file", 2, "[output-permission]"),
    ("database or disk is full", 3, "[output-disk-full]"),
])
def test_a_manifest_that_cannot_be_written_is_a_positioned_error(monkeypatch, capsys, texts, tmp_path,
                                                                 message, code, tag):
    def refuse(*args, **kwargs):
        raise sqlite3.OperationalError(message)

    monkeypatch.setattr(corpus.sqlite3, "connect", refuse)
    argv = ["build", str(texts), "--tei-dir", str(tmp_path / "tei"), "--no-site", "-j", "1"]
    assert main(argv) == code
    err = capsys.readouterr().err
    assert f"{tmp_path / 'tei' / '.lefort-build.sqlite'}: error: cannot write this file: {message}" in err
    assert tag in err and "Traceback" not in err
    monkeypatch.undo()
    assert main(argv) == 0


def test_an_unforeseen_system_fault_is_a_message_not_a_traceback(monkeypatch, capsys, tei):
    """The CLI's last line of defence for an ``OSError`` no command turned into a diagnostic."""
    import lefort_tei.commands.validate as validate_command

    def broken(args):
        raise OSError(errno.EIO, "Input/output error", "/mnt/gone/x.xml")

    monkeypatch.setattr(validate_command, "run", broken)
    assert main(["validate", str(tei)]) == 3
    err = capsys.readouterr().err
    assert err.strip() == "/mnt/gone/x.xml: error: cannot use this file: Input/output error [output-io-error]"
