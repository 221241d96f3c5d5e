"""How each stage grows with the text's length: CPU seconds on 1×, 4×, 16× and 64× the seed.

In: sizes (factors of the seed's length; texts made by ``seed_copies.py``). Out: a Markdown table on
standard output: per stage, the median CPU seconds (and wall seconds) at each size, the growth
exponent between consecutive sizes (log of the time ratio over log of the size ratio) and the
exponent fitted by least squares over all sizes, judged against 1.1 (linear, give or take).
Each size runs in a fresh process (so its peak memory is its own), after a warm-up on the seed that
compiles the schemas and stylesheets; CPU time (``time.process_time``: all threads, Saxon's and
WeasyPrint's included) is what is judged, since wall time follows the machine's load.
It is not a test: nothing fails. ``--pdf-max`` bounds the sizes typeset (the PDF of 64× is a
1,600-page book). Usage: python3 bench/growth.py [--sizes 1 4 16 64] [--runs 3] [--pdf-max 16]
"""

from __future__ import annotations

import argparse
import json
import math
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

TARGET_EXPONENT = 1.1
STAGES = ("read", "annotate", "encode", "lossless check", "validate", "view: reading", "view: diplomatic",
          "site pages (one text)", "PDF: reading", "PDF: diplomatic")


def measure_one(text: Path, runs: int, pdf: bool) -> dict:
    """Each stage's median CPU and wall seconds on ``text`` (in this process), and the peak RSS."""
    from lefort_tei.annotate import annotate
    from lefort_tei.data import data_path_for, load_data
    from lefort_tei.encode import encode
    from lefort_tei.pipeline import _schema_hrefs, check_lossless
    from lefort_tei.read import read_document
    from lefort_tei.read.source import read_source
    from lefort_tei.render.pdf import typeset_pdf
    from lefort_tei.render.site import build_site
    from lefort_tei.render.xslt import Stylesheets
    from lefort_tei.validate import validate_bytes

    work = Path(tempfile.mkdtemp(prefix="lefort-growth-"))

    def one_run(path: Path, with_pdf: bool) -> dict[str, tuple[float, float]]:
        t: dict[str, tuple[float, float]] = {}

        def timed(stage, fn):
            c, w = time.process_time(), time.perf_counter()
            value = fn()
            t[stage] = (time.process_time() - c, time.perf_counter() - w)
            return value

        def read():  # decode, data file, blocks, anchors
            source, _ = read_source(path)
            data = load_data(data_path_for(path))
            return source, data, read_document(source, data)[0]

        source, data, doc = timed("read", read)
        timed("annotate", lambda: annotate(doc, data))
        tei = work / f"{path.stem}.xml"
        encoded = timed("encode", lambda: encode(doc, *_schema_hrefs(tei)))
        timed("lossless check", lambda: check_lossless(encoded, source.text, str(path)))
        timed("validate", lambda: validate_bytes(encoded.data, str(tei), encoded.id_spans, str(path)))
        tei.write_bytes(encoded.data)
        sheets = Stylesheets()
        for view in ("reading", "diplomatic"):
            timed(f"view: {view}", lambda: sheets.transform(tei, view))
        timed("site pages (one text)", lambda: build_site([tei], work / "site", None))
        if with_pdf:
            for view in ("reading", "diplomatic"):
                typeset = timed(f"PDF: {view}", lambda: typeset_pdf(tei, view))
                t[f"PDF: {view} pages"] = (typeset.pages, typeset.layouts)
        return t

    one_run(scale.SEED, pdf)  # warm-up: schemas, stylesheets, fonts
    results = [one_run(text, pdf) for _ in range(runs)]
    out = {stage: [statistics.median(r[stage][0] for r in results), statistics.median(r[stage][1] for r in results)]
           for stage in results[0]}
    out["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def exponent(sizes: list[int], seconds: list[float]) -> float:
    """The least-squares slope of log(seconds) on log(size)."""
    xs, ys = [math.log(s) for s in sizes], [math.log(max(v, 1e-6)) for v in seconds]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16, 64])
    parser.add_argument("--runs", type=int, default=3, help="runs per size up to 16× (default 3; 1 above)")
    parser.add_argument("--pdf-max", type=int, default=16, help="typeset sizes up to this factor (default 16)")
    parser.add_argument("--one", nargs=2, metavar=("TEXT", "PDF"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:  # the child process of one size
        print(json.dumps(measure_one(Path(args.one[0]), args.runs, args.one[1] == "1")))
        return 0
    started = time.perf_counter()
    figures: dict[int, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            text = scale.write_scaled(Path(tmp), size)
            runs = args.runs if size <= 16 else 1
            child = subprocess.run([sys.executable, __file__, "--runs", str(runs), "--one", str(text),
                                    "1" if size <= args.pdf_max else "0"], capture_output=True, text=True)
            if child.returncode:
                print(f"size {size}×: the run failed:\n{child.stderr[-2000:]}", file=sys.stderr)
                continue
            figures[size] = json.loads(child.stdout.strip().splitlines()[-1])
            figures[size]["KB"] = text.stat().st_size / 1000
            print(f"size {size}× done ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    print(report(figures))
    print(f"\n(run: {time.perf_counter() - started:.0f} s; command: python3 bench/growth.py {' '.join(sys.argv[1:])})")
    return 0


def report(figures: dict[int, dict]) -> str:
    sizes = sorted(figures)
    head = ["stage"] + [f"{s}× CPU s (wall)" for s in sizes] + [
        f"exp. {a}→{b}×" for a, b in zip(sizes, sizes[1:])] + ["fitted exponent", f"≤ {TARGET_EXPONENT}"]
    rows = []
    for stage in STAGES:
        have = [s for s in sizes if stage in figures[s]]
        if not have:
            continue
        cpu = {s: figures[s][stage][0] for s in have}
        cells = [f"{cpu[s]:.3f} ({figures[s][stage][1]:.3f})" if s in cpu else "–" for s in sizes]
        local = [f"{math.log(cpu[b] / cpu[a]) / math.log(b / a):.2f}" if a in cpu and b in cpu and cpu[a] > 0 else "–"
                 for a, b in zip(sizes, sizes[1:])]
        fitted = exponent(have, [cpu[s] for s in have]) if len(have) > 1 else float("nan")
        verdict = "" if len(have) < 2 else ("met" if fitted <= TARGET_EXPONENT else "MISSED")
        rows.append([stage, *cells, *local, f"{fitted:.2f}", verdict])
    rows.append(["text KB", *[f"{figures[s]['KB']:.0f}" for s in sizes], *[""] * (len(sizes) + 1)])
    rows.append(["peak MB of the process", *[f"{figures[s]['peak MB']:.0f}" for s in sizes], *[""] * (len(sizes) + 1)])
    pages = [f"{figures[s]['PDF: reading pages'][0]:.0f} / {figures[s]['PDF: reading pages'][1]:.0f}"
             if "PDF: reading pages" in figures[s] else "–" for s in sizes]
    rows.append(["reading PDF: pages / layouts", *pages, *[""] * (len(sizes) + 1)])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
