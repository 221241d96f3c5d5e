"""Convert every corpus text (no data file) and every text fixture under tests/, export each in
every format, validate the TEI Lite and simplePrint flavours against the official schemas and
print the errors grouped by kind.

    .venv/bin/python scripts/check_exports.py [--corpus ../shared/corpus] [--tei ../shared/tei]

A "kind" is the schema's message with the element and attribute names kept and the values
dropped, so that one missing mapping shows as one line with the files it hits. Exit 1 when any
export is invalid or crashes.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lefort_tei.exports import FORMATS, export  # noqa: E402
from lefort_tei.pipeline import convert  # noqa: E402
from lefort_tei.validate import jing  # noqa: E402

FLAVOURS = {"tei-lite": "tei_lite.rng", "simple-print": "tei_simplePrint.rng"}
# A quoted value in a schema message, e.g. the "indent" of 'Element quote, attribute rend: "indent"'.
QUOTED_VALUE = re.compile(r"""(?P<quoted>'[^']*'|"[^"]*")""")
# A line number in a message, e.g. "line 12".
LINE_NUMBER = re.compile(r"(?P<line>line \d+)")


def kind(message: str) -> str:
    return LINE_NUMBER.sub("line N", message)


def sources(corpus: Path) -> list[tuple[str, Path]]:
    found = [(f"corpus/{p.name}", p) for p in sorted(corpus.glob("*.txt"))] if corpus.is_dir() else []
    found += [(str(p.relative_to(ROOT)), p) for p in sorted((ROOT / "tests").rglob("*.txt"))
              if "node_modules" not in p.parts]
    # hand-made TEI samples (every element of the apparatus) and golden TEI: exported as they are
    found += [(str(p.relative_to(ROOT)), p) for p in sorted((ROOT / "tests" / "validate" / "good").glob("*.xml"))]
    found += [(str(p.relative_to(ROOT)), p) for p in sorted((ROOT / "tests" / "golden").glob("*.xml"))]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--tei", type=Path, default=ROOT.parent / "shared" / "tei")
    parser.add_argument("--only", default="", help="only sources whose name contains this")
    args = parser.parse_args(argv)
    use_jing = jing.available()  # every error, with element names; lxml stops at the first
    schemas = {f: None if use_jing else etree.RelaxNG(etree.parse(str(args.tei / rng))) for f, rng in FLAVOURS.items()}
    written: dict[str, dict[str, str]] = defaultdict(dict)  # flavour → export path → source name
    errors: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    crashes: list[str] = []
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        for number, (name, path) in enumerate(sources(args.corpus)):
            if args.only not in name:
                continue
            tei = Path(tmp) / f"{number:03d}-{path.stem}.xml"  # two sources may share a name
            if path.suffix == ".xml":
                tei.write_bytes(path.read_bytes())
            else:
                try:
                    converted = convert(path, None, None, use_default_data=not name.startswith("corpus/"))
                except Exception as exc:  # a text the reader cannot convert is reported, not fatal here
                    crashes.append(f"{name}: convert: {type(exc).__name__}: {exc}")
                    continue
                tei.write_bytes(converted.encoded.data)
            for to in FORMATS:
                try:
                    data = export(tei, to)
                except Exception as exc:
                    crashes.append(f"{name}: {to}: {type(exc).__name__}: {exc}")
                    continue
                if to in schemas:
                    checked += 1
                    rng = schemas[to]
                    if rng is None:
                        out = tei.with_suffix(f".{to}.xml")
                        out.write_bytes(data)
                        written[to][str(out)] = name
                    elif not rng.validate(etree.ElementTree(etree.fromstring(data))):
                        for e in rng.error_log:
                            errors[(to, kind(e.message))][name] += 1
        for to, paths in written.items():
            found = jing.validate_with_jing(str(args.tei / FLAVOURS[to]), list(paths), code=to)
            for out, diagnostics in found.items():
                for d in diagnostics:
                    errors[(to, kind(d.message))][paths[out]] += 1
    for (to, message), files in sorted(errors.items()):
        total = sum(files.values())
        print(f"[{to}] {total:4d}  {message}")
        print("        " + ", ".join(f"{f} ({n})" for f, n in sorted(files.items())))
    for crash in crashes:
        print("[crash]", crash)
    print(f"{checked} TEI exports checked; {len(errors)} kinds of error; {len(crashes)} crashes")
    return 1 if errors or crashes else 0


if __name__ == "__main__":
    sys.exit(main())
