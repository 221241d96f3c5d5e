"""Page dumps: time and memory of reading and converting a generated N-page raw OCR text.

In: page counts (default 125 250 500). Out: a table, one row per size: pages, source kB, the CPU
time of the page layout alone (read/layout.py) and of the whole conversion (read, annotate, encode,
lossless check), the time per page and the peak memory traced by ``tracemalloc`` during a
conversion. Linear means a flat "ms/page" column and a peak that doubles with the pages.

The text is generated (nothing from the corpus): each page has a separator line
"## p. N (#S) ###...", a form feed before it, a running head with the page number, about 30
hard-wrapped lines with words divided at line ends, paragraphs running over page breaks, and
two page-foot notes with '"' anchors on the page.

    python3 bench/pages_bench.py            # 125, 250 and 500 pages
    python3 bench/pages_bench.py 1000
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lefort_tei.pipeline import convert  # noqa: E402
from lefort_tei.read.layout import read_pages  # noqa: E402
from lefort_tei.read.source import read_source  # noqa: E402

WORDS = ("the territory of a government and its officers was to be organised under the act "
         "of congress while the governor wrote to the secretary about appointments and lands").split()


def generate(pages: int, seed: int = 1) -> str:
    rnd = random.Random(seed)
    out = ["This file was downloaded from a digital library.", "Generated for a benchmark.", ""]
    for n in range(1, pages + 1):
        out += ["\f", "", f"## p. {n} (#{n + 4}) ".ljust(60, "#"), ""]
        out.append(f"{n} T E R R I T O R I A L P A P E R S" if n % 2 == 0 else f"T H E T E R R I T O R Y {n}")
        for k in range(30):
            line = " ".join(rnd.choice(WORDS) for _ in range(10))
            if k == 5:
                line += ' persons"'
            if k == 12:
                line += ' governor"'
            if k % 7 == 6:
                line += " appoint-" if k % 2 else " ter-"
                out.append(line)
                out.append(("ments " if k % 2 else "ritory ") + " ".join(rnd.choice(WORDS) for _ in range(9)))
                continue
            if k % 9 == 8:
                line += "."
            out.append(line)
        out.append('* The persons named here were recommended by the delegation of the territory for the offices.')
        out.append('* The governor of the territory wrote again in the following year about the same appointments.')
    return "\n".join(out) + "\n"


def main(sizes: list[int]) -> None:
    """CPU seconds (``process_time``: the machine's load does not inflate them), then the peak of
    memory traced in a second conversion (``tracemalloc`` slows the run it watches)."""
    print("| pages | kB | layout cpu s | convert cpu s | ms/page | peak MB |")
    print("|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for pages in sizes:
            path = Path(tmp) / f"dump-{pages}.txt"
            path.write_text(generate(pages), encoding="utf-8")
            source, _ = read_source(path)
            t0 = time.process_time()
            layout = read_pages(source)
            t_layout = time.process_time() - t0
            assert layout is not None and len(layout.pages) == pages
            t0 = time.process_time()
            convert(path, use_default_data=False)
            t_convert = time.process_time() - t0
            tracemalloc.start()
            convert(path, use_default_data=False)
            peak = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
            print(f"| {pages} | {path.stat().st_size // 1024} | {t_layout:.2f} | {t_convert:.2f} | "
                  f"{1000 * t_convert / pages:.1f} | {peak:.0f} |", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [125, 250, 500])
