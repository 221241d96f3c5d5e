"""Load a text's editorial data file (TOML; format in docs/editorial-data.md).

In: a path (or none). Out: ``EditorialData``, typed and checked for shape: unknown tables or
keys, wrong types and missing required keys are ``InputError``s with ``file:line:col`` (exit 2).
Whether contexts are found in the text is checked by the stage that uses each entry.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .diagnostics import InputError, error


@dataclass(slots=True)
class Entry:
    """Base of a located entry: where it stands in the data file, for diagnostics."""

    table: str = ""
    index: int = 0  # 1-based among the entries of its table
    line: int = 0
    # the editor's private remark: allowed on every entry, read and checked like any key, and
    # never copied to the model, so it cannot reach the TEI, the site, the PDF or an export
    note_private: str = ""


@dataclass(slots=True)
class AnchorHint(Entry):
    note: int = 0
    marker: str = ""
    context: str = ""
    reason: str = ""


@dataclass(slots=True)
class QuoteHint(Entry):
    starts: str = ""
    paragraphs: int = 1
    block: bool = True
    note: int | None = None
    reason: str = ""


@dataclass(slots=True)
class CorrectionEntry(Entry):
    sic: str = ""
    corr: str = ""
    context: str = ""
    every: bool = False
    reason: str = ""
    cert: str = "high"


@dataclass(slots=True)
class PersonEntry(Entry):
    id: str = ""
    name: str = ""
    forms: list[str] = field(default_factory=list)
    birth: str | None = None
    death: str | None = None
    wikidata: str | None = None
    viaf: str | None = None
    note: str = ""


@dataclass(slots=True)
class NotPersonEntry(Entry):
    context: str = ""
    form: str = ""
    reason: str = ""


@dataclass(slots=True)
class WorkEntry(Entry):
    id: str = ""
    title: str = ""
    level: str = "m"
    author: str | None = None
    author_name: str | None = None
    translator: str | None = None
    editor: str | None = None
    place: str | None = None
    publisher: str | None = None
    date: str | None = None
    container: str | None = None
    cited_as: list[str] = field(default_factory=list)
    note: str = ""


@dataclass(slots=True)
class TitleEntry(Entry):
    text: str = ""
    work: str | None = None
    every: bool = False
    context: str = ""
    level: str = "m"


@dataclass(slots=True)
class EditorialData:
    path: str = ""
    edition: dict[str, Any] = field(default_factory=dict)
    front_blocks: int | None = None
    anchors: list[AnchorHint] = field(default_factory=list)
    quotes: list[QuoteHint] = field(default_factory=list)
    corrections: list[CorrectionEntry] = field(default_factory=list)
    persons: list[PersonEntry] = field(default_factory=list)
    not_persons: list[NotPersonEntry] = field(default_factory=list)
    works: list[WorkEntry] = field(default_factory=list)
    titles: list[TitleEntry] = field(default_factory=list)
    # Not read from the file: whether the automatic apparatus (persons, high-tier corrections,
    # works cited) runs too; the caller turns it off (``convert --no-auto``, the curated gold).
    automatic: bool = True


EDITION_KEYS = {"id", "title", "author", "author_ref", "language", "date", "editors", "licence",
                "licence_url", "source", "publisher", "url"}

# table name in the file → (attribute of EditorialData, entry class, required keys)
ARRAY_TABLES: dict[str, tuple[str, type, tuple[str, ...]]] = {
    "anchor": ("anchors", AnchorHint, ("note", "marker", "context")),
    "quote": ("quotes", QuoteHint, ("starts",)),
    "correction": ("corrections", CorrectionEntry, ("sic", "corr")),
    "person": ("persons", PersonEntry, ("id", "name")),
    "not_person": ("not_persons", NotPersonEntry, ("context", "form")),
    "work": ("works", WorkEntry, ("id", "title")),
    "title": ("titles", TitleEntry, ("text",)),
}

MAX_DEPTH = 16  # tables and arrays inside each other; the format needs two

# A character no XML 1.0 document can hold (C0 controls but tab, LF, CR; U+FFFE, U+FFFF; surrogates).
DATA_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Where such a character was written as a TOML escape: "\u0000", "\U00000007", "\b", "\f".
ESCAPE_OF_ILLEGAL = re.compile(r"\\(?:u00[01][0-9a-fA-F]|U0000[01][0-9a-fA-F]|[bf])")

# An id of the shape lefort-tei generates (p12, note16, div2, c7, q3, front-p1, note5-bibl, why-c3)
# or one of its fixed ids: a data file may not take them, or two elements would share an id.
GENERATED_ID = re.compile(r"^(?:[a-z]+(?:-[a-z]+)?\d+(?:-[a-z0-9-]*)?|ed|lefort-tei|notes)$")

# "(at line 12, column 5)" in tomllib's error messages
TOML_ERROR_POSITION = re.compile(r"\(at line (?P<line>\d+), column (?P<col>\d+)\)")
ID_SHAPE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")  # an xml:id (NCName): "trotsky-stalin"
WEB_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$")  # [edition] url: "https://example.org/editions/trotsky/"


def data_path_for(text_path: str | Path) -> Path:
    """The data file that goes with a text: ``seeds/x.txt`` → ``seeds/x.toml``."""
    return Path(text_path).with_suffix(".toml")


def load_data(path: str | Path | None) -> EditorialData:
    """Load and check a data file; ``None`` or a missing default file gives empty data."""
    if path is None:
        return EditorialData()
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(error("data-unreadable", f"cannot read the data file: {exc.strerror}", str(p))) from None
    try:
        text = raw.decode("utf-8-sig")
        doc = tomllib.loads(text)
    except UnicodeDecodeError:
        raise InputError(error("data-encoding", "the data file is not UTF-8; save it as UTF-8", str(p), 1, 1)) from None
    except tomllib.TOMLDecodeError as exc:
        m = TOML_ERROR_POSITION.search(str(exc))
        line, col = (int(m["line"]), int(m["col"])) if m else (1, 1)
        msg = TOML_ERROR_POSITION.sub("", str(exc)).strip()
        raise InputError(error("data-syntax", f"TOML syntax: {msg}; see docs/editorial-data.md",
                               str(p), line, col)) from None
    except RecursionError:
        raise InputError(error("data-syntax", "TOML nested too deeply (arrays or tables inside each other "
                               "hundreds of levels deep); a data file needs two levels at most",
                               str(p), 1, 1)) from None
    _check_characters(doc, text, str(p))
    return _build(doc, text, str(p))


def _check_characters(value: Any, text: str, path: str, depth: int = 0) -> None:
    """No string may hold a character XML cannot (a "\u0000" or "\u0007" escape): it could never be
    written into the TEI. Reported at the line where the escape is written."""
    if depth > MAX_DEPTH:
        raise InputError(error("data-syntax", f"TOML nested more than {MAX_DEPTH} levels deep; a data file "
                               "needs two levels at most", path, 1, 1))
    if isinstance(value, dict):
        for v in value.values():
            _check_characters(v, text, path, depth + 1)
    elif isinstance(value, list):
        for v in value:
            _check_characters(v, text, path, depth + 1)
    elif isinstance(value, str):
        bad = DATA_ILLEGAL.search(value)
        if bad:
            escape = ESCAPE_OF_ILLEGAL.search(text)
            line = text.count("\n", 0, escape.start()) + 1 if escape else 1
            col = escape.start() - text.rfind("\n", 0, escape.start()) if escape else 1
            raise InputError(error("data-value", f"a string holds the control character U+{ord(bad.group()):04X}, "
                                   "which XML cannot hold; remove the escape", path, line, col))


def _build(doc: dict, text: str, path: str) -> EditorialData:
    data = EditorialData(path=path)
    headers = _entry_lines(text)
    for key, value in doc.items():
        if key == "edition":
            _check_table(value, key, path, _line_of(text, "[edition]"))
            unknown = set(value) - EDITION_KEYS
            if unknown:
                raise InputError(error("data-unknown-key", f"[edition] has unknown key(s) {sorted(unknown)}; "
                                       f"known keys: {sorted(EDITION_KEYS)}", path, _line_of(text, "[edition]"), 1))
            data.edition = _edition_values(value, text, path)
        elif key == "front":
            _check_table(value, key, path, _line_of(text, "[front]"))
            blocks = value.get("blocks")
            if not isinstance(blocks, int) or blocks < 0:
                raise InputError(error("data-type", "[front] blocks must be a whole number ≥ 0",
                                       path, _line_of(text, "[front]"), 1))
            data.front_blocks = blocks
        elif key in ARRAY_TABLES:
            attr, cls, required = ARRAY_TABLES[key]
            if not isinstance(value, list):
                raise InputError(error("data-type", f"'{key}' must be an array of tables: write [[{key}]]",
                                       path, _line_of(text, key), 1))
            lines = headers.get(key, [])
            entries = getattr(data, attr)
            for i, item in enumerate(value, 1):
                line = lines[i - 1] if i <= len(lines) else 0
                entries.append(_entry(cls, key, i, line, item, required, path))
        else:
            known = ["edition", "front", *ARRAY_TABLES]
            raise InputError(error("data-unknown-table", f"unknown table '{key}'{_did_you_mean(key, known)}; "
                                   f"known: {', '.join(known)}", path, _line_of(text, key), 1))
    _check_ids(data, path)
    return data


EDITION_LISTS = {"editors", "source"}  # lists of strings; every other [edition] key is a string
DATE_KEYS = {"date", "birth", "death"}  # a TOML date or a year as a number is taken as its ISO string


def _as_date_string(value: Any) -> Any:
    import datetime

    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _edition_values(value: dict, text: str, path: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, v in value.items():
        line = _key_line(text, "[edition]", key)
        if key in DATE_KEYS:
            v = _as_date_string(v)
        if key in EDITION_LISTS:
            if isinstance(v, str):
                raise InputError(error("data-type", f"[edition] {key} must be a list of strings: write "
                                       f"{key} = [{v!r}]", path, line, 1))
            if not (isinstance(v, list) and all(isinstance(x, str) and x.strip() for x in v)):
                raise InputError(error("data-type", f"[edition] {key} must be a list of non-empty strings",
                                       path, line, 1))
        elif not isinstance(v, str):
            raise InputError(error("data-type", f"[edition] {key} must be a string in quotes, not "
                                   f"{type(v).__name__} ({key} = \"{v}\")", path, line, 1))
        if key == "url" and not WEB_URL.match(v):
            raise InputError(error("data-type", f"[edition] url must be an http(s) address without spaces, "
                                   f"not {v!r}", path, line, 1))
        out[key] = v
    return out


def _key_line(text: str, header: str, key: str) -> int:
    """The line where ``key = …`` is written under ``header`` (the header's line if not found)."""
    start = text.find(header)
    m = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=", re.MULTILINE).search(text, max(start, 0))
    return text.count("\n", 0, m.start()) + 1 if m else _line_of(text, header)


LEVELS = ("a", "m", "j", "s", "u")  # TEI title/@level: article, monograph, journal, series, unpublished


def _entry(cls: type, table: str, index: int, line: int, item: Any, required: tuple[str, ...], path: str):
    if not isinstance(item, dict):
        raise InputError(error("data-type", f"[[{table}]] #{index} must be a table", path, line, 1))
    names = {f.name: f for f in fields(cls)} 
    allowed = set(names) - {"table", "index", "line"}
    unknown = set(item) - allowed
    if unknown:
        first = sorted(unknown)[0]
        raise InputError(error("data-unknown-key", f"[[{table}]] #{index} has unknown key(s) {sorted(unknown)}"
                               f"{_did_you_mean(first, allowed)}; allowed: {sorted(allowed)}", path, line, 1))
    missing = [k for k in required if k not in item or item[k] in ("", None)]
    if missing:
        raise InputError(error("data-missing-key", f"[[{table}]] #{index} needs {', '.join(missing)}",
                               path, line, 1))
    item = {k: (_as_date_string(v) if k in DATE_KEYS else v) for k, v in item.items()}
    for k, v in item.items():
        default = names[k].default
        want = type(default) if default not in (None,) and not callable(default) else None
        if k in ("forms", "cited_as"):
            if not (isinstance(v, list) and all(isinstance(x, str) and x for x in v)):
                raise InputError(error("data-type", f"[[{table}]] #{index} {k} must be a list of non-empty strings",
                                       path, line, 1))
        elif k in ("note", ) and table in ("anchor", "quote"):
            if not isinstance(v, int) or v < 1:
                raise InputError(error("data-type", f"[[{table}]] #{index} note must be a note number ≥ 1",
                                       path, line, 1))
        elif want is not None and not isinstance(v, want):
            raise InputError(error("data-type", f"[[{table}]] #{index} {k} must be {want.__name__}, "
                                   f"not {type(v).__name__}", path, line, 1))
        elif want is None and not isinstance(v, str):
            raise InputError(error("data-type", f"[[{table}]] #{index} {k} must be a string in quotes, not "
                                   f"{type(v).__name__} ({k} = \"{v}\")", path, line, 1))
    if table == "correction" and not item.get("every") and not item.get("context"):
        raise InputError(error("data-missing-key", f"[[correction]] #{index} needs a context (or every = true)",
                               path, line, 1))
    if "level" in item and item["level"] not in LEVELS:
        raise InputError(error("data-value", f"[[{table}]] #{index} level must be one of {', '.join(LEVELS)} "
                               f"(m a book, a an article, j a journal), not {item['level']!r}", path, line, 1))
    if table == "quote" and not 1 <= item.get("paragraphs", 1) <= 200:
        raise InputError(error("data-value", f"[[quote]] #{index} paragraphs must be between 1 and 200",
                               path, line, 1))
    if table == "correction" and item.get("cert", "high") not in ("high", "medium", "low"):
        raise InputError(error("data-value", f"[[correction]] #{index} cert must be high, medium or low",
                               path, line, 1))
    values = {k: (str(v) if k in ("birth", "death", "date") and isinstance(v, int) else v) for k, v in item.items()}
    return cls(table=table, index=index, line=line, **values)


def _check_ids(data: EditorialData, path: str) -> None:
    seen: dict[str, int] = {}
    for entry in [*data.persons, *data.works]:
        if not ID_SHAPE.match(entry.id):
            raise InputError(error("data-id", f"[[{entry.table}]] id {entry.id!r} is not a valid xml:id "
                                   "(letters, digits, '-', '_', '.'; not starting with a digit)", path, entry.line, 1))
        if GENERATED_ID.match(entry.id):
            raise InputError(error("data-id-reserved", f"[[{entry.table}]] id {entry.id!r} has the shape of the ids "
                                   "lefort-tei gives to paragraphs, notes and corrections (letters then a number, "
                                   "or ed, notes, lefort-tei); choose a name such as 'louis-xiv'", path, entry.line, 1))
        if entry.id in seen:
            raise InputError(error("data-id-duplicate", f"id {entry.id!r} is used twice (first at line "
                                   f"{seen[entry.id]})", path, entry.line, 1))
        seen[entry.id] = entry.line
    persons = {p.id for p in data.persons}
    works = {w.id for w in data.works}
    for w in data.works:
        for attr in ("author", "translator", "editor"):
            ref = getattr(w, attr)
            if ref and ref not in persons:
                raise InputError(error("data-ref", f"[[work]] {w.id}: {attr} {ref!r} is not a [[person]] id",
                                       path, w.line, 1))
    for t in data.titles:
        if t.work and t.work not in works:
            raise InputError(error("data-ref", f"[[title]] #{t.index}: work {t.work!r} is not a [[work]] id",
                                   path, t.line, 1))
    ref = data.edition.get("author_ref")
    if ref and ref not in persons:
        raise InputError(error("data-ref", f"[edition] author_ref {ref!r} is not a [[person]] id",
                               path, _line_of_any(data), 1))


def _check_table(value: Any, key: str, path: str, line: int) -> None:
    if not isinstance(value, dict):
        raise InputError(error("data-type", f"'{key}' must be a table: write [{key}]", path, line, 1))


# "[[correction]]" at the start of a line, possibly indented
ARRAY_HEADER = re.compile(r"^[ \t]*\[\[\s*(?P<name>[A-Za-z_]+)\s*\]\]", re.MULTILINE)


def _entry_lines(text: str) -> dict[str, list[int]]:
    lines: dict[str, list[int]] = {}
    line, counted = 1, 0  # newlines counted from the previous header on: linear in the file
    for m in ARRAY_HEADER.finditer(text):
        line += text.count("\n", counted, m.start())
        counted = m.start()
        lines.setdefault(m["name"], []).append(line)
    return lines


def _did_you_mean(word: str, known) -> str:
    """" (did you mean 'correction'?)" for a near miss, else nothing."""
    close = difflib.get_close_matches(word, sorted(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _line_of(text: str, needle: str) -> int:
    i = text.find(needle)
    return text.count("\n", 0, i) + 1 if i >= 0 else 1


def _line_of_any(data: EditorialData) -> int:
    return 1
