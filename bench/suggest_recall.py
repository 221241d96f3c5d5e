"""Recall (and precision@k) of ``lefort-tei suggest corrections`` against a curated data file.

In: a text and its data file (default: the seed). Out: printed figures. A curated
``[[correction]]`` is *found* when some suggestion's span overlaps its place in the text; a
suggestion is a *hit* when it overlaps some curated correction. The data file is not shown to
the suggester (it runs as on a new text).

    python3 bench/suggest_recall.py [TEXT [DATA]] [--k 20 50 100]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lefort_tei.data import load_data  # noqa: E402
from lefort_tei.read.source import read_source  # noqa: E402
from lefort_tei.suggest.corrections import suggest_corrections  # noqa: E402


def curated_places(text: str, data) -> list[tuple[int, int, str]]:
    places = []
    for c in data.corrections:
        if c.context:
            at = text.find(c.context) + c.context.find(c.sic)
            places.append((at, at + len(c.sic), c.sic))
    return places


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("text", nargs="?", default=str(ROOT / "seeds/lefort-contradiction-of-trotsky.txt"))
    ap.add_argument("data", nargs="?")
    ap.add_argument("--k", type=int, nargs="*", default=[20, 50, 100])
    ap.add_argument("--misses", action="store_true", help="list the curated corrections not found")
    args = ap.parse_args(argv)
    source, _ = read_source(args.text)
    data = load_data(args.data or Path(args.text).with_suffix(".toml"))
    text = source.text
    places = curated_places(text, data)
    suspects = suggest_corrections(text)
    overlaps = lambda s, p: s.start < p[1] and p[0] < s.end  # noqa: E731
    found = [p for p in places if any(overlaps(s, p) for s in suspects)]
    print(f"curated corrections: {len(places)}; suggestions: {len(suspects)}")
    print(f"recall: {len(found)}/{len(places)} = {len(found) / max(1, len(places)):.1%}")
    for k in args.k:
        top = suspects[:k]
        hits = sum(1 for s in top if any(overlaps(s, p) for p in places))
        found_k = sum(1 for p in places if any(overlaps(s, p) for s in top))
        print(f"precision@{k}: {hits}/{len(top)} = {hits / max(1, len(top)):.1%}   recall@{k}: "
              f"{found_k}/{len(places)} = {found_k / max(1, len(places)):.1%}")
    if args.misses:
        for p in places:
            if p not in found:
                print(f"  missed: {p[2]!r} at {text[max(0, p[0] - 25):p[1] + 25]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
