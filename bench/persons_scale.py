"""A data file with N persons (issue 17, "scale of bad input"): CPU seconds of each stage of
``convert`` for the seed with 2,500 … 20,000 generated ``[[person]]`` entries, and the exponent.

    nice -n 10 .venv/bin/python bench/persons_scale.py [--sizes 2500 5000 10000 20000]
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEED = ROOT / "seeds" / "lefort-contradiction-of-trotsky.txt"
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "be", "do", "fa", "gu", "he", "ji", "ku"]


def data_file(n: int, folder: Path) -> Path:
    rng = random.Random(n)
    seen: set[str] = set()
    lines = ['[edition]\ndate = "2026-01-01"\n']
    while len(seen) < n:
        first, last = ("".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize() for _ in range(2))
        if f"{first} {last}" in seen:
            continue
        seen.add(f"{first} {last}")
        lines.append(f'[[person]]\nid = "{first.lower()}-{last.lower()}"\nname = "{first} {last}"\n'
                     f'forms = ["{first} {last}", "{last}"]\n')
    path = folder / f"persons{n}.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def stages(data_path: Path) -> dict[str, float]:
    from lefort_tei.annotate import annotate
    from lefort_tei.data import load_data
    from lefort_tei.encode import encode
    from lefort_tei.pipeline import check_lossless
    from lefort_tei.read import read_document
    from lefort_tei.read.source import read_source
    from lefort_tei.validate import validate_bytes

    out, clock = {}, time.process_time
    t = clock()
    data = load_data(data_path)
    out["load data"], t = clock() - t, clock()
    source, _ = read_source(SEED)
    doc, _ = read_document(source, data)
    out["read"], t = clock() - t, clock()
    annotate(doc, data)
    out["annotate"], t = clock() - t, clock()
    encoded = encode(doc)
    check_lossless(encoded, source.text, str(SEED))
    out["encode"], t = clock() - t, clock()
    errors = [d for d in validate_bytes(encoded.data, "x.xml") if d.level == "error"]
    out["validate"] = clock() - t
    assert not errors, errors[:3]
    out["total"] = sum(out.values())
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="*", default=[2500, 5000, 10000, 20000])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        stages(data_file(10, Path(tmp)))  # warm: imports, compiled schemas, word lists
        rows = {n: stages(data_file(n, Path(tmp))) for n in args.sizes}
    names = list(next(iter(rows.values())))
    print("| persons | " + " | ".join(names) + " |")
    print("| --- |" + " --- |" * len(names))
    for n, r in rows.items():
        print(f"| {n:,} | " + " | ".join(f"{r[k]:.2f}" for k in names) + " |")
    lo, hi = min(rows), max(rows)
    if hi > lo:
        print("| exponent | " + " | ".join(
            f"{math.log(max(rows[hi][k], 1e-3) / max(rows[lo][k], 1e-3)) / math.log(hi / lo):.2f}" for k in names)
            + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
