"""A worker's memory over thousands of texts, without recycling: does it grow with the texts done?

In: ``--texts N`` (5000) small synthetic texts (``gen_corpus.synthetic_text``, sizes ``--min-kb`` to
``--max-kb``, 2-8 KB: a corpus of short texts, where per-text leaks show most), ``--every K`` (500).
This process plays one pool worker that is never replaced (``corpus.RECYCLE_AFTER`` is the guard
on top of this): it runs the corpus build's worker function ``corpus.build_text`` on each text in
turn, TEI and web pages (``--pdf`` adds the print edition, slow), each text under its own file
name (Saxon and lxml see new documents every time), and deletes the outputs afterwards.
Out: a Markdown table, every K texts: the texts done, this process's RSS and PSS in MB (from
``/proc/self/smaps_rollup``), the growth since the first row, CPU seconds; then the growth per
1,000 texts fitted by least squares over the rows after the first (the warm-up: compiled schemas
and stylesheets, first pages). It is not a test: nothing fails.
``--trim`` calls ``malloc_trim(0)`` after every text, to see whether the growth is freed C heap
that glibc keeps (it is not: issue 15's measurement in bench/README.md).
Usage: nice -n 10 python3 bench/worker_memory.py [--texts 5000] [--every 500] [--pdf] [--trim]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_corpus  # noqa: E402


def memory_mb() -> tuple[float, float]:
    """(RSS, PSS) of this process in MB."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/smaps_rollup").read_text().splitlines()[1:])
    return int(fields["Rss"].split()[0]) / 1e3, int(fields["Pss"].split()[0]) / 1e3


def slope(xs: list[float], ys: list[float]) -> float:
    """Least-squares slope of ys over xs (0 with fewer than two points)."""
    if len(xs) < 2:
        return 0.0
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=5000)
    parser.add_argument("--every", type=int, default=500)
    parser.add_argument("--min-kb", type=int, default=2)
    parser.add_argument("--max-kb", type=int, default=8)
    parser.add_argument("--pdf", action="store_true", help="also typeset each text's PDF (about 1 s a text)")
    parser.add_argument("--trim", action="store_true",
                        help="call malloc_trim(0) after every text (corpus.trim_heap; the worker itself trims "
                             "only after a text over corpus.BIG_TEXT)")
    args = parser.parse_args(argv)

    import lefort_tei.corpus as corpus

    rng = random.Random(15)
    rows = []
    began = time.process_time()
    with tempfile.TemporaryDirectory(dir="/dev/shm" if Path("/dev/shm").is_dir() else None) as tmp:
        root = Path(tmp)
        for i in range(args.texts + 1):
            if i % args.every == 0:
                rss, pss = memory_mb()
                rows.append((i, rss, pss, time.process_time() - began))
                print(f"texts {i}: RSS {rss:.1f} MB, PSS {pss:.1f} MB, CPU {rows[-1][3]:.0f} s", file=sys.stderr,
                      flush=True)
            if i == args.texts:
                break
            work = root / f"{i:05d}"
            work.mkdir()
            text = work / f"{i:05d}-short.txt"
            text.write_text(gen_corpus.synthetic_text(i, rng.randint(args.min_kb, args.max_kb) * 1000),
                            encoding="utf-8")
            job = corpus.TextJob(name=text.stem, text_path=str(text), data_path=None,
                                 tei_path=str(work / f"{text.stem}.xml"), key=str(i), make_tei=True,
                                 pdf_path=str(work / f"{text.stem}.pdf") if args.pdf else None,
                                 site_dir=str(work / "site"))
            result = corpus.build_text(job)
            if args.trim:
                corpus.trim_heap()
            if result.status != "built" or result.output_failure:
                print(f"text {i}: {result.status} {[d.message for d in result.diagnostics][:2]}", file=sys.stderr)
            shutil.rmtree(work)

    base_rss = (rows[1] if len(rows) > 1 else rows[0])[1]
    print(f"### One worker, never recycled: {args.texts} texts of {args.min_kb}-{args.max_kb} KB, TEI + pages"
          f"{' + PDF' if args.pdf else ''}, malloc_trim after each text: {'yes' if args.trim else 'no'}\n")
    print("| texts done | RSS MB | PSS MB | RSS growth since the first row after warm-up, MB | CPU s |")
    print("|---:|---:|---:|---:|---:|")
    for n, rss, pss, cpu in rows:
        print(f"| {n} | {rss:.1f} | {pss:.1f} | {rss - base_rss:+.1f} | {cpu:.0f} |")
    after = rows[1:]
    per_1000 = slope([r[0] for r in after], [r[1] for r in after]) * 1000
    print(f"\nRSS growth fitted over texts {after[0][0]}-{after[-1][0]}: {per_1000:+.2f} MB per 1,000 texts "
          f"({per_1000 * 5:+.1f} MB over 5,000; target < 50 MB); from the first to the last row "
          f"{rows[-1][1] - rows[0][1]:+.1f} MB (the first row is before any text: imports only)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
