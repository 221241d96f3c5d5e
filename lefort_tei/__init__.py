"""lefort-tei: plain-text OCR'd essays → validated TEI P5 editions, web and print.

The data path (see README "Design"): read → annotate → encode → validate → publish.

The public API (each function imports what it needs when called, so ``import lefort_tei`` is
cheap; errors are ``lefort_tei.LefortError`` with ``.diagnostics``)::

    import lefort_tei

    tei = lefort_tei.convert("essay.txt", "tei/essay.xml")  # validated, lossless, written
    tei = lefort_tei.convert_text("Title\\n\\nA paragraph.\\n")  # TEI bytes, nothing written
    problems = lefort_tei.validate_tei("tei/essay.xml")        # [] when valid
    lefort_tei.view("tei/essay.xml", "reading")                 # the corrected text (str)
    lefort_tei.write_site(["tei/essay.xml"], "build/site")     # the static web edition
    lefort_tei.write_pdf("tei/essay.xml", "essay.pdf")          # the print edition
    lefort_tei.export("tei/essay.xml", "markdown")              # an export (bytes), see exports
"""

from __future__ import annotations

from pathlib import Path

from .diagnostics import Diagnostic, LefortError

__version__ = "0.1.0"

__all__ = ["Diagnostic", "LefortError", "__version__", "convert", "convert_text", "export", "validate_tei", "view",
           "write_pdf", "write_site"]


def convert(text: str | Path, output: str | Path | None = None, data: str | Path | None = None,
            use_data: bool = True) -> bytes:
    """Convert a plain-text file to TEI and return its bytes; with ``output``, also validate it
    and write it there (atomically; an invalid edition raises and writes nothing). ``data`` is
    the editorial data file (default: the text's ``.toml`` beside it, unless ``use_data`` is False)."""
    from .pipeline import convert as _convert, write_tei

    converted = _convert(text, data, output, use_default_data=use_data)
    if output is not None:
        write_tei(converted, output)
    return converted.encoded.data


def convert_text(text: str, data: str | Path | None = None, name: str = "text.txt") -> bytes:
    """Convert a text given as a string to TEI bytes (lossless, not written, no schema links);
    ``name`` stands for its file name (the edition's id comes from its stem)."""
    from .pipeline import convert_string

    return convert_string(text, data, name).encoded.data


def validate_tei(tei: str | Path, tei_all: str | Path | None = None) -> list[Diagnostic]:
    """(Not ``validate``: that name is the ``lefort_tei.validate`` subpackage.)

    Every problem of a TEI file against our RelaxNG and Schematron (and TEI All when
    ``tei_all`` is the path of tei_all.rng); an empty list means valid."""
    from .validate import validate_tree
    from .validate.safe import read_and_parse

    try:
        data, tree = read_and_parse(str(tei))
    except LefortError as exc:  # unreadable, malformed, not TEI: those are the problems
        return exc.diagnostics
    return validate_tree(data, tree, str(tei), tei_all=str(tei_all) if tei_all else None)


def view(tei: str | Path, which: str = "reading") -> str:
    """The plain text of an edition's ``"diplomatic"`` view (the source, character for character)
    or ``"reading"`` view (as the editor corrected it)."""
    from .plaintext import view_text
    from .validate import parse_tei

    if which not in ("diplomatic", "reading"):
        raise ValueError(f"view must be 'diplomatic' or 'reading', not {which!r}")
    return view_text(parse_tei(tei), which)


def write_site(tei_files: list[str | Path], site_dir: str | Path,
               pdf_links: dict[str, str] | None = None) -> list[Path]:
    """Publish TEI files as a static web edition in ``site_dir``; returns the files written."""
    from .render.site import build_site

    # absolute paths: Saxon resolves a relative one against the directory current when its
    # processor started, which a long-running caller may have left since
    return build_site([Path(p).resolve() for p in tei_files], Path(site_dir).resolve(), pdf_links)


def write_pdf(tei: str | Path, pdf: str | Path, view: str = "reading") -> Path:
    """Typeset an edition's ``"reading"`` or ``"diplomatic"`` view as a PDF at ``pdf``."""
    from .render.pdf import render_pdf

    return render_pdf(Path(tei).resolve(), Path(pdf).resolve(), view)


def export(tei: str | Path, to: str) -> bytes:
    """One export of an edition (``to``: a name of ``lefort_tei.exports.FORMATS``) as bytes."""
    from .exports import export as _export

    return _export(Path(tei), to)
