"""A long fuzz run that does not stop at the first failure (issue 17): the strategy and the checks of
``tests/test_fuzz.py``, run for N examples with a given hypothesis seed; every failing text is logged
as one JSON line (the text, the error) and the run goes on. Totals are printed at the end.

    nice -n 10 .venv/bin/python bench/fuzz_long.py --examples 2500 --seed 1 --log /tmp/fuzz1.jsonl

A failure found here is fixed, then added to ``tests/test_fuzz.py`` as an explicit ``@example``.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--log", type=Path, required=True)
    args = ap.parse_args(argv)

    from hypothesis import HealthCheck, Phase, given, seed, settings

    from lefort_tei.validate import validate_bytes
    from tests.test_fuzz import _edition, mutated_texts

    counts = {"texts": 0, "failures": 0}
    started = time.monotonic()
    log = args.log.open("a", encoding="utf-8")

    def check(text: str) -> None:
        data, _ = _edition(text)
        if _edition(text)[0] != data:
            raise AssertionError("not deterministic")
        errors = [d.format() for d in validate_bytes(data, "fuzz.xml") if d.level == "error"]
        if errors:
            raise AssertionError("invalid: " + " | ".join(errors[:3]))

    @seed(args.seed)
    @settings(max_examples=args.examples, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(mutated_texts())
    def run(text: str) -> None:
        counts["texts"] += 1
        try:
            check(text)
        except Exception as exc:  # noqa: BLE001 - every failure is logged and the run goes on
            counts["failures"] += 1
            tb = traceback.format_exception(exc)
            log.write(json.dumps({"text": text, "error": f"{type(exc).__name__}: {exc}"[:2000],
                                  "where": "".join(tb[-3:])[:2000]}) + "\n")
            log.flush()
        if counts["texts"] % 100 == 0:
            print(f"{counts['texts']} texts, {counts['failures']} failures, "
                  f"{time.monotonic() - started:.0f} s", flush=True)

    def stop(*_):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # ``kill PID`` ends the run with its totals
    try:
        run()
    except KeyboardInterrupt:
        print("stopped", flush=True)
    print(f"done: {counts['texts']} texts, {counts['failures']} failures, "
          f"{time.monotonic() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
