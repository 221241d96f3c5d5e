"""``lefort-tei bench``: run the benchmark of a checkout (``bench/bench.py``) and print its tables.

In: the benchmark's options. Out: its Markdown tables on standard output; exit 0, or 3 when the
benchmark itself failed, or 2 when there is no ``bench/`` (an installed copy without the checkout).
"""

from __future__ import annotations

import subprocess
import sys

from ..diagnostics import EXIT_OK, EXIT_TOOL, InputError, error
from ..resources import PROJECT_ROOT

HELP = "measure the speed and memory of every stage and of corpus builds (prints tables)"
EXAMPLES = """\
A benchmark, not a test: it prints figures and the targets beside them (see bench/README.md).
Run it on an otherwise idle machine; the load average is printed with the figures.

examples:
  lefort-tei bench                 # about 3 minutes: stages, commands, corpora of 10 and 100 texts
  lefort-tei bench --full          # adds corpora of 1,000 texts
  lefort-tei bench --no-corpus     # stages and whole commands only (under a minute)"""

BENCH_SCRIPT = PROJECT_ROOT / "bench" / "bench.py"


def register(parser) -> None:
    parser.add_argument("--full", action="store_true", help="also corpora of 1,000 texts (several minutes)")
    parser.add_argument("--no-corpus", action="store_true", help="skip the corpus builds")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF stage")
    parser.add_argument("--runs", type=int, default=15, help="warm runs per stage (default 15)")


def run(args) -> int:
    if not BENCH_SCRIPT.is_file():
        raise InputError(error("bench-missing", "no benchmark here: it lives in the checkout's bench/ folder "
                               "(set LEFORT_TEI_HOME to a checkout)", str(BENCH_SCRIPT)))
    argv = [sys.executable, str(BENCH_SCRIPT), "--runs", str(args.runs)]
    argv += [flag for flag, on in (("--full", args.full), ("--no-corpus", args.no_corpus),
                                   ("--no-pdf", args.no_pdf)) if on]
    done = subprocess.run(argv, cwd=PROJECT_ROOT, check=False)
    return EXIT_OK if done.returncode == 0 else EXIT_TOOL
