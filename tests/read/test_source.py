"""Decoding: BOM, CRLF/CR, Latin-1, and the inputs that must be refused (exit 2)."""

import pytest

from lefort_tei.diagnostics import InputError
from lefort_tei.read.source import decode_source


@pytest.mark.parametrize("raw,text,encoding,newline,code", [
    (b"a\nb", "a\nb", "utf-8", "\n", None),
    (b"\xef\xbb\xbfa\r\nb\r\n", "a\nb\n", "utf-8-sig", "\r\n", "input-bom"),
    (b"a\rb", "a\nb", "utf-8", "\r", "input-newlines"),
    (b"a\r\nb\nc", "a\nb\nc", "utf-8", "mixed", "input-newlines"),
    ("caf\u00e9 \u2019".encode("cp1252"), "caf\u00e9 \u2019", "cp1252", "", "input-latin1"),
    ("\u00e9t\u00e9".encode("utf-16"), "\u00e9t\u00e9", "utf-16", "", "input-utf16"),
])
def test_decoding(raw, text, encoding, newline, code):
    source, diags = decode_source(raw, "x.txt")
    assert (source.text, source.encoding, source.newline) == (text, encoding, newline)
    if code:
        assert code in [d.code for d in diags]


def test_latin1_warning_points_at_the_first_bad_byte():
    _, diags = decode_source(b"line one\nna\xefve\n", "x.txt")
    d = next(d for d in diags if d.code == "input-latin1")
    assert (d.line, d.col) == (2, 3)
    assert d.format().startswith("x.txt:2:3: warning:")


@pytest.mark.parametrize("raw,code,line", [
    (b"", "input-empty", 1),
    (b"  \n\n\t", "input-empty", 1),
    (b"text\n\x00\x01\x02binary", "input-binary", 2),
])
def test_refused_inputs(raw, code, line):
    with pytest.raises(InputError) as exc:
        decode_source(raw, "x.txt")
    d = exc.value.diagnostics[0]
    assert (d.code, d.line) == (code, line)
    assert exc.value.exit_code == 2


@pytest.mark.parametrize("raw", [
    "\u00a0\u00a0\n\u3000 \u2003\n".encode("utf-8"),
    b"\xff\xfe" + " \u00a0\n".encode("utf-16-le"),
])
def test_only_unicode_spaces_is_empty_input(raw):
    with pytest.raises(InputError) as caught:
        decode_source(raw, "spaces.txt")
    assert [d.code for d in caught.value.diagnostics] == ["input-empty"]


@pytest.mark.parametrize("raw", [
    b"\xff\xfe" + "Title\n\nText.".encode("utf-16-le") + b"\x41",   # an odd byte count
    b"\xff\xfe" + "Title\n".encode("utf-16-le") + b"\x00\xd8" + "x".encode("utf-16-le"),  # a lone surrogate
])
def test_broken_utf16_is_an_input_error_with_a_line(raw):
    with pytest.raises(InputError) as caught:
        decode_source(raw, "broken.txt")
    (d,) = caught.value.diagnostics
    assert d.code == "input-utf16" and d.line >= 1 and "UTF-16" in d.message


def test_a_control_character_is_kept_with_a_warning_at_its_place():
    source, notes = decode_source(b"ok\nbad \x0b char\x07", "ctrl.txt")
    assert source.text == "ok\nbad \x0b char\x07"
    (warning,) = [d for d in notes if d.code == "input-control-char"]
    assert (warning.level, warning.line, warning.col) == ("warning", 2, 5) and "2 in all" in warning.message
