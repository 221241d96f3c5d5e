"""The public API (``lefort_tei/__init__.py``) as the README documents it: the README's Python
example is run as it stands, in a folder holding a copy of the seed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import lefort_tei

ROOT = Path(__file__).resolve().parent.parent
# The README's Python example: the ```python block under "### From Python".
README_EXAMPLE = re.compile(r"### From Python\n.*?```python\n(?P<code>.*?)```", re.DOTALL)


@pytest.fixture
def seed_folder(tmp_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    for suffix in (".txt", ".toml"):
        shutil.copy(ROOT / "seeds" / f"lefort-contradiction-of-trotsky{suffix}", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_readme_example_runs(seed_folder, capsys):
    code = README_EXAMPLE.search((ROOT / "README.md").read_text(encoding="utf-8"))["code"]
    exec(compile(code, "README.md", "exec"), {})
    assert capsys.readouterr().out.endswith(" bytes of TEI\n")
    assert (seed_folder / "out" / "site" / "index.html").is_file()
    assert (seed_folder / "out" / "site" / "schemas" / "lefort-tei.rng").is_file()


def test_convert_text_gives_the_same_tei_as_the_file(seed_folder):
    text = (seed_folder / "seeds" / "lefort-contradiction-of-trotsky.txt").read_text(encoding="utf-8")
    data = seed_folder / "seeds" / "lefort-contradiction-of-trotsky.toml"
    from_string = lefort_tei.convert_text(text, data, name="lefort-contradiction-of-trotsky.txt")
    from_file = lefort_tei.convert(seed_folder / "seeds" / "lefort-contradiction-of-trotsky.txt")
    assert from_string == from_file


def test_validate_reports_problems_instead_of_raising(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><oops/></TEI>")
    assert [d.level for d in lefort_tei.validate_tei(bad)].count("error") >= 1
    missing = lefort_tei.validate_tei(tmp_path / "missing.xml")
    assert missing and missing[0].code == "input-missing"


def test_view_refuses_an_unknown_view(tmp_path):
    with pytest.raises(ValueError):
        lefort_tei.view(tmp_path / "x.xml", "modern")


def test_errors_are_lefort_errors(tmp_path):
    with pytest.raises(lefort_tei.LefortError) as caught:
        lefort_tei.convert(tmp_path / "missing.txt")
    assert caught.value.diagnostics[0].code == "input-missing"
