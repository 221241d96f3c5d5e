"""Decode a source file: bytes → ``Source`` (text with ``\\n`` line ends) + diagnostics.

In: a path. Out: ``Source`` and a list of info/warning diagnostics saying what decoding did
(BOM removed, CRLF converted, Latin-1 detected, control characters XML cannot hold, which are
kept and encoded as ``g``). Raises ``InputError`` (exit 2) for an empty or a binary file, with
``file:line:col``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..diagnostics import Diagnostic, InputError, error
from ..model import Source
from .patterns import XML_ILLEGAL

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_source(raw: bytes, path: str) -> tuple[Source, list[Diagnostic]]:
    """Decode raw bytes into a Source; see the module docstring."""
    notes: list[Diagnostic] = []
    if not raw.strip():
        raise InputError(error("input-empty", "the file is empty (or only white space); "
                               "give a plain-text essay", path, 1, 1))
    encoding = "utf-8"
    if raw.startswith(UTF8_BOM):
        encoding = "utf-8-sig"
        notes.append(Diagnostic("info", "input-bom", "UTF-8 byte-order mark removed", path, 1, 1))
        text = raw[3:].decode("utf-8", errors="strict") if _is_utf8(raw[3:]) else None
    elif raw.startswith(UTF16_BOMS):
        encoding = "utf-16"
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:  # an odd byte count, a lone surrogate
            raise InputError(error("input-utf16", f"broken UTF-16 at byte {exc.start} ({exc.reason}); "
                                   "save the file again as UTF-8 or UTF-16", path,
                                   1 + raw[:exc.start].decode("utf-16", errors="replace").count("\n"), 1)) from None
        notes.append(Diagnostic("info", "input-utf16", "decoded as UTF-16 (byte-order mark)", path, 1, 1))
    else:
        text = raw.decode("utf-8") if _is_utf8(raw) else None
    if text is None:
        if b"\x00" in raw:
            offset = raw.index(b"\x00")
            line = raw.count(b"\n", 0, offset) + 1
            raise InputError(error("input-binary", "this is a binary file, not text (a NUL byte); "
                                   "convert it to plain text first", path, line, 1))
        bad = _first_bad_utf8(raw)
        line = raw.count(b"\n", 0, bad) + 1
        col = bad - (raw.rfind(b"\n", 0, bad) + 1) + 1
        encoding = "cp1252"
        text = _decode_cp1252(raw)
        notes.append(Diagnostic("warning", "input-latin1",
                                "not UTF-8: decoded as Windows-1252/Latin-1 (first non-UTF-8 byte "
                                f"0x{raw[bad]:02x} here); save the file as UTF-8 to silence this",
                                path, line, col))
    if not text.strip():  # only no-break, ideographic or other Unicode spaces
        raise InputError(error("input-empty", "the file holds only white space; give a plain-text essay",
                               path, 1, 1))
    if "\x00" in text:
        offset = text.index("\x00")
        raise InputError(error("input-binary", "this is a binary file, not text (a NUL byte); "
                               "convert it to plain text first", path, text.count("\n", 0, offset) + 1, 1))
    crlf, cr = text.count("\r\n"), text.count("\r") - text.count("\r\n")
    lf = text.count("\n") - crlf
    newline = "\r\n" if crlf and not (cr or lf) else "\r" if cr and not (crlf or lf) else (
        "\n" if lf and not (crlf or cr) else ("mixed" if (crlf or cr or lf) else ""))
    if crlf or cr:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        notes.append(Diagnostic("info", "input-newlines",
                                f"line ends converted to LF (were {newline!r})", path, 1, 1))
    source = Source(path=path, text=text, encoding=encoding, newline=newline,
                    sha256=hashlib.sha256(raw).hexdigest())
    bad_char = XML_ILLEGAL.search(text)
    if bad_char:  # kept: the encoder writes it as a g element declared in the header (charDecl)
        line, col = source.position(bad_char.start())
        count = len(XML_ILLEGAL.findall(text))
        notes.append(Diagnostic("warning", "input-control-char",
                                f"control character U+{ord(bad_char.group()):04X} here ({count} in all) cannot be "
                                "written in XML: kept as a <g> declared in the header; remove it from the source "
                                "if it is noise", path, line, col))
    return source, notes


def read_source(path: str | Path) -> tuple[Source, list[Diagnostic]]:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError(error("input-missing", "no such file; check the path", str(path))) from None
    except IsADirectoryError:
        raise InputError(error("input-directory", "this is a folder; give a .txt file", str(path))) from None
    except OSError as exc:
        raise InputError(error("input-unreadable", f"cannot read the file: {exc.strerror}", str(path))) from None
    return decode_source(raw, str(path))


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _first_bad_utf8(raw: bytes) -> int:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return 0


def _decode_cp1252(raw: bytes) -> str:
    # cp1252 leaves five bytes undefined; those are Latin-1 control characters then.
    return "".join(
        bytes([b]).decode("cp1252", errors="strict") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
        else chr(b) for b in raw
    ) if any(b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) for b in raw) else raw.decode("cp1252")
