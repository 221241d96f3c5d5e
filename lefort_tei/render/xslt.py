"""The XSLT 3.0 views of a TEI edition, through saxonche, each stylesheet compiled once per process.

In: a TEI file (path) or its bytes, a view (``diplomatic``, ``reading``, or any ``xslt/NAME.xsl``),
optionally a fragment (``text``, ``persons``, ``works``, ``notes``, ``corrections``, ``about``) and link parameters.
Out: an HTML fragment string. A stylesheet that stops (an unknown TEI element) raises
``EditionError`` with the stylesheet's message; a stylesheet that does not compile raises ``ToolError``.
"""

from __future__ import annotations

import threading
from pathlib import Path

from ..diagnostics import EditionError, ToolError, error
from ..resources import XSLT_DIR

VIEWS = ("diplomatic", "reading")
# Fragments other than the text are modes of the stylesheet (xslt/common/registers.xsl).
FRAGMENTS = ("text", "persons", "works", "notes", "corrections", "about")
PARAMETERS = ("id-prefix", "text-page", "notes-page", "persons-page", "works-page", "corrections-page", "edition-url")

_LOCK = threading.RLock()
_PROCESSOR = None  # one PySaxonProcessor per process: saxonche does not like several


def processor():
    """The process's one Saxon processor (created on first use)."""
    global _PROCESSOR
    with _LOCK:
        if _PROCESSOR is None:
            from saxonche import PySaxonProcessor

            _PROCESSOR = PySaxonProcessor(license=False)
        return _PROCESSOR


class Stylesheets:
    """Compiled stylesheets of ``xslt_dir``, compiled on first use and kept for the process."""

    _compiled: dict[Path, object] = {}  # shared by every instance: compile once per process
    _modes: dict[tuple[Path, str], object] = {}  # a clone of a compiled stylesheet per initial mode

    def __init__(self, xslt_dir: str | Path = XSLT_DIR):
        self.xslt_dir = Path(xslt_dir)

    def executable(self, view: str):
        path = (self.xslt_dir / f"{view}.xsl").resolve()
        with _LOCK:
            if path not in self._compiled:
                self._compiled[path] = self._compile(path)
            return self._compiled[path]

    def _executable_for(self, view: str, fragment: str):
        """The compiled stylesheet, or its clone whose initial mode gives ``fragment``."""
        executable = self.executable(view)
        if fragment == "text":
            return executable
        key = ((self.xslt_dir / f"{view}.xsl").resolve(), fragment)
        with _LOCK:
            if key not in self._modes:
                clone = executable.clone()
                clone.set_initial_mode(fragment)
                clone.set_save_xsl_message(True)
                self._modes[key] = clone
            return self._modes[key]

    def _compile(self, path: Path):
        if not path.is_file():
            raise ToolError(error("xslt-missing", f"no stylesheet {path.name} in {path.parent}", str(path)))
        compiler = processor().new_xslt30_processor()
        try:
            executable = compiler.compile_stylesheet(stylesheet_file=str(path))
        except Exception as exc:  # saxonche raises PySaxonApiError, with Saxon's message
            raise ToolError(error("xslt-compile", f"the stylesheet does not compile: {exc}", str(path))) from exc
        executable.set_save_xsl_message(True)  # keep xsl:message text for the diagnostic, off stderr
        return executable

    def parse(self, tei: str | Path | bytes, path_hint: str = ""):
        """The TEI as a Saxon document, to transform several times without parsing it again."""
        where = path_hint or (str(tei) if not isinstance(tei, bytes) else "<bytes>")
        proc = processor()
        with _LOCK:
            try:
                return (proc.parse_xml(xml_text=tei.decode("utf-8")) if isinstance(tei, bytes)
                        else proc.parse_xml(xml_file_name=str(tei)))
            except Exception as exc:
                raise EditionError(error("xslt-input", f"not well-formed XML: {exc}", where)) from exc

    def transform(self, tei, view: str, fragment: str = "text",
                  params: dict[str, str] | None = None, path_hint: str = "") -> str:
        """One view (or register fragment) of one TEI document, as an HTML fragment string.

        ``tei`` is a path, bytes, or a document from ``parse`` (parsed once, transformed often)."""
        if fragment not in FRAGMENTS:
            raise ValueError(f"unknown fragment {fragment!r}; one of {', '.join(FRAGMENTS)}")
        unknown = set(params or {}) - set(PARAMETERS)
        if unknown:
            raise ValueError(f"unknown stylesheet parameters: {', '.join(sorted(unknown))}")
        executable = self._executable_for(view, fragment)
        proc = processor()
        where = path_hint or (str(tei) if not isinstance(tei, bytes) else "<bytes>")
        doc = self.parse(tei, where) if isinstance(tei, (str, Path, bytes)) else tei
        with _LOCK:  # an executable holds its parameters: one transformation at a time
            executable.clear_parameters()
            executable.clear_xsl_messages()
            for name, value in (params or {}).items():
                executable.set_parameter(name, proc.make_string_value(value))
            try:
                if fragment == "text":
                    return executable.transform_to_string(xdm_node=doc)
                executable.set_initial_match_selection(xdm_value=doc)
                return executable.apply_templates_returning_string()
            except Exception as exc:
                raise EditionError(error("xslt-failed", f"the {view} view stopped: {_message(executable, exc)}",
                                         where)) from exc


def _message(executable, exc: Exception) -> str:
    """The stylesheet's own words (its xsl:message), else Saxon's."""
    messages = executable.get_xsl_messages()
    text = str(messages) if messages is not None and messages.size else str(exc)
    return " ".join(text.split())
