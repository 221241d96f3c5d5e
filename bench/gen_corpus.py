"""Generate a benchmark corpus: a folder of texts (and data files) for ``lefort-tei build``.

In: a folder, a count and a mix. Out: ``NNNN-KIND.txt`` files, deterministic for a given seed.
  seed    copies of the seed text with its data file (``seeds/*.toml``), the blurb (second
          paragraph) ending with "Copy abc." so every source differs (58 KB, 34 notes each);
  varied  synthetic essays built from a fixed vocabulary with a random generator seeded by the
          text's number: a title line "Title - Author", a blurb, a provenance line, sections with
          headings, and prose endnotes in one of four styles: anchors "(12)" with
          notes "12 …", "[12]" with "[12] …", superscript "¹²" with "12. …", or no notes at all.
          Sizes are drawn 70 % 2-60 KB, 25 % 60-250 KB, 5 % 250 KB-1 MB; text 3 is always 1 MB.
No page citations and no block quotations: without a data file naming the works, the Schematron
rejected both until commit 3c18f2e (now warnings); the seed mix has them, resolved by its data file.
Usage: python3 bench/gen_corpus.py OUT_DIR --count 100 --mix varied
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "seeds" / "lefort-contradiction-of-trotsky.txt"
NOTE_STYLES = ("paren", "bracket", "superscript", "none")
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
WORDS = """the revolution party masses history bureaucracy state power workers class struggle
of and in to a that is was for as with by on which this not but from his their it be are
its has have had an or were they he one all we would been more when there who so if no
what can will only about into than them some these other time could theory practice
society proletariat opposition leadership program congress committee soviet economy
democracy socialism capital labour production dictatorship apparatus militant thesis
contradiction criticism analysis experience tradition movement regime development""".split()
NAMES = ["Trotsky", "Stalin", "Lenin", "Marx", "Souvarine", "Bukharin", "Zinoviev", "Kamenev"]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 24))]
    if rng.random() < 0.3:
        words.insert(rng.randrange(len(words)), rng.choice(NAMES))
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice(".....;?")[0].replace(";", ".")


def anchor(style: str, n: int) -> str:
    return {"paren": f" ({n})", "bracket": f"[{n}]", "superscript": str(n).translate(SUPERSCRIPT)}[style]


def note_line(style: str, n: int, rng: random.Random) -> str:
    label = {"paren": f"{n}", "bracket": f"[{n}]", "superscript": f"{n}."}[style]
    # no page citations: without a data file naming the works, "p. 12" cannot be resolved
    # ([citation-work], an error until 3c18f2e, now a warning); synthetic texts have no data file
    body = rng.choice([f"See {rng.choice(NAMES)} on the {rng.choice(WORDS)} question.", sentence(rng)])
    return f"{label} {body}"


def synthetic_text(i: int, size: int) -> str:
    rng = random.Random(i)
    style = NOTE_STYLES[(i - 1) % len(NOTE_STYLES)]
    title = " ".join(rng.choice(WORDS) for _ in range(3)).title()
    blocks = [f"On {title} {i} - {rng.choice(['Anna', 'Pierre', 'Cornelius', 'Rosa'])} {rng.choice(NAMES)}",
              sentence(rng), f"(Translated from LES TEMPS MODERNES, {i % 90 + 1} ({1940 + i % 30}))"]
    notes: list[str] = []
    length = sum(len(b) for b in blocks)
    while length < size:
        if rng.random() < 0.08:
            block = " ".join(w.title() for w in rng.sample(WORDS, 4))  # a heading
        else:
            block = " ".join(sentence(rng) for _ in range(rng.randint(2, 8)))
            if style != "none" and rng.random() < 0.5:
                notes.append(note_line(style, len(notes) + 1, rng))
                block += anchor(style, len(notes))
        blocks.append(block)
        length += len(block) + 2
    if notes:
        blocks += ["Notes"] + notes
    return "\n\n".join(blocks) + "\n"


def letters(i: int) -> str:
    """1 → "a", 27 → "ab": a copy's mark without digits (a number could be read as a year)."""
    out = ""
    while i:
        i, r = divmod(i - 1, 26)
        out += chr(ord("a") + r)
    return out


def size_for(i: int) -> int:
    rng = random.Random(10_000 + i)
    if i == 3:
        return 1_000_000
    r = rng.random()
    if r < 0.70:
        return rng.randint(2_000, 60_000)
    if r < 0.95:
        return rng.randint(60_000, 250_000)
    return rng.randint(250_000, 1_000_000)


def generate(out: Path, count: int, mix: str) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    seed = SEED_TEXT.read_text(encoding="utf-8")
    blurb_end = seed.index("\n\n", seed.index("\n\n") + 2)  # the end of the second block
    paths = []
    for i in range(1, count + 1):
        if mix == "seed":
            path = out / f"{i:04d}-seed.txt"
            path.write_text(seed[:blurb_end] + f" Copy {letters(i)}." + seed[blurb_end:], encoding="utf-8")
            shutil.copyfile(SEED_TEXT.with_suffix(".toml"), path.with_suffix(".toml"))
        else:
            path = out / f"{i:04d}-{NOTE_STYLES[(i - 1) % len(NOTE_STYLES)]}.txt"
            path.write_text(synthetic_text(i, size_for(i)), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--mix", choices=("seed", "varied"), default="varied")
    args = parser.parse_args()
    paths = generate(args.out, args.count, args.mix)
    total = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} texts, {total / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
