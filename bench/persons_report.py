"""Per corpus text: the ``persons_sample`` names missed and every distinct name tagged ``persName``.

In: the development corpus (``../shared/corpus`` or the folder given by ``LEFORT_CORPUS``), converted
with no data file, as ``lefort-tei eval`` does. Out: per text, "== NAME found/sample missed: […]" and
the tagged names with their counts (the body's mentions and the register's forms), then the total.
A script, not a test: run it before and after a change to the persons' rules and diff the two
outputs (one name a line: ``diff <(tr ';' '\\n' < before) <(tr ';' '\\n' < after)``) to see what a
rule gains and what it adds wrongly.

    .venv/bin/python bench/persons_report.py [PART-OF-A-NAME …] > /tmp/persons.txt
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lefort_tei.evaluate import TEI_NS, load_truth, score_file, squeeze  # noqa: E402


def main(argv: list[str]) -> int:
    corpus = Path(os.environ.get("LEFORT_CORPUS") or ROOT.parent / "shared" / "corpus")
    truth = load_truth(corpus)
    found_total = sample_total = 0
    for name in sorted(truth):
        if argv and not any(part in name for part in argv):
            continue
        keep: dict[str, bytes] = {}
        fs = score_file(corpus / name, truth[name], keep)
        if name not in keep:
            print(f"== {name}: not converted ({fs.error})")
            continue
        root = etree.fromstring(keep[name])
        tagged = Counter(" ".join("".join(p.itertext()).split())
                         for p in root.iterfind(f".//{{{TEI_NS}}}text//{{{TEI_NS}}}persName"))
        joined = "\u0000".join(squeeze(t) for t in tagged)
        missed = [s for s in truth[name].get("persons_sample") or [] if squeeze(s) not in joined]
        found_total += fs.persons.found
        sample_total += fs.persons.truth
        print(f"== {name} {fs.persons.found}/{fs.persons.truth} missed: {missed}")
        print("   tagged:", "; ".join(f"{t}({n})" for t, n in sorted(tagged.items())))
    print(f"TOTAL {found_total}/{sample_total} = {100 * found_total / max(sample_total, 1):.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
