"""How long the print edition takes, and what it weighs: the seed typeset in both views.

In: the seed (converted now, so the latest apparatus is in) or a TEI file given as argument.
Out: a Markdown table on standard output: per view, pages, bytes, layout passes, and the median
seconds of the whole (CPU and wall) and of each stage (XSLT, WeasyPrint layout, PDF writing; wall) over RUNS runs,
the first (stylesheet compilation, font loading) reported apart. It is not a test: nothing fails.
Usage: python3 bench/pdf_timing.py [--runs 3] [TEI]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "lefort-contradiction-of-trotsky.txt"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tei", nargs="?", help="a TEI file (default: the seed, converted now)")
    parser.add_argument("--runs", type=int, default=3, help="warm runs per view (default 3)")
    args = parser.parse_args(argv)

    from lefort_tei.pipeline import convert
    from lefort_tei.render.pdf import VIEWS, typeset_pdf

    with tempfile.TemporaryDirectory() as tmp:
        tei = Path(args.tei) if args.tei else Path(tmp) / f"{SEED.stem}.xml"
        if not args.tei:
            tei.write_bytes(convert(SEED).encoded.data)
        rows = []
        for view in VIEWS:
            first = typeset_pdf(tei, view)
            warm, cpu = [], []
            for _ in range(args.runs):
                began = time.process_time()
                warm.append(typeset_pdf(tei, view))
                cpu.append(time.process_time() - began)
            if any(w.data != first.data for w in warm):
                print(f"warning: the {view} PDF differs from one run to the next", file=sys.stderr)

            def median(stage: str) -> float:
                return statistics.median(w.stage_seconds.get(stage, 0.0) for w in warm)

            rows.append(f"| {view} | {first.pages} | {len(first.data):,} | {first.layouts} | {first.seconds:.2f} | "
                        f"{statistics.median(cpu):.2f} | {statistics.median(w.seconds for w in warm):.2f} | {median('xslt'):.2f} | "
                        f"{median('layout'):.2f} | {median('write'):.2f} |")
    print(f"### The print edition of {tei.name if args.tei else SEED.name} ({args.runs} warm runs, medians)\n")
    print("| view | pages | bytes | layout passes | first run s | warm CPU s | warm s | XSLT s | layout s (all passes) "
          "| write s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
