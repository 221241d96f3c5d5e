"""Diagnostics (what went wrong, where, what to do) and the typed errors the library raises.

In: a level, a stable code, a message and a position. Out: ``path:line:col: level: message [code]``
lines, or JSON objects for tools. Only ``cli.py`` prints them and turns errors into exit codes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

# Exit codes, in one table (also in the README).
EXIT_OK = 0
EXIT_EDITION = 1  # the edition has problems (invalid TEI, a text that failed in a corpus build)
EXIT_USAGE = 2  # bad usage or bad input (unreadable file, not text, bad data file)
EXIT_TOOL = 3  # an external tool failed (a browser, a PDF engine, a validator that crashed)
EXIT_INTERNAL = 70  # a bug in lefort-tei


@dataclass(frozen=True, slots=True)
class Diagnostic:
    level: str  # "error" | "warning" | "info"
    code: str  # stable, e.g. "anchor-dangling", "data-context-missing"
    message: str
    path: str = ""
    line: int = 0
    col: int = 0
    source: str = ""  # where the element came from in the source text ("seeds/x.txt:142:1")

    def format(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}:{self.col or 1}"
        text = f"{where}: {self.level}: {self.message} [{self.code}]" if where else (
            f"{self.level}: {self.message} [{self.code}]"
        )
        if self.source:
            text += f" (source {self.source})"
        return text

    def as_json(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v not in ("", 0)}


class LefortError(Exception):
    """Base of the errors the library raises; carries diagnostics and an exit code."""

    exit_code = EXIT_INTERNAL

    def __init__(self, *diagnostics: Diagnostic):
        self.diagnostics = list(diagnostics)
        super().__init__("; ".join(d.format() for d in diagnostics))


class InputError(LefortError):
    """The input cannot be used: unreadable, not text, a bad data file, bad usage."""

    exit_code = EXIT_USAGE


class EditionError(LefortError):
    """The edition has problems: the TEI would be invalid, a note cannot be linked…"""

    exit_code = EXIT_EDITION


class ToolError(LefortError):
    """An external tool (browser, PDF engine, validator) failed."""

    exit_code = EXIT_TOOL


class OutputError(LefortError):
    """An output cannot be written: a read-only folder or no permission (exit 2, the place is wrong),
    a full disk or an I/O fault (exit 3, the system failed). The previous file, if any, is kept."""

    exit_code = EXIT_TOOL

    def __init__(self, *diagnostics: Diagnostic, exit_code: int = EXIT_TOOL):
        super().__init__(*diagnostics)
        self.exit_code = exit_code


def error(code: str, message: str, path: str = "", line: int = 0, col: int = 0) -> Diagnostic:
    return Diagnostic("error", code, message, path, line, col)


def warning(code: str, message: str, path: str = "", line: int = 0, col: int = 0) -> Diagnostic:
    return Diagnostic("warning", code, message, path, line, col)
