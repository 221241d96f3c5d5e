"""How the reader alone grows with the text's length, on any texts (page dumps, Gutenberg texts).

In: paths of texts. Out: for each, the CPU seconds of ``read_document`` on the text repeated 1, 4
and 16 times, and the growth exponent between sizes (log of the time ratio over log 4; about 1 is
linear). ``growth.py`` measures every stage on copies of the seed; this one reads the corpus
shapes the seed does not have (raw OCR pages, proofreaders' pages, printers' marks).
It is not a test: nothing fails. Usage:
  python3 bench/read_growth.py ../shared/corpus/07-*.txt ../shared/corpus/09-*.txt tests/corpus/15-*.txt
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

from lefort_tei.read import read_document
from lefort_tei.read.source import decode_source

SIZES = (1, 4, 16)


def main(paths: list[str]) -> None:
    print("| text | " + " | ".join(f"x{k} CPU s" for k in SIZES) + " | exponents |")
    print("|---|" + "---|" * len(SIZES) + "---|")
    for name in paths:
        raw = Path(name).read_bytes()
        seconds = []
        for k in SIZES:
            source, _ = decode_source(raw * k, name)
            started = time.process_time()
            read_document(source)
            seconds.append(time.process_time() - started)
        exponents = [math.log(b / a) / math.log(y / x) for (a, x), (b, y) in
                     zip(zip(seconds, SIZES), zip(seconds[1:], SIZES[1:])) if a > 0]
        print(f"| {Path(name).name[:40]} | " + " | ".join(f"{s:.2f}" for s in seconds) + " | "
              + ", ".join(f"{e:.2f}" for e in exponents) + " |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
