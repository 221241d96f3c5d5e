"""The data path, one function per command: read → annotate → encode → check → write.

In: paths. Out: written files and the diagnostics collected on the way. The library raises typed
errors (``LefortError``); only ``cli.py`` prints and chooses exit codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .annotate import annotate
from .data import data_path_for, load_data
from .diagnostics import Diagnostic, EditionError, error
from .encode import Encoded, encode
from .io import write_atomic
from .plaintext import fold_whitespace, view_text
from .read import read_document
from .read.source import decode_source, read_source
from .resources import schema_hrefs


@dataclass(slots=True)
class Converted:
    source_path: str
    data_path: str | None
    encoded: Encoded
    diagnostics: list[Diagnostic] = field(default_factory=list)


def convert(text_path: str | Path, data_path: str | Path | None = None, out_path: str | Path | None = None,
            use_default_data: bool = True) -> Converted:
    """Convert one text to TEI bytes (not yet written); raises on bad input or a lossy result."""
    source, diags = read_source(text_path)
    if data_path is None and use_default_data and data_path_for(text_path).exists():
        data_path = data_path_for(text_path)
    if data_path is None:
        diags.append(Diagnostic("info", "data-none", "no editorial data file: general rules only; start one with "
                                f"'lefort-tei suggest corrections {text_path}' (format: docs/editorial-data.md)",
                                str(text_path)))
    return _convert_source(source, diags, data_path, out_path)


def convert_string(text: str, data_path: str | Path | None = None, name: str = "text.txt",
                   out_path: str | Path | None = None) -> Converted:
    """Convert a text given as a string; ``name`` stands for its file name (in diagnostics, the
    header's ``idno`` and the edition's ``xml:id``, from its stem). As ``convert`` otherwise."""
    source, diags = decode_source(text.encode("utf-8"), name)
    return _convert_source(source, diags, data_path, out_path)


def _convert_source(source, diags: list[Diagnostic], data_path: str | Path | None,
                    out_path: str | Path | None) -> Converted:
    data = load_data(data_path)
    doc, read_diags = read_document(source, data)
    diags += read_diags
    diags += annotate(doc, data)
    rng, sch = _schema_hrefs(out_path)
    if out_path is not None and rng is None:
        diags.append(Diagnostic("info", "schema-link-none", "no schemas/ folder holding lefort-tei.rng here or "
                                "above: the TEI names no schema (xml-model); 'lefort-tei build' writes one into "
                                "the edition folder", str(out_path)))
    encoded = encode(doc, rng, sch)
    check_lossless(encoded, source.text, source.path)
    return Converted(source.path, str(data_path) if data_path else None, encoded, diags)


def check_lossless(encoded: Encoded, source_text: str, path: str) -> None:
    """The black-style safety check: the diplomatic text must equal the source."""
    diplomatic = fold_whitespace(view_text(encoded.root, "diplomatic"))
    original = fold_whitespace(source_text)
    if diplomatic != original:
        at = next((i for i, (a, b) in enumerate(zip(diplomatic, original)) if a != b), min(len(diplomatic), len(original)))
        raise EditionError(error("lossy", f"the diplomatic text differs from the source near "
                                 f"{original[max(0, at - 30):at + 30]!r}; this is a bug in lefort-tei, please report it",
                                 path, 1, 1))


def write_tei(converted: Converted, out_path: str | Path) -> list[Diagnostic]:
    """Validate, then write atomically: a good file is never replaced by an invalid or partial one.

    Returns the validation warnings (editorial completeness: a note without an anchor, a citation
    whose work is unknown), which do not stop the write."""
    from .validate import validate_bytes

    found = validate_bytes(converted.encoded.data, str(out_path), converted.encoded.id_spans, converted.source_path)
    problems = [d for d in found if d.level == "error"]
    if problems:
        raise EditionError(*problems)
    write_atomic(out_path, converted.encoded.data)
    return [d for d in found if d.level != "error"]


def _schema_hrefs(out_path: str | Path | None) -> tuple[str | None, str | None]:
    """Relative links from the TEI file to the ``schemas/`` of its edition folder, for editors that
    honour xml-model (none when the TEI is printed, or when no folder above it carries schemas/)."""
    if out_path is None:
        return None, None
    return schema_hrefs(out_path)


def tei_path_for(text_path: str | Path, tei_dir: str | Path) -> Path:
    return Path(tei_dir) / (Path(text_path).stem + ".xml")


def seed_texts(seeds_dir: str | Path) -> list[Path]:
    return sorted(p for p in Path(seeds_dir).glob("*.txt") if p.is_file())
