"""The automatic apparatus measured: persons, high-tier corrections, works cited, quotation sources.

In: the seed (its curated data file is the gold) and clean texts of the development corpus (their
``persons_sample`` in ``truth.json`` is the gold for person recall). Out: printed figures, and
``--json`` for machines. Scripts, not tests: it never fails.

* **Seed without its data file** (as a new user runs it): persons mention-level P/R/F1 against the
  curated run (``[[person]]`` forms, the automatic pass off), register entries, whether every
  printed form of a gold person is in one automatic entry; high-tier corrections right / of sound
  text against the curated ``[[correction]]`` places; works in ``listBibl``; block quotations
  sourced to a work and a page.
* **Seed with its data file**: persons F1 and corrections kept, against the same gold.
* **Clean texts**: applied corrections per 100,000 characters; persons of ``persons_sample``
  tagged (a sample name counts when its last word is inside a tagged mention).
* **Seed with a data file of its quotations only** (``[[quote]]`` entries, all else automatic): every
  quotation the reader finds is sourced to a work and a page.
* **All corpus texts**: ``persons_sample`` names tagged whole, as ``lefort-tei eval`` counts them.
* **NER cost** in CPU seconds (the machine is shared): model load once, then per NEW text (the cache
  off: the recogniser runs) and per UNCHANGED text (a warm content-hash cache), against the rules
  alone; per 100,000 characters; the projection for 1,000 texts on 2 cores.
* **1,000 unchanged texts**: ``lefort-tei build -j 2`` over ``bench/scale.py``'s simulated corpus.
* **Done when**: each line of issue 12's "Done when" with its figure.

    python3 bench/apparatus.py [--corpus /work/shared/corpus] [--clean 01 03 05 12 13] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lefort_tei.annotate import annotate  # noqa: E402
from lefort_tei.annotate import cache, ner  # noqa: E402
from lefort_tei.annotate.sources import quotations  # noqa: E402
from lefort_tei.annotate.spans import blocks  # noqa: E402
from lefort_tei.data import load_data  # noqa: E402
from lefort_tei.model import Citation, Correction, PersonRef  # noqa: E402
from lefort_tei.read import read_document  # noqa: E402
from lefort_tei.read.source import read_source  # noqa: E402

SEED = ROOT / "seeds/lefort-contradiction-of-trotsky.txt"


def run(text_path, data_path=None, automatic=True):
    source, _ = read_source(text_path)
    data = load_data(data_path)
    data.automatic = automatic
    doc, _ = read_document(source, data)
    t = time.process_time()  # CPU: the machine is shared, its load follows the day
    annotate(doc, data)
    return doc, time.process_time() - t


def inlines(doc, kind):
    return [i for b in blocks(doc) for i in b.inlines if isinstance(i, kind)]


def person_scores(doc, gold_doc):
    gold = {(i.span.start, i.span.end): i.ref for i in inlines(gold_doc, PersonRef)}
    got = {(i.span.start, i.span.end): i.ref for i in inlines(doc, PersonRef)}
    tp = len(set(gold) & set(got))
    p = tp / len(got) if got else 0.0
    r = tp / len(gold) if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    # grouping: every gold person's mentions found go to one automatic entry, no entry mixes two people
    by_gold: dict[str, set[str]] = {}
    by_auto: dict[str, set[str]] = {}
    for span, ref in gold.items():
        if span in got:
            by_gold.setdefault(ref, set()).add(got[span])
            by_auto.setdefault(got[span], set()).add(ref)
    split = sorted(ref for ref, autos in by_gold.items() if len(autos) > 1)
    merged = sorted(a for a, refs in by_auto.items() if len(refs) > 1)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4), "gold_mentions": len(gold),
            "mentions": len(got), "gold_persons": len({*gold.values()}), "entries": len(doc.persons),
            "persons_split": split, "entries_merging_two": merged}


def correction_scores(doc, gold_doc, resp=None):
    text = doc.source.text
    gold = [(c.span.start, c.span.end, c.corr) for c in inlines(gold_doc, Correction) if c.resp == "#ed"]
    got = [c for c in inlines(doc, Correction) if (resp is None or c.resp == resp) and c.kind != "anchor"]
    right, sound = 0, []
    for c in got:
        match = [g for g in gold if g[0] <= c.span.start and c.span.end <= g[1]
                 or c.span.start <= g[0] and g[1] <= c.span.end]
        ok = False
        for a, z, corr in match:
            lo, hi = min(a, c.span.start), max(z, c.span.end)
            mine = text[lo:c.span.start] + c.corr + text[c.span.end:hi]
            theirs = text[lo:a] + corr + text[z:hi]
            ok = ok or mine == theirs
        if ok:
            right += 1
        else:
            sound.append(f"{text[c.span.start:c.span.end]!r}→{c.corr!r}")
    return {"applied": len(got), "right": right, "not_curated": sound, "gold": len(gold)}


def quote_scores(doc):
    cites = {i.id: i for i in inlines(doc, Citation)}
    qs = list(quotations(doc))
    ok = [q for q in qs if q.source in cites and cites[q.source].work and cites[q.source].page_from]
    return {"quotations": len(qs), "sourced_work_and_page": len(ok)}


def quotes_only_data(path: Path) -> Path:
    """A data file holding only the seed's ``[[quote]]`` entries (what tells the reader its 13 block
    quotations), written to ``path``: every other part of the apparatus stays automatic."""
    import tomllib

    entries = tomllib.loads(SEED.with_suffix(".toml").read_text(encoding="utf-8")).get("quote", [])
    lines = []
    for entry in entries:
        lines.append("[[quote]]")
        lines += [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in entry.items()]
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def quotes_only_figures():
    """The seed with a data file of its quotations only: every quotation the reader finds is sourced."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        doc, _ = run(SEED, quotes_only_data(Path(tmp) / "quotes.toml"))
    return {"persons_entries": len(doc.persons), "works": len(doc.works), **quote_scores(doc)}


def seed_figures():
    gold, _ = run(SEED, SEED.with_suffix(".toml"), automatic=False)
    bare, seconds = run(SEED)
    curated, _ = run(SEED, SEED.with_suffix(".toml"))
    return {
        "without_data": {"persons": person_scores(bare, gold),
                         "corrections_high_tier": correction_scores(bare, gold, "#lefort-tei"),
                         "works": len(bare.works), **quote_scores(bare), "annotate_seconds": round(seconds, 2)},
        "with_data": {"persons": person_scores(curated, gold),
                      "corrections_kept": sum(1 for c in inlines(curated, Correction) if c.resp == "#ed"),
                      "corrections_gold": len([c for c in inlines(gold, Correction) if c.resp == "#ed"]),
                      "auto_corrections_added": correction_scores(curated, gold, "#lefort-tei")["not_curated"],
                      "works": len(curated.works), **quote_scores(curated)},
        "with_a_data_file_of_its_quotations_only": quotes_only_figures(),
    }


def corpus_figures(corpus: Path, prefixes: list[str]):
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))["files"]
    rows = []
    for name in sorted(truth):
        if prefixes and not any(name.startswith(p) for p in prefixes):
            continue
        doc, seconds = run(corpus / name)
        applied = [c for c in inlines(doc, Correction) if c.resp == "#lefort-tei" and c.kind != "anchor"]
        mentions = [doc.source.slice(i.span) for i in inlines(doc, PersonRef)]
        tagged = " ".join(mentions)
        sample = truth[name].get("persons_sample") or []
        found = [s for s in sample if s.replace(".", " ").split()[-1] in tagged]
        # evaluate.py's measure: the whole printed name inside one tagged mention ("Sir Louis Jackson")
        squeezed = "\u0000".join("".join(m.split()) for m in mentions)
        whole = [s for s in sample if "".join(s.split()) in squeezed]
        rows.append({"text": name, "chars": len(doc.source.text), "applied_corrections": len(applied),
                     "per_100k": round(len(applied) * 1e5 / max(1, len(doc.source.text)), 2),
                     "persons_sample": len(sample), "persons_tagged": len(found), "persons_tagged_whole": len(whole),
                     "missed": [s for s in sample if s not in found], "entries": len(doc.persons),
                     "annotate_seconds": round(seconds, 2)})
    return rows


def ner_cost(corpus: Path, prefixes: list[str]):
    """The NER's CPU cost per NEW text (the cache off: the recogniser runs), and per UNCHANGED text
    (a warm content-hash cache: the recogniser never runs), against the rules alone."""
    import tempfile

    t = time.process_time()
    ner.load_model()
    load = time.process_time() - t
    texts = [SEED] + [corpus / n for n in sorted(os.listdir(corpus)) if n.endswith(".txt")
                      and (not prefixes or any(n.startswith(p) for p in prefixes))]
    chars, new, rules, cached = 0, 0.0, 0.0, 0.0

    def timed(path, **env):
        saved = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        try:
            return run(path)
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v

    with tempfile.TemporaryDirectory() as warm:
        for path in texts:
            doc, s_new = timed(path, **{cache.CACHE_ENV: "off"})
            chars += len(doc.source.text)
            new += s_new
            _, s_rules = timed(path, **{ner.MODEL_ENV: "none", cache.CACHE_ENV: "off"})
            rules += s_rules
            timed(path, **{cache.CACHE_ENV: warm})  # fills the cache
            _, s_cached = timed(path, **{cache.CACHE_ENV: warm})
            cached += s_cached
    per_new = (new - rules) / len(texts)
    per_cached = max(0.0, cached - rules) / len(texts)
    return {"model": ner.model_label() or "none", "model_load_cpu_seconds": round(load, 2), "texts": len(texts),
            "chars": chars, "annotate_cpu_seconds_new_texts_with_ner": round(new, 2),
            "annotate_cpu_seconds_rules_only": round(rules, 2),
            "annotate_cpu_seconds_unchanged_texts_cached": round(cached, 2),
            "ner_cpu_seconds_per_new_text": round(per_new, 2),
            "ner_cpu_seconds_per_100k_chars": round((new - rules) * 1e5 / chars, 2),
            "ner_cpu_seconds_per_unchanged_text_cached": round(per_cached, 3),
            "ner_minutes_for_1000_new_texts_on_2_cores": round(per_new * 1000 / 2 / 60, 1),
            "ner_minutes_for_1000_unchanged_texts_on_2_cores": round(per_cached * 1000 / 2 / 60, 2)}


def rebuild_figure(count: int = 1000):
    """``lefort-tei build -j 2`` over ``count`` texts that have not changed (bench/scale.py's simulated
    manifest and outputs): nothing is re-read, re-analysed or re-encoded. The Done-when: < 2 minutes."""
    import resource
    import shutil
    import tempfile

    sys.path.insert(0, str(ROOT / "bench"))
    import measure
    import scale

    shm = Path("/dev/shm") if Path("/dev/shm").is_dir() else None
    root = Path(tempfile.mkdtemp(prefix="lefort-apparatus-", dir=shm))
    try:
        scale.simulate(root, count, 2)
        argv = [sys.executable, "-m", "lefort_tei", "build", str(root / "in"), "--tei-dir", str(root / "tei"),
                "--site-dir", str(root / "site"), "--no-pdf", "-j", "2"]
        env = {**os.environ, "CI": "true"}
        measure.run(argv, env=env)  # the first build writes the index pages
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        r = measure.run(argv, env=env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        return {"texts": count, "wall_seconds": round(r.seconds, 2), "cpu_seconds": round(cpu, 2),
                "exit": r.returncode, "summary": r.stderr.strip().splitlines()[-1] if r.stderr.strip() else "",
                "within_2_minutes": r.seconds < 120}
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent.parent / "shared/corpus")
    ap.add_argument("--clean", nargs="*", default=["01", "03", "05", "12", "13"])
    ap.add_argument("--no-cost", action="store_true", help="skip the NER cost (it converts each text twice)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        args.corpus = Path("/work/shared/corpus")
    out = {"ner_model": ner.model_id() or "none (rules only)", "load_average_at_start": os.getloadavg()[0],
           "seed": seed_figures()}
    if args.corpus.exists():
        out["clean_texts"] = corpus_figures(args.corpus, args.clean)
        if not args.no_cost:
            out["ner_cost"] = ner_cost(args.corpus, args.clean)
        out["all_corpus_texts"] = corpus_figures(args.corpus, [])
    if not args.no_cost:
        out["rebuild_1000_unchanged_texts"] = rebuild_figure(1000)
    if args.json:
        print(json.dumps(out, indent=1, ensure_ascii=False))
        return 0
    print(f"NER model: {out['ner_model']}; load average at start {out['load_average_at_start']:.1f} "
          "(the times follow the machine's load)")
    for part, figures in out["seed"].items():
        print(f"\nseed {part.replace('_', ' ')}:")
        for k, v in figures.items():
            print(f"  {k}: {v}")
    rows = out.get("clean_texts", [])
    if rows:
        chars = sum(r["chars"] for r in rows)
        applied = sum(r["applied_corrections"] for r in rows)
        sample = sum(r["persons_sample"] for r in rows)
        tagged = sum(r["persons_tagged"] for r in rows)
        print(f"\nclean texts ({len(rows)}, {chars:,} characters): {applied} applied corrections "
              f"= {applied * 1e5 / chars:.2f} per 100,000 characters; persons_sample tagged {tagged}/{sample} "
              f"= {tagged / max(1, sample):.0%}")
        for r in rows:
            print(f"  {r['text']}: {r['applied_corrections']} corr ({r['per_100k']}/100k), persons "
                  f"{r['persons_tagged']}/{r['persons_sample']} missed {r['missed']}, {r['entries']} entries, "
                  f"annotate {r['annotate_seconds']} s")
    rows = out.get("all_corpus_texts", [])
    if rows:
        sample = sum(r["persons_sample"] for r in rows)
        whole = sum(r["persons_tagged_whole"] for r in rows)
        applied = sum(r["applied_corrections"] for r in rows)
        chars = sum(r["chars"] for r in rows)
        print(f"\nall {len(rows)} corpus texts: persons_sample tagged whole (evaluate.py's 'persons R') "
              f"{whole}/{sample} = {whole / max(1, sample):.0%}; {applied} applied corrections in {chars:,} characters")
        for r in rows:
            print(f"  {r['text']}: persons {r['persons_tagged_whole']}/{r['persons_sample']}")
    if "ner_cost" in out:
        print("\nNER cost (CPU seconds):")
        for k, v in out["ner_cost"].items():
            print(f"  {k}: {v}")
    if "rebuild_1000_unchanged_texts" in out:
        print("\nlefort-tei build -j 2 over 1,000 unchanged texts (bench/scale.py's simulated corpus):")
        for k, v in out["rebuild_1000_unchanged_texts"].items():
            print(f"  {k}: {v}")
    _done_when(out)
    return 0


def _done_when(out) -> None:
    """Issue 12's Done-when lines, each with its figure."""
    bare, curated = out["seed"]["without_data"], out["seed"]["with_data"]
    quotes = out["seed"]["with_a_data_file_of_its_quotations_only"]
    high = bare["corrections_high_tier"]
    lines = [
        (bare["persons"]["f1"] >= 0.95, f"seed without data: persons F1 {bare['persons']['f1']} (>= 0.95)"),
        (bare["persons"]["entries"] <= 32 and not bare["persons"]["entries_merging_two"],
         f"seed without data: {bare['persons']['entries']} register entries (<= 32), none merging two people"),
        (high["right"] >= 12 and len(high["not_curated"]) <= 1,
         f"seed without data: {high['right']} certain OCR errors corrected right by the high tier (>= 12), "
         f"{len(high['not_curated'])} of sound text (<= 1)"),
        (bare["works"] >= 22, f"seed without data: {bare['works']} works in listBibl (>= 22)"),
        (quotes["sourced_work_and_page"] == quotes["quotations"] == 13,
         f"seed, every quotation the reader finds sourced to a work and page: {bare['sourced_work_and_page']}/"
         f"{bare['quotations']} without data; {quotes['sourced_work_and_page']}/{quotes['quotations']} with a "
         "data file of its quotations only (13/13)"),
        (curated["persons"]["f1"] >= 0.99 and curated["corrections_kept"] >= 35,
         f"seed with data: persons F1 {curated['persons']['f1']} (>= 0.99), {curated['corrections_kept']}/"
         f"{curated['corrections_gold']} curated corrections kept"),
    ]
    rows = out.get("clean_texts", [])
    if rows:
        applied, chars = sum(r["applied_corrections"] for r in rows), sum(r["chars"] for r in rows)
        rate = applied * 1e5 / chars
        lines.append((rate <= 1, f"clean texts: {rate:.2f} applied corrections per 100,000 characters (<= 1)"))
    rows = out.get("all_corpus_texts", [])
    if rows:
        sample = sum(r["persons_sample"] for r in rows)
        whole = sum(r["persons_tagged_whole"] for r in rows)
        lines.append((whole >= 0.8 * sample, f"persons a reader would list, tagged (all corpus texts, whole "
                      f"name): {whole}/{sample} = {whole / max(1, sample):.0%} (>= 80 %)"))
    if "rebuild_1000_unchanged_texts" in out:
        r = out["rebuild_1000_unchanged_texts"]
        lines.append((r["within_2_minutes"], f"build of 1,000 unchanged texts on 2 cores: {r['wall_seconds']} s wall, "
                      f"{r['cpu_seconds']} s CPU (< 120 s)"))
    if "ner_cost" in out:
        c = out["ner_cost"]
        lines.append((True, f"NER cost per new text: {c['ner_cpu_seconds_per_new_text']} s CPU "
                      f"({c['ner_cpu_seconds_per_100k_chars']} s per 100,000 characters; model load "
                      f"{c['model_load_cpu_seconds']} s once per process); per unchanged text (cache): "
                      f"{c['ner_cpu_seconds_per_unchanged_text_cached']} s"))
    print("\nDone when (issue 12):")
    for ok, line in lines:
        print(f"  [{'x' if ok else ' '}] {line}")


if __name__ == "__main__":
    raise SystemExit(main())
