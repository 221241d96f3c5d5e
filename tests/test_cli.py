"""The command line: exit codes and the exact shape of its messages, for convert, text and build.

Messages are ``path[:line:col]: level: message [code]``, or one JSON object per line with
``--format json``; exit codes 0 ok, 1 edition problems, 2 usage/input, 3 tool, 70 internal.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from lefort_tei.cli import COMMANDS, main
from lefort_tei.plaintext import fold_whitespace

ESSAY = "A Small Essay - Ann Author\n\nA short blurb.\n\nThe first paragraph, with a note.(1)\n\nNotes\n\n1 A remark on the paragraph.\n"

# "in/x.txt: error: no such file; check the path [input-missing]"
# "bad.toml:3:8: error: TOML syntax: Invalid value; see docs/editorial-data.md [data-syntax]"
DIAGNOSTIC_LINE = re.compile(
    r"""^(?P<path>[^:\n]+)
        (?::(?P<line>\d+):(?P<col>\d+))?
        :\ (?P<level>error|warning|info):\ (?P<message>.+)
        \ \[(?P<code>[a-z0-9-]+)\]$""",
    re.VERBOSE,
)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def diagnostics(err: str) -> list[dict]:
    """Every stderr line parsed; a line of another shape fails the test."""
    found = []
    for line in err.splitlines():
        m = DIAGNOSTIC_LINE.match(line)
        assert m, f"not a diagnostic line: {line!r}"
        found.append(m.groupdict())
    return found


@pytest.fixture
def texts(tmp_path):
    """Inputs of every kind, by name."""
    files = {
        "good": ESSAY.encode(),
        "empty": b"",
        "blank": b"  \n\n \t\n",
        "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "latin1": ESSAY.replace("first", "caf\u00e9").encode("latin-1"),
        "crlf-bom": b"\xef\xbb\xbf" + ESSAY.replace("\n", "\r\n").encode(),
    }
    for name, data in files.items():
        (tmp_path / f"{name}.txt").write_bytes(data)
    return tmp_path


@pytest.mark.parametrize("argv, shape", [
    (["convert", "{d}/nope.txt"], "{d}/nope.txt: error: no such file; check the path [input-missing]"),
    (["convert", "{d}"], "{d}: error: this is a folder; give a .txt file [input-directory]"),
    (["build", "{d}/nope"], "{d}/nope: error: no such folder; give a folder of .txt texts [input-missing]"),
    (["convert", "{d}/empty.txt"],
     "{d}/empty.txt:1:1: error: the file is empty (or only white space); give a plain-text essay [input-empty]"),
    (["convert", "{d}/blank.txt"],
     "{d}/blank.txt:1:1: error: the file is empty (or only white space); give a plain-text essay [input-empty]"),
    (["convert", "{d}/binary.txt"],
     "{d}/binary.txt:3:1: error: this is a binary file, not text (a NUL byte); convert it to plain text first "
     "[input-binary]"),
])
def test_bad_input_exits_2_with_one_exact_message(texts, capsys, argv, shape):
    code, out, err = run(capsys, *[a.format(d=texts) for a in argv])
    assert (code, out, err) == (2, "", shape.format(d=texts) + "\n")


def test_text_of_a_missing_file_says_input_missing(texts, capsys):
    code, out, err = run(capsys, "text", str(texts / "nope.xml"))
    assert (code, out) == (2, "")
    [d] = diagnostics(err)
    assert (d["path"], d["level"], d["code"]) == (str(texts / "nope.xml"), "error", "input-missing")


def test_a_latin1_file_converts_with_a_warning_at_the_first_odd_byte(texts, capsys):
    out_xml = texts / "latin1.xml"
    code, out, err = run(capsys, "convert", str(texts / "latin1.txt"), "-o", str(out_xml))
    assert code == 0
    [d] = [d for d in diagnostics(err) if d["level"] != "info"]  # infos: e.g. no data file
    assert (d["path"], d["line"], d["col"], d["level"], d["code"]) == (
        str(texts / "latin1.txt"), "5", "8", "warning", "input-latin1")
    assert "café paragraph" in out_xml.read_text(encoding="utf-8")


def test_a_crlf_file_with_a_bom_converts_losslessly(texts, capsys):
    out_xml = texts / "crlf.xml"
    code, _, err = run(capsys, "convert", str(texts / "crlf-bom.txt"), "-o", str(out_xml))
    assert code == 0
    found = [(d["level"], d["code"]) for d in diagnostics(err)]
    assert found[:2] == [("info", "input-bom"), ("info", "input-newlines")]
    assert not [level for level, _ in found if level != "info"]
    code, diplomatic, _ = run(capsys, "text", "--view", "diplomatic", str(out_xml))
    assert code == 0
    assert fold_whitespace(diplomatic) == fold_whitespace(ESSAY)
    assert b"\r" not in out_xml.read_bytes() and not out_xml.read_bytes().startswith(b"\xef\xbb\xbf<?xml")


def test_quiet_keeps_errors_only(texts, capsys):
    assert run(capsys, "convert", "-q", str(texts / "crlf-bom.txt"), "-o", str(texts / "q.xml"))[2] == ""
    assert run(capsys, "convert", "-q", str(texts / "empty.txt"))[2].endswith("[input-empty]\n")


@pytest.mark.parametrize("data, line, col, code", [
    ('[edition]\ntitle = "x"\ndate = = 2\n', 3, 8, "data-syntax"),
    ('[edition]\nfoo = 1\n', 1, 1, "data-unknown-key"),
    ('[[correction]]\nsic = "x"\n', 1, 1, "data-missing-key"),
    ('[[person]]\nid = "a"\nname = "A"\n[[person]]\nid = "a"\nname = "B"\n', 4, 1, "data-id-duplicate"),
    ('[edition]\ntitle = "x"\n\n[[correction]]\nsic = "a"\ncorr = 5\n', 4, 1, "data-type"),  # after a blank line
])
def test_a_bad_data_file_exits_2_at_its_line_and_column(texts, capsys, data, line, col, code):
    (texts / "bad.toml").write_text(data, encoding="utf-8")
    rc, out, err = run(capsys, "convert", str(texts / "good.txt"), "--data", str(texts / "bad.toml"))
    assert (rc, out) == (2, "")
    [d] = diagnostics(err)
    assert (d["path"], int(d["line"]), int(d["col"]), d["level"], d["code"]) == (
        str(texts / "bad.toml"), line, col, "error", code)


def test_a_bad_data_file_in_a_corpus_fails_that_text_only(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(ESSAY, encoding="utf-8")
    (folder / "b.toml").write_text('[edition]\ndate = = 2\n', encoding="utf-8")
    code, _, err = run(capsys, "build", str(folder), "--tei-dir", str(tmp_path / "tei"), "--no-site")
    assert code == 1
    assert err.splitlines()[0] == f"{folder / 'b.toml'}:2:8: error: TOML syntax: Invalid value; " \
                                  "see docs/editorial-data.md [data-syntax]"
    assert (tmp_path / "tei" / "a.xml").is_file() and not (tmp_path / "tei" / "b.xml").exists()


@pytest.mark.parametrize("argv", [
    ["convert", "{d}/nope.txt"],
    ["convert", "{d}/empty.txt"],
    ["convert", "{d}/latin1.txt", "-o", "{d}/l.xml"],
    ["convert", "{d}/crlf-bom.txt", "-o", "{d}/c.xml"],
    ["build", "{d}/nope"],
])
def test_json_format_gives_json_lines(texts, capsys, argv):
    code, _, err = run(capsys, *[a.format(d=texts) for a in argv], "--format", "json")
    records = [json.loads(line) for line in err.splitlines()]
    assert records, "a diagnostic was expected"
    for r in records:
        assert {"level", "code", "message", "path"} <= set(r)
        assert r["level"] in ("error", "warning", "info")
    assert code == (2 if records[0]["level"] == "error" else 0)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_examples(capsys, command):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out
    assert re.search(rf"^  lefort-tei {command}\b", out, re.MULTILINE)


@pytest.mark.parametrize("argv", [[], ["convert"], ["frobnicate"], ["build", "--jobs", "0"], ["build", "-j", "x"],
                                  ["text", "--view", "other", "x.xml"]])
def test_usage_errors_exit_2(capsys, argv):
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = exit_.code
    assert code == 2
    assert "usage: lefort-tei" in capsys.readouterr().err


def test_the_installed_command_runs_in_a_fresh_process(texts):
    """The whole command, Python start included: the exit code and stderr of a real process."""
    done = subprocess.run([sys.executable, "-m", "lefort_tei", "convert", str(texts / "empty.txt")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.endswith("[input-empty]\n") and done.stdout == ""


def test_bench_outside_a_checkout_is_a_usage_error(monkeypatch, capsys, tmp_path):
    from lefort_tei.commands import bench

    monkeypatch.setattr(bench, "BENCH_SCRIPT", tmp_path / "bench.py")
    code, out, err = run(capsys, "bench", "--no-corpus")
    assert (code, out) == (2, "")
    assert err.startswith(f"{tmp_path / 'bench.py'}: error: no benchmark here") and err.endswith("[bench-missing]\n")


@pytest.mark.parametrize(("argv", "needed"), [
    (["--version"], ()),
    (["convert", "x.txt", "-o", "x.xml"], ("convert",)),
    (["-q"], COMMANDS),  # not a command: the overview is printed, with every command's help
    ([], COMMANDS),
    (["--help"], COMMANDS),
    (["frobnicate"], ()),
])
def test_only_the_command_that_runs_is_imported(argv, needed):
    from lefort_tei.cli import commands_needed

    assert commands_needed(argv) == needed


def test_version_imports_no_command_module():
    code = ("import sys\nfrom lefort_tei.cli import main\ntry:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('lefort_tei.commands.') or m == 'lxml'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "[]"
    assert out.startswith("lefort-tei ")


def test_the_overview_still_describes_every_command(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert re.search(rf"^    {name}\s+\S", out, re.MULTILINE), name
