"""The command line: parse arguments → call the pipeline → print diagnostics → exit code.

In: ``argv``. Out: an exit code (the table is in ``diagnostics.py`` and the README). Each command
lives in ``lefort_tei/commands/NAME.py`` with ``HELP``, ``EXAMPLES``, ``register(parser)`` and
``run(args) -> int``; adding a command is one line in ``COMMANDS``. A command's module is imported
only when that command runs (or when the overview of all commands is printed), so ``--version``
and one command's start do not pay for the others' imports.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import traceback

from . import __version__
from .diagnostics import EXIT_INTERNAL, EXIT_USAGE, Diagnostic, LefortError

COMMANDS = ("convert", "text", "build", "suggest", "validate", "pdf", "site", "export", "eval", "bench")

DESCRIPTION = """\
Turn a plain-text, OCR'd scholarly essay into a validated TEI P5 edition with a diplomatic
view (the source exactly as it stands) and a reading view (the text as the editor corrected it),
published as a static web edition and a PDF.

Typical session:
  lefort-tei convert seeds/essay.txt -o tei/essay.xml   # one text → TEI (validated, lossless)
  lefort-tei text --view diplomatic tei/essay.xml       # prove nothing was lost
  lefort-tei build                                      # every text in seeds/ → tei/, site, PDF

Exit codes: 0 ok · 1 the edition has problems · 2 bad usage or input · 3 an external tool failed
· 70 internal error. Run 'lefort-tei COMMAND --help' for a command's options and examples."""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    pass


def commands_needed(argv: list[str]) -> tuple[str, ...]:
    """The command modules parsing ``argv`` needs: the named command's, all of them for the overview
    (``lefort-tei``, ``lefort-tei --help``), none for ``--version`` or a command that does not exist."""
    for arg in argv:
        if arg in ("-h", "--help"):
            return COMMANDS
        if arg == "--version":
            return ()
        if not arg.startswith("-"):
            return (arg,) if arg in COMMANDS else ()
    return COMMANDS


def build_parser(needed: tuple[str, ...] = COMMANDS) -> argparse.ArgumentParser:
    """The parser; the commands not in ``needed`` get a bare sub-parser (a name argparse can offer,
    never run nor described), so their modules are not imported."""
    parser = argparse.ArgumentParser(prog="lefort-tei", description=DESCRIPTION, formatter_class=_Formatter)
    parser.add_argument("--version", action="version", version=f"lefort-tei {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        if name not in needed:
            sub.add_parser(name)
            continue
        module = importlib.import_module(f".commands.{name}", __package__)
        cmd = sub.add_parser(name, help=module.HELP, description=f"{module.HELP}\n\n{module.EXAMPLES}",
                             formatter_class=_Formatter)
        cmd.add_argument("--format", choices=("text", "json"), default="text",
                         help="how to print diagnostics: text lines (default) or JSON lines for tools")
        cmd.add_argument("-q", "--quiet", action="store_true", help="print errors only")
        module.register(cmd)
        cmd.set_defaults(run=module.run)
    return parser


def print_diagnostics(diagnostics: list[Diagnostic], fmt: str = "text", quiet: bool = False) -> None:
    for d in diagnostics:
        if quiet and d.level != "error":
            continue
        if fmt == "json":
            print(json.dumps(d.as_json(), ensure_ascii=False), file=sys.stderr)
        else:
            print(d.format(), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(commands_needed(argv))
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.run(args)
    except LefortError as exc:
        print_diagnostics(exc.diagnostics, args.format)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a fault of the system no command anticipated: say where, not a traceback
        from .io import output_error

        failure = output_error(exc.filename or "", exc, "use this file", "")
        print_diagnostics(failure.diagnostics, args.format)
        return failure.exit_code
    except Exception:  # noqa: BLE001 - the last line of defence: say it is our bug
        traceback.print_exc()
        print("lefort-tei: internal error (a bug): please report it with the traceback above",
              file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
