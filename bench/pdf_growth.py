"""The print edition with the text's length: CPU seconds, layouts and memory of both PDFs.

In: sizes (factors of the seed's length, texts made by ``seed_copies.py``; default 1 4 16) and the
seed itself with its full data file ("seed"). Out: a Markdown table on standard output: per text,
its pages, the median CPU seconds of the reading and the diplomatic PDF (``typeset_pdf``: XSLT,
layouts, index, writing), the layouts each took, the diplomatic/reading ratio, the peak RSS of the
process, and each size's cost relative to the seed's (1x) reading PDF, all from the same run.
Each text is typeset in a fresh process (so its peak memory is its own), after a warm-up typeset
of the seed (fonts, stylesheets). CPU time (``time.process_time``) is judged: the machine is shared
and wall time follows its load. It is not a test: nothing fails.
Usage: nice -n 10 python3 bench/pdf_growth.py [--sizes 1 4 16] [--runs 3] [--runs-big 1]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import seed_copies as scale  # noqa: E402

TARGETS = ("4x reading ≤ 5.5 × 1x reading; 16x under 120 s CPU and 1 GB; diplomatic ≤ 1.5 × reading")


def measure_one(text: Path, runs: int) -> dict:
    """Median CPU and wall seconds, pages and layouts of each view's PDF of ``text``, and peak MB."""
    from lefort_tei.pipeline import convert
    from lefort_tei.render.pdf import VIEWS, typeset_pdf

    with tempfile.TemporaryDirectory() as tmp:
        seed = Path(tmp) / "warm-up.xml"
        seed.write_bytes(convert(scale.SEED).encoded.data)
        typeset_pdf(seed, "reading")  # fonts, stylesheets
        tei = Path(tmp) / f"{text.stem}.xml"
        tei.write_bytes(convert(text).encoded.data)
        out: dict = {}
        for view in VIEWS:
            cpu, wall = [], []
            for _ in range(runs):
                began, began_wall = time.process_time(), time.perf_counter()
                typeset = typeset_pdf(tei, view)
                cpu.append(time.process_time() - began)
                wall.append(time.perf_counter() - began_wall)
            out[view] = {"cpu": statistics.median(cpu), "wall": statistics.median(wall), "pages": typeset.pages,
                         "layouts": typeset.layouts, "stages": typeset.stage_seconds, "warnings": len(typeset.warnings)}
    out["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--runs", type=int, default=3, help="runs per view up to 4x (default 3)")
    parser.add_argument("--runs-big", type=int, default=1, help="runs per view above 4x (default 1)")
    parser.add_argument("--no-seed", action="store_true", help="leave out the seed with its full data file")
    parser.add_argument("--one", nargs=2, metavar=("TEXT", "RUNS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:  # the child process of one text
        print(json.dumps(measure_one(Path(args.one[0]), int(args.one[1]))))
        return 0
    started = time.perf_counter()
    rows: list[tuple[str, dict]] = []
    with tempfile.TemporaryDirectory() as tmp:
        texts = ([] if args.no_seed else [("seed (full data file)", scale.SEED, args.runs)]) + [
            (f"{size}x", scale.write_scaled(Path(tmp), size), args.runs if size <= 4 else args.runs_big)
            for size in args.sizes]
        for label, text, runs in texts:
            child = subprocess.run([sys.executable, __file__, "--one", str(text), str(runs)],
                                   capture_output=True, text=True)
            if child.returncode:
                print(f"{label}: the run failed:\n{child.stderr[-2000:]}", file=sys.stderr)
                continue
            rows.append((label, json.loads(child.stdout.strip().splitlines()[-1])))
            print(f"{label} done ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    print(report(rows))
    print(f"\n(run: {time.perf_counter() - started:.0f} s; load average at the end {_load()}; "
          f"command: python3 bench/pdf_growth.py {' '.join(sys.argv[1:])})")
    return 0


def report(rows: list[tuple[str, dict]]) -> str:
    base = next((r["reading"]["cpu"] for label, r in rows if label == "1x"), None)
    lines = ["| text | pages (reading) | reading CPU s (wall) | layouts | diplomatic CPU s (wall) | layouts "
             "| diplomatic / reading | reading / 1x reading | peak MB |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for label, r in rows:
        reading, diplomatic = r["reading"], r["diplomatic"]
        ratio = f"{reading['cpu'] / base:.2f}" if base else "–"
        lines.append(f"| {label} | {reading['pages']} | {reading['cpu']:.1f} ({reading['wall']:.1f}) | "
                     f"{reading['layouts']} | {diplomatic['cpu']:.1f} ({diplomatic['wall']:.1f}) | "
                     f"{diplomatic['layouts']} | {diplomatic['cpu'] / reading['cpu']:.2f} | {ratio} | "
                     f"{r['peak MB']:.0f} |")
    lines.append(f"\nTargets: {TARGETS}.")
    return "\n".join(lines)


def _load() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


if __name__ == "__main__":
    sys.exit(main())
