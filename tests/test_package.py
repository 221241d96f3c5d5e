"""The package as a new user gets it: a wheel, installed (not editable) in a fresh virtualenv,
runs every command from a folder that has nothing of the checkout.

Offline and quick: the wheel is built with ``--no-build-isolation`` (setuptools comes with the
test extras), installed with ``--no-deps --no-index``, and the new virtualenv reads the
dependencies (lxml, saxonche, jinja2, WeasyPrint) from the test virtualenv's site-packages through
a ``.pth`` line, which does not run the editable install's finder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "golden"
PROJECT_FILES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE", "CITATION.cff")
PROJECT_DIRS = ("lefort_tei", "xslt", "schemas", "fonts")

pytestmark = pytest.mark.slow


def _run(argv, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{argv} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in PROJECT_FILES:
        shutil.copy(ROOT / name, src / name)
    for name in PROJECT_DIRS:
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    dist = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index",
          "-w", str(dist), str(src)], cwd=src)
    (found,) = dist.glob("lefort_tei-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtualenv with the wheel installed; returns its bin/ folder."""
    venv = tmp_path_factory.mktemp("venv")
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=venv)
    py = venv / "bin" / "python"
    purelib = _run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=venv).stdout.strip()
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(purelib) / "test-deps.pth").write_text("".join(f"{d}\n" for d in sorted(deps)))
    _run([sys.executable, "-m", "pip", "--python", str(py), "install", "-q", "--no-deps", "--no-index", str(wheel)],
         cwd=venv)
    return venv / "bin"


def test_the_wheel_carries_every_resource(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("lefort_tei/xslt/reading.xsl", "lefort_tei/xslt/common/functions.xsl",
                     "lefort_tei/schemas/lefort-tei.rng", "lefort_tei/schemas/lefort-tei.sch",
                     "lefort_tei/fonts/EBGaramond12-Regular.otf", "lefort_tei/templates/site/base.html",
                     "lefort_tei/templates/print/print.css", "lefort_tei/ceteicean/behaviors.js",
                     "lefort_tei/ceteicean/lefort-tei.css", "lefort_tei/annotate/given_names.txt"):
        assert required in names, required
    metadata = next(zipfile.ZipFile(wheel).read(n).decode() for n in names if n.endswith(".dist-info/METADATA"))
    assert "License-Expression: MIT AND OFL-1.1" in metadata
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)


def test_every_command_runs_from_an_unrelated_folder(installed, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("LEFORT_TEI_HOME", "PYTHONPATH")}
    work = tmp_path / "work"
    (work / "seeds").mkdir(parents=True)
    shutil.copy(FIXTURES / "apparatus.txt", work / "seeds" / "essay.txt")
    shutil.copy(FIXTURES / "apparatus.toml", work / "seeds" / "essay.toml")
    cli = str(installed / "lefort-tei")

    where = _run([str(installed / "python"), "-c", "import lefort_tei.resources as r; print(r.XSLT_DIR)"], work, env)
    assert Path(where.stdout.strip()).is_relative_to(installed.parent), "resources must come from the wheel"
    assert not Path(where.stdout.strip()).is_relative_to(ROOT)

    _run([cli, "convert", "seeds/essay.txt", "-o", "out/essay.xml"], work, env)
    assert b"xml-model" not in (work / "out" / "essay.xml").read_bytes()  # no schemas/ above: no dead link
    _run([cli, "validate", "out/essay.xml"], work, env)
    _run([cli, "site", "out/essay.xml", "-o", "site", "-q"], work, env)
    assert (work / "site" / "schemas" / "lefort-tei.rng").is_file()
    assert b'href="../schemas/lefort-tei.rng"' in (work / "site" / "essay" / "essay.xml").read_bytes()
    _run([cli, "pdf", "out/essay.xml", "-o", "essay.pdf", "-q"], work, env)
    assert (work / "essay.pdf").read_bytes().startswith(b"%PDF")
    _run([cli, "build", "seeds", "--no-pdf", "-j", "1", "-q"], work, env)
    assert (work / "schemas" / "lefort-tei.rng").is_file()  # the edition folder carries the schemas
    assert b'href="../schemas/lefort-tei.rng"' in (work / "build" / "site" / "essay" / "essay.xml").read_bytes()
    assert (work / "build" / "site" / "schemas" / "lefort-tei.sch").is_file()
    assert b'href="../schemas/lefort-tei.rng"' in (work / "tei" / "essay.xml").read_bytes()
    _run([cli, "validate", "tei/essay.xml"], work, env)
    _run([cli, "export", "--to", "tei-lite", "tei/essay.xml", "-o", "essay.lite.xml", "-q"], work, env)
    assert b"<TEI" in (work / "essay.lite.xml").read_bytes()
    api = _run([str(installed / "python"), "-c",
                "import lefort_tei; print(len(lefort_tei.validate_tei('tei/essay.xml')))"], work, env)
    assert api.stdout.strip() == "0"
