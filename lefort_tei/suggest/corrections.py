"""Suggest OCR corrections: suspect places in a text, ranked, as ``[[correction]]`` stubs.

In: the source text (and, optionally, the forms of the persons register). Out: ``Suspect``s
(span, proposed correction or none, rule, score, reason) ranked by score, and TOML stubs that
can be pasted into the data file (``to_toml``).

Each rule is a small function over the text (``RULES``): letters and digits mixed ("0ctober",
"194~7"), a word glued to a capital ("andCarter"), glued punctuation (",p.", ":Faber"), white
space before punctuation or after a hyphen ("world .", "day-to- day"), stray punctuation
(".leaders", "of."), a lower-case sentence start, a space inside a number ("1 908"), doubled
or misplaced quotation marks, a broken ellipsis, a hyphenated word that is one word, and words
unknown to the English word list of ``pyspellchecker`` -- ranked higher where a known OCR
confusion (l/1, 0/O, rn/m, i/1, nv/rw …) or a near match of a word the text uses more often or
of a register name explains them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from . import patterns as P
from .context import unique_context

# One-step OCR confusions: what was printed → what it may stand for.
OCR_CONFUSIONS = (("l", "i"), ("i", "l"), ("1", "l"), ("l", "1"), ("0", "O"), ("O", "0"), ("rn", "m"),
                  ("m", "rn"), ("nv", "rw"), ("vv", "w"), ("cl", "d"), ("li", "h"), ("ii", "u"), ("i", "1"),
                  ("1", "i"), ("e", "o"), ("t", "z"), ("W", "T"), ("rr", "rt"), ("c", "e"), ("]3", "B"))


@dataclass(slots=True)
class Suspect:
    start: int
    end: int
    sic: str
    corr: str | None
    rule: str
    score: float
    reason: str


@lru_cache(maxsize=1)
def _speller():
    from spellchecker import SpellChecker

    return SpellChecker(distance=1)


def known(word: str) -> bool:
    return not _speller().unknown([word.lower()])


def _suspect(m_start: int, m_end: int, text: str, corr: str | None, rule: str, score: float, reason: str):
    return Suspect(m_start, m_end, text[m_start:m_end], corr, rule, score, reason)


def rule_mixed_token(text: str, ctx) -> list[Suspect]:
    out = []
    for m in P.MIXED_TOKEN.finditer(text):
        tok = m["tok"]
        digits = sum(ch.isdigit() for ch in tok)
        if digits == len(tok):
            continue
        if digits >= len(tok) / 2:
            corr = tok.translate(str.maketrans({"l": "1", "I": "1", "i": "1", "O": "0", "o": "0", "~": "", "|": "1"}))
        else:
            corr = tok.replace("]3", "B").translate(str.maketrans({"0": "O", "1": "l", "5": "S", "~": ""}))
        if P.ORDINAL_OR_DECADE.match(tok):
            continue  # "1920s", "21st"
        out.append(_suspect(m.start("tok"), m.end("tok"), text, corr if corr != tok else None, "ocr-mixed", 0.9,
                            "OCR: letters and digits mixed in one token"))
    return out


def rule_glued_capital(text: str, ctx) -> list[Suspect]:
    return [_suspect(m.start(), m.end(), text, f"{m['left']} {m['right']}", "glued-words", 0.85,
                     "space missing between two words") for m in P.GLUED_CAPITAL.finditer(text)
            if known(m["left"])]


def rule_glued_punctuation(text: str, ctx) -> list[Suspect]:
    out = []
    for m in P.GLUED_PUNCTUATION.finditer(text):
        a = m.start()
        b = min(len(text), m.end() + 1)
        while b < len(text) and text[b].isalnum():
            b += 1
        left = a
        while left > 0 and text[left - 1].isalnum():
            left -= 1
        sic = text[left:b]
        corr = text[left:m.end()] + " " + text[m.end():b]
        out.append(Suspect(left, b, sic, corr, "glued-punctuation", 0.8, "space missing after punctuation"))
    return out


def rule_spacing(text: str, ctx) -> list[Suspect]:
    out = []
    for m in P.SPACE_BEFORE_PUNCT.finditer(text):
        w = m.start("word")  # show the whole word too: "world ." → "world."
        while w > 0 and text[w - 1].isalnum():
            w -= 1
        out.append(Suspect(w, m.end(), text[w:m.end()], text[w:m.end()].replace(" ", ""),
                           "space-before-punctuation", 0.75, "spurious space before punctuation"))
    out += [_suspect(m.start(), m.end(), text, m["left"] + m["right"], "space-after-hyphen", 0.8,
                     "spurious space after a hyphen") for m in P.SPACE_AFTER_HYPHEN.finditer(text)]
    return out


def rule_stray_punctuation(text: str, ctx) -> list[Suspect]:
    out = [_suspect(m.start(), m.end(), text, (m["word"] if m["punct"] != "-" else "- " + m["word"]),
                    "stray-punctuation", 0.7, "punctuation glued to the front of a word")
           for m in P.PUNCT_BEFORE_WORD.finditer(text)]
    out += [_suspect(m.start(), m.end(), text, m["word"], "stray-punctuation", 0.6,
                     "full stop after a small word inside a sentence") for m in P.STOP_AFTER_SMALL_WORD.finditer(text)]
    out += [_suspect(m.start(), m.end(), text, m["word"].capitalize(), "lower-case-sentence", 0.55,
                     "sentence starts in lower case") for m in P.LOWER_AFTER_STOP.finditer(text)
            if not _after_abbreviation(text, m.start())]
    out += [_suspect(m.start(), m.end(), text, m["num"].replace(" ", ""), "space-in-number", 0.85,
                     "spurious space inside a number") for m in P.SPACE_IN_NUMBER.finditer(text)]
    out += [_suspect(m.start(), m.end(), text, "...", "broken-ellipsis", 0.8, "ellipsis with a space inside")
            for m in P.BROKEN_ELLIPSIS.finditer(text)]
    return out


def _after_abbreviation(text: str, at: int) -> bool:
    return bool(P.ABBREVIATION_END.search(text[max(0, at - 8):at]))


def rule_quotes(text: str, ctx) -> list[Suspect]:
    out = [_suspect(m.start(), m.end(), text, m["q"][0], "quote-doubled", 0.8, "doubled quotation mark")
           for m in P.DOUBLED_QUOTE.finditer(text)]
    out += [_suspect(m.start(), m.end(), text, m["q"], "quote-space", 0.7, "space after an opening quotation mark")
            for m in P.SPACE_AFTER_OPENING.finditer(text)]
    out += [_suspect(m.start(), m.end("next"), text, f"{m['word']} '{m['next']}", "quote-misplaced", 0.7,
                     "opening quotation mark before the space") for m in P.QUOTE_BEFORE_SPACE.finditer(text)]
    for para_start, para in _paragraphs(text):
        doubles = [i for i, ch in enumerate(para) if ch == '"']
        if len(doubles) % 2:
            for i in doubles:
                out.append(Suspect(para_start + i, para_start + i + 1, '"', None, "quote-unbalanced", 0.5,
                                   "odd number of double quotation marks in the paragraph"))
    return out


def rule_quote_balance(text: str, ctx) -> list[Suspect]:
    """A closing mark with no quotation open, or a quotation still open at the paragraph's end."""
    out = []
    for para_start, para in _paragraphs(text):
        opened: int | None = None
        for m in P.QUOTE_MARK.finditer(para):
            i = m.start()
            before = para[i - 1] if i else " "
            after = para[i + 1] if i + 1 < len(para) else " "
            if before.isalnum() and after.isalnum():
                continue  # an apostrophe: "Trotsky's", "d'une"
            if m["q"] == '"':
                continue  # double marks are counted by rule_quotes
            if (before.isspace() or before in "([") and not after.isspace():
                opened = i
            elif not before.isspace():
                if before in "sS" and P.SPACE_THEN_LETTER.match(para[i + 1:i + 3]) and (
                        opened is None or P.CLOSING_QUOTE.search(para, i + 1)):
                    continue  # "the Workers' State", "workers' opposition": a plural possessive
                if opened is None:
                    if para[i + 1:i + 2].isalpha():
                        continue
                    a = para_start + i - (1 if before in ".,;:!?" else 0)
                    out.append(Suspect(a, para_start + i + 1, text[a:para_start + i + 1], text[a:para_start + i],
                                       "quote-stray", 0.6, "closing quotation mark with no quotation open"))
                opened = None
        if opened is not None and not para[opened + 1:opened + 3].startswith("s "):
            end = len(para.rstrip())
            anchor = P.TRAILING_ANCHOR.search(para[:end])
            end = anchor.start() if anchor else end
            w = end
            while w > 0 and not para[w - 1].isspace():
                w -= 1
            out.append(Suspect(para_start + w, para_start + end, para[w:end], para[w:end] + "'", "quote-unclosed",
                               0.5, "a quotation opens in this paragraph and does not close"))
    return out


def rule_missing_stop(text: str, ctx) -> list[Suspect]:
    out = [_suspect(m.start(), m.end("q"), text, m["word"] + "'.", "stop-missing", 0.55,
                    "full stop missing after a quotation") for m in P.STOP_MISSING_AFTER_QUOTE.finditer(text)]
    out += [_suspect(m.start("word"), m.end("word"), text, m["word"] + ".", "stop-missing", 0.4,
                     "full stop missing between two sentences") for m in P.STOP_MISSING.finditer(text)]
    out += [_suspect(m.start(), m.end(), text, " (", "stray-punctuation", 0.4, "comma before a parenthesis")
            for m in P.COMMA_BEFORE_PAREN.finditer(text)]
    return out


def _paragraphs(text: str):
    pos = 0
    for block in P.PARAGRAPH_BREAK.split(text):
        if block.strip() and not block.startswith("\n"):
            yield pos, block
        pos += len(block)


def rule_hyphenated(text: str, ctx) -> list[Suspect]:
    """A hyphenated word the text elsewhere prints as one word ("through-out" / "throughout"), or a
    compound printed once that is one letter away from a compound the text uses ("ready-male")."""
    counts: Counter = ctx["counts"]
    compounds = Counter(m.group(0) for m in P.HYPHENATED.finditer(text))
    out = []
    for m in P.HYPHENATED.finditer(text):
        joined = m["left"] + m["right"]
        if counts[joined] >= 1:
            out.append(_suspect(m.start(), m.end(), text, joined, "hyphen-join", 0.6,
                                f"the text elsewhere prints {joined!r} as one word (a line-end division left over?)"))
        elif compounds[m.group(0)] == 1:
            weight = lambda c: sum(counts[w] for w in c.split("-"))  # noqa: E731
            near = sorted(c for c in compounds if c != m.group(0) and _distance1(c, m.group(0))
                          and weight(c) > weight(m.group(0)))  # flag the rarer spelling only
            if near:
                out.append(_suspect(m.start(), m.end(), text, near[0], "compound-variant", 0.7,
                                    f"one letter away from {near[0]!r}, which the text prints too"))
    return out


def rule_unknown_words(text: str, ctx) -> list[Suspect]:
    counts: Counter = ctx["counts"]
    names: set[str] = ctx["names"]
    vocabulary = {w for w, c in counts.items() if c >= 2} | names
    out = []
    for m in P.WORD.finditer(text):
        word = m.group(0)
        bare = P.POSSESSIVE.sub("", word)
        if len(bare) < 4 or bare in names or counts[bare] >= 3:
            continue
        if known(bare):
            if counts[bare] == 1:  # "Bolshevik Parry" where the text prints "Party" forty times
                frequent = [v for v in _confusion_variants(bare) if counts[v] >= 3]
                if frequent:
                    out.append(Suspect(m.start(), m.start() + len(bare), bare, frequent[0], "ocr-confusion", 0.55,
                                       f"a known word, but read with one OCR confusion it is {frequent[0]!r}, "
                                       "which the text uses often"))
            continue
        corr, score, why = None, 0.3, "word unknown to the English word list"
        for variant in _confusion_variants(bare):
            if known(variant) and variant[:1].islower() == bare[:1].islower() or variant in vocabulary:
                corr, score, why = variant, 0.8, "OCR confusion: the word read with one letter changed is known"
                break
        if corr is None:
            near = [v for v in vocabulary if v != bare and abs(len(v) - len(bare)) <= 1 and _distance1(v, bare)
                    and v.lower() != bare.lower() and v.rstrip("s") != bare.rstrip("s")]
            if near:
                corr, score, why = sorted(near, key=lambda v: (-counts[v], v))[0], 0.75, \
                    "near match of a word or name the text uses elsewhere"
        if corr is None and bare[:1].isupper():
            score = 0.2  # a name or a foreign word, most likely
        out.append(Suspect(m.start(), m.start() + len(bare), bare, corr, "unknown-word", score, why))
    return out


def _confusion_variants(word: str):
    for wrong, right in OCR_CONFUSIONS:
        i = word.find(wrong)
        while i >= 0:
            yield word[:i] + right + word[i + len(wrong):]
            i = word.find(wrong, i + 1)


def _distance1(a: str, b: str) -> bool:
    """Levenshtein distance exactly one (one substitution, insertion or deletion)."""
    if a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


RULES = (rule_mixed_token, rule_glued_capital, rule_glued_punctuation, rule_spacing, rule_stray_punctuation,
         rule_quotes, rule_quote_balance, rule_missing_stop, rule_hyphenated, rule_unknown_words)


def suggest_corrections(text: str, names: set[str] | None = None) -> list[Suspect]:
    """Every suspect of the text, overlapping ones merged, best first."""
    words = [P.POSSESSIVE.sub("", w) for w in P.WORD.findall(text)]
    ctx = {"counts": Counter(words), "names": {w for n in (names or set()) for w in n.split()}}
    found = [s for rule in RULES for s in rule(text, ctx)]
    found.sort(key=lambda s: (-s.score, s.start))
    kept: list[Suspect] = []
    for s in found:
        if not any(s.start < k.end and k.start < s.end for k in kept):
            kept.append(s)
    return sorted(kept, key=lambda s: (-s.score, s.start))


def to_toml(text: str, suspects: list[Suspect], source_path: str = "") -> str:
    """``[[correction]]`` stubs, one per suspect, with a unique context each."""
    from .context import position, toml_string

    lines = [f"# lefort-tei suggest corrections {source_path}".rstrip(),
             "# Suspects, best first. Check each against the printed text; keep the right ones and",
             "# adjust `reason` and `cert`. A suspect with no proposed correction is commented out:",
             "# write its `corr` and remove the '# ' to use it. The file loads as it is.", ""]
    for s in suspects:
        line, col = position(text, s.start)
        entry = [f"[[correction]]   # {s.rule} · score {s.score:.2f} · {source_path}:{line}:{col}",
                 f"sic = {toml_string(s.sic)}",
                 f"corr = {toml_string(s.corr or '')}",
                 f"context = {toml_string(unique_context(text, s.start, s.end))}",
                 f"reason = {toml_string(s.reason)}",
                 'cert = "low"']
        lines += entry if s.corr else [f"# {x}" for x in entry]
        lines.append("")
    return "\n".join(lines)
