"""The corpus scorer: convert each text of a development corpus and compare its TEI with the truth.

In: a corpus folder holding texts and a ``truth.json`` (the shape of ``../shared/corpus/``: for each
file its headings, notes with the 20 characters before each anchor, block quotations, boilerplate
regions, pages, running heads, hyphenated line ends, a sample of persons). Out: a ``FileScore`` per
text and totals; ``lefort-tei eval`` prints them as a table or JSON.

Every comparison is made on the **non-space characters** of the diplomatic text, which equal the
source's non-space characters when the edition is lossless: a TEI element is placed in the source
by counting the non-space characters before it, so no offset map between TEI and source is needed
and white space (blank lines, indentation, line breaks kept or not) never decides a score. What
the scorer reads in the TEI:

- note links: a ``ref[@type="noteAnchor"]`` pointing to a ``note`` (or a ``note`` encoded in place,
  which is its own anchor); a truth item is found when the 20 characters before it in the truth
  end the text before the anchor and the note's ``@n`` is the truth's label (or, where the truth
  gives the note's first 30 characters instead, the note starts with them, and precision is
  measured on the pages that sample covers: the anchors between their ``pb`` s);
- headings: the title page's ``docTitle`` and each ``head`` outside boilerplate divisions (a notes
  division's heading, "FOOTNOTES:", is a heading as printed; a ``docTitle`` equal to the truth's
  ``title`` is the title, not a heading, unless the truth lists the title line as a heading), matched in order to
  the truth's headings (a heading printed with its subtitle, or a number line and a title line,
  may be one ``head``); markup characters of a heading (``#``, a reST underline) are ignored;
- block quotations: block-level ``quote`` elements, matched by their first characters (where the
  truth says its count is exact for some divisions only, ``count_is``, precision is measured on
  the quotations between the truth headings that enclose its items: outside them its silence is
  no "not a quotation");
- boilerplate: ``div[@type="boilerplate"]`` in ``front`` or ``back``; a truth region is set apart
  when 95 % of its characters are inside such divisions;
- pages: ``pb`` elements (and their ``@n``); running heads: ``fw`` elements; hyphenation:
  ``lb[@break="no"]``; persons: the ``persons_sample`` names inside ``persName``.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from lxml import etree

from .encode.tei import TEI_NS, local
from .plaintext import EDITORIAL, SOURCE_READINGS

TRUTH_NAME = "truth.json"
SET_APART = 0.95  # share of a boilerplate region's characters that must be inside boilerplate divs
BLOCK_PARENTS = {"div", "body", "back", "front", "note", "cit"}

# Heading markup that is not part of a heading's words: "# 29.2 The Teachings", a reST underline
# "=======" under "12.3 What the Historian Thought". Applied to both sides, on non-space characters.
HEADING_MARKUP = re.compile(r"^[#=\-~^*_+`'\"]{3,}|^#+|[#=\-~^*_+`'\"]{3,}$")
# A HathiTrust page separator, "## p. iv (#10) ####…": the printed label of the page that follows.
HATHI_SEPARATOR = re.compile(r"^## p\. (?P<label>\S*) \(#\d+\) #+$", re.MULTILINE)
DIGITS = re.compile(r"\d+")


def squeeze(s: str) -> str:
    """The non-space characters of ``s``: the coordinates every comparison uses."""
    return "".join(s.split())


# --------------------------------------------------------------------------- the TEI side


@dataclass(slots=True)
class Located:
    """An element of the TEI and the range of its diplomatic text, in non-space characters."""

    element: etree._Element
    start: int
    end: int


class DiplomaticIndex:
    """The diplomatic text of ``<text>`` (non-space characters only) and where each element lies."""

    def __init__(self, root: etree._Element) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.where: dict[etree._Element, tuple[int, int]] = {}
        text = root.find(f"{{{TEI_NS}}}text")
        if text is not None:
            self._walk(text)
        self.text = "".join(self.parts)

    def _add(self, s: str | None) -> None:
        if s:
            s = squeeze(s)
            self.parts.append(s)
            self.length += len(s)

    def _walk(self, element: etree._Element) -> None:
        start = self.length
        self._add(element.text)
        for child in element:
            if isinstance(child.tag, str) and not _skip(child):
                self._walk(child)
            self._add(child.tail)
        self.where[element] = (start, self.length)

    def span(self, element: etree._Element) -> tuple[int, int]:
        return self.where.get(element, (0, 0))

    def of(self, element: etree._Element) -> str:
        start, end = self.span(element)
        return self.text[start:end]


def _skip(element: etree._Element) -> bool:
    return element.get("type") == "editorial" or local(element) in EDITORIAL


def _is_block_quote(q: etree._Element) -> bool:
    parent = q.getparent()
    return q.get("type") == "block" or (parent is not None and local(parent) in BLOCK_PARENTS)


def _inside(element: etree._Element, pred) -> bool:
    e = element.getparent()
    while e is not None:
        if pred(e):
            return True
        e = e.getparent()
    return False


def _is_boilerplate_div(e: etree._Element) -> bool:
    return local(e) == "div" and e.get("type") == "boilerplate"


# --------------------------------------------------------------------------- the source side


class SourceIndex:
    """The source's non-space characters, with the offset (in them) where each line starts."""

    def __init__(self, text: str) -> None:
        self.line_starts: list[int] = []
        count = 0
        for line in text.split("\n"):
            self.line_starts.append(count)
            count += len(squeeze(line))
        self.line_starts.append(count)
        self.text = squeeze(text)

    def lines(self, first: int, last: int) -> tuple[int, int]:
        """Range of lines ``first``..``last`` (1-based, inclusive) in non-space characters."""
        first = max(1, min(first, len(self.line_starts) - 1))
        last = max(first, min(last, len(self.line_starts) - 1))
        return self.line_starts[first - 1], self.line_starts[last]


# --------------------------------------------------------------------------- scores


@dataclass(slots=True)
class PR:
    """Counts for precision and recall: ``found`` truth items of ``truth``; ``right`` of ``predicted``."""

    found: int = 0
    truth: int = 0
    right: int = 0
    predicted: int = 0

    @property
    def recall(self) -> float | None:
        return self.found / self.truth if self.truth else None

    @property
    def precision(self) -> float | None:
        return self.right / self.predicted if self.predicted else (None if not self.truth else 0.0)

    def add(self, other: "PR") -> None:
        self.found += other.found
        self.truth += other.truth
        self.right += other.right
        self.predicted += other.predicted

    def as_json(self) -> dict:
        return {"found": self.found, "truth": self.truth, "right": self.right, "predicted": self.predicted,
                "recall": self.recall, "precision": self.precision}


@dataclass(slots=True)
class FileScore:
    name: str
    family: str = ""
    converted: bool = False
    error: str = ""
    lossless: bool = False
    valid: bool = False
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    notes: PR = field(default_factory=PR)
    note_count: tuple[int, int | None] = (0, None)
    headings: PR = field(default_factory=PR)
    quotes: PR = field(default_factory=PR)
    boilerplate: PR = field(default_factory=PR)  # regions set apart / regions; characters right / marked
    pages: tuple[int, int] = (0, 0)  # pb found, truth count
    page_numbers: PR = field(default_factory=PR)  # pb/@n right where a number is printed
    running_heads: PR = field(default_factory=PR)  # truth running heads inside fw
    heads_from_furniture: int = 0  # head elements that are a running head
    hyphenation: tuple[int, int | None] = (0, None)
    persons: PR = field(default_factory=PR)

    def as_json(self) -> dict:
        out = asdict(self)
        for key in ("notes", "headings", "quotes", "boilerplate", "page_numbers", "running_heads", "persons"):
            out[key] = getattr(self, key).as_json()
        return out


def _count(value) -> int | None:
    """A truth count: an int, or the first number of an "approx 66 (pp. 3-20)" string."""
    if isinstance(value, int):
        return value
    m = DIGITS.search(str(value or ""))
    return int(m.group()) if m else None


def _label_key(label: str | None) -> str:
    """"fn3", "[3]", "3." → "3"; a label without digits keeps its letters ("*" stays "*")."""
    label = (label or "").strip()
    digits = "".join(DIGITS.findall(label))
    return digits or label.lower()


def score_notes(tei: etree._Element, index: DiplomaticIndex, truth: dict) -> tuple[PR, tuple[int, int | None]]:
    notes_truth = truth.get("notes") or {}
    items = notes_truth.get("items")
    exact_note_start = False
    if items is None and notes_truth.get("items_exact_pp3_5"):
        items, exact_note_start = notes_truth["items_exact_pp3_5"], True
    items = items or []
    ns = {"t": TEI_NS}
    notes = {n.get(f"{{http://www.w3.org/XML/1998/namespace}}id"): n
             for n in tei.iterfind(".//t:text//t:note", ns)}
    anchors: list[tuple[int, etree._Element]] = []
    for ref in tei.iterfind(".//t:text//t:ref[@type='noteAnchor']", ns):
        note = notes.get((ref.get("target") or "").lstrip("#"))
        if note is not None:
            anchors.append((index.span(ref)[0], note))
    anchored = {id(n) for _, n in anchors}
    for note in notes.values():  # a note in place, with no anchor pointing to it, is its own anchor
        parent = note.getparent()
        if id(note) not in anchored and parent is not None and local(parent) not in ("div", "back", "body"):
            anchors.append((index.span(note)[0], note))
    anchors.sort(key=lambda a: a[0])
    used: set[int] = set()
    pr = PR(truth=len(items), predicted=len(anchors))
    if exact_note_start:  # the truth lists every note of a few pages only: precision on those pages
        lo, hi = _sampled_pages(tei, index, {str(item.get("page", "")) for item in items})
        pr.predicted = sum(1 for at, _ in anchors if lo <= at < hi)
    for item in items:
        before = squeeze(item.get("before_anchor_20", ""))
        unnumbered = str(item.get("label", "")).startswith("(unnumbered")  # "(unnumbered 3)": no label printed
        label = _label_key(item.get("label"))
        for k, (at, note) in enumerate(anchors):
            if k in used or not before or not index.text[:at].endswith(before[-12:]):
                continue
            if not index.text[max(0, at - len(before)):at].endswith(before):
                continue
            if exact_note_start:
                ok = index.of(note).startswith(squeeze(item.get("note_first30", ""))[:12])
            else:
                ok = unnumbered or _label_key(note.get("n")) == label
            if ok:
                used.add(k)
                pr.found += 1
                pr.right += 1
                break
    return pr, (len(notes), _count(notes_truth.get("count")))


def _sampled_pages(tei: etree._Element, index: DiplomaticIndex, pages: set[str]) -> tuple[int, int]:
    """Where the pages ``pages`` lie in the diplomatic text: from the first one's ``pb`` to the
    ``pb`` after the last one ((0, 0) when no ``pb`` carries one of their numbers)."""
    breaks = [(index.span(pb)[0], pb.get("n")) for pb in tei.iterfind(f".//{{{TEI_NS}}}text//{{{TEI_NS}}}pb")]
    inside = [k for k, (_, n) in enumerate(breaks) if n in pages]
    if not inside:
        return 0, 0
    end = breaks[inside[-1] + 1][0] if inside[-1] + 1 < len(breaks) else len(index.text)
    return breaks[inside[0]][0], end


def _heading_key(s: str) -> str:
    return HEADING_MARKUP.sub("", squeeze(s)).lower()


def score_headings(tei: etree._Element, index: DiplomaticIndex, truth: dict) -> tuple[PR, list[str]]:
    ns = {"t": TEI_NS}
    predicted = [h for h in tei.find("t:text", ns).iter(f"{{{TEI_NS}}}head", f"{{{TEI_NS}}}docTitle")
                 if not _inside(h, _is_boilerplate_div)
                 and not _inside(h, _skip)]  # the registers' heads are editorial
    wanted = truth.get("headings") or []
    keys = [_heading_key(h.get("text", "")) for h in wanted]
    # The title page is scored as the title, not as a heading, unless the truth lists the title
    # line itself among the headings (a text whose first heading is its title).
    title = _heading_key(truth.get("title") or "")
    block = (truth.get("title_block") or {}).get("lines") or [1, 1]
    title_is_heading = any(k == title and block[0] <= (h.get("line") or 0) <= block[-1]
                           for k, h in zip(keys, wanted))
    predicted = [h for h in predicted if not (local(h) == "docTitle" and not title_is_heading
                                              and _heading_key(index.of(h)) == title)]
    got = [_heading_key(index.of(h)) for h in predicted]
    subs = [_heading_key(h.get("subtitle", "")) for h in wanted]
    pr = PR(truth=len(wanted), predicted=len(got))
    matched = [False] * len(wanted)
    j = 0  # headings come in order: search forward from the last match, then anywhere
    for g in got:
        hit = None
        order = list(range(j, len(wanted))) + list(range(0, j))
        for i in order:
            if matched[i]:
                continue
            forms = {keys[i], keys[i] + subs[i]}
            if i + 1 < len(wanted):
                forms.add(keys[i] + keys[i + 1])
            if g in forms:
                hit = i
                break
        if hit is None:
            continue
        pr.right += 1
        matched[hit] = True
        if hit + 1 < len(wanted) and g == keys[hit] + keys[hit + 1] and g != keys[hit] + subs[hit]:
            matched[hit + 1] = True
        j = hit + 1
    pr.found = sum(matched)
    pr.right = min(pr.right, pr.predicted)
    return pr, got


def score_quotes(tei: etree._Element, index: DiplomaticIndex, truth: dict, source: SourceIndex | None = None) -> PR:
    ns = {"t": TEI_NS}
    quotes = [q for q in tei.iterfind(".//t:text//t:quote", ns) if _is_block_quote(q)]
    items = (truth.get("block_quotes") or {}).get("items") or []
    scope = _quote_scope(truth, source) if source is not None else None
    if scope is not None:  # the truth counts the quotations of some divisions only: precision there
        quotes = [q for q in quotes if scope[0] <= index.span(q)[0] < scope[1]]
    starts = [index.of(q)[:20] for q in quotes]
    pr = PR(truth=len(items), predicted=len(quotes))
    used: set[int] = set()
    for item in items:
        want = squeeze(item.get("first30", ""))[:20]
        for k, s in enumerate(starts):
            if k not in used and want and (s.startswith(want) or want.startswith(s) and len(s) >= 8):
                used.add(k)
                pr.found += 1
                break
    pr.right = len(used)
    return pr


def _quote_scope(truth: dict, source: SourceIndex) -> tuple[int, int] | None:
    """Where a truth that lists the block quotations of some divisions only is exact, in non-space
    characters: from the truth heading before its first quotation to the truth heading after its
    last. Only when the truth says its count is bound to a rule and a region (``count_is``: "exact
    for the rule: … in Chapters I-VII"); otherwise None (the truth is whole)."""
    quotes = truth.get("block_quotes") or {}
    lines = [item["line"] for item in quotes.get("items") or [] if isinstance(item.get("line"), int)]
    if not quotes.get("count_is") or not lines:
        return None
    heads = sorted(h["line"] for h in truth.get("headings") or [] if isinstance(h, dict)
                   and isinstance(h.get("line"), int))
    first = max((h for h in heads if h <= min(lines)), default=1)
    after = min((h for h in heads if h > max(lines)), default=len(source.line_starts))
    return source.lines(first, first)[0], source.lines(after, after)[0]


def score_boilerplate(tei: etree._Element, index: DiplomaticIndex, source: SourceIndex, truth: dict) -> PR:
    ns = {"t": TEI_NS}
    marked = sorted(index.span(d) for d in tei.iterfind(".//t:text//t:div[@type='boilerplate']", ns)
                    if not _inside(d, _is_boilerplate_div))
    regions = [source.lines(*r["lines"]) for r in truth.get("boilerplate") or [] if r.get("lines")]

    def overlap(a: tuple[int, int], spans: list[tuple[int, int]]) -> int:
        return sum(max(0, min(a[1], b[1]) - max(a[0], b[0])) for b in spans)

    pr = PR(truth=len(regions))
    pr.found = sum(1 for r in regions if r[1] > r[0] and overlap(r, marked) >= SET_APART * (r[1] - r[0]))
    pr.predicted = sum(e - s for s, e in marked)
    pr.right = sum(overlap(m, regions) for m in marked)
    return pr


def score_pages(tei: etree._Element, index: DiplomaticIndex, source_text: str, truth: dict, fs: FileScore) -> None:
    ns = {"t": TEI_NS}
    pbs = list(tei.iterfind(".//t:text//t:pb", ns))
    fs.pages = (len(pbs), _count((truth.get("pages") or {}).get("count")) or 0)
    labels = [m["label"] for m in HATHI_SEPARATOR.finditer(source_text)]
    if labels:  # the printed number of each page, where the separators print one
        printed = [lab for lab in labels if lab]
        got = {pb.get("n") for pb in pbs if pb.get("n")}
        fs.page_numbers = PR(found=sum(1 for lab in printed if lab in got), truth=len(printed),
                             right=sum(1 for pb in pbs if pb.get("n") in set(printed)),
                             predicted=sum(1 for pb in pbs if pb.get("n")))
    heads = truth.get("running_heads") or []
    fws = [index.of(fw) for fw in tei.iterfind(".//t:text//t:fw", ns)]
    fw_text = "\u0000".join(fws)
    rh = PR(truth=len(heads), predicted=len(fws))
    rh.found = sum(1 for h in heads if squeeze(h.get("text", "") if isinstance(h, dict) else str(h)) in fw_text)
    rh.right = rh.found
    fs.running_heads = rh
    head_texts = {squeeze(h.get("text", "") if isinstance(h, dict) else str(h)) for h in heads}
    fs.heads_from_furniture = sum(1 for h in tei.iterfind(".//t:text//t:head", ns) if index.of(h) in head_texts)
    hyph = truth.get("hyphenated_breaks") or {}
    fs.hyphenation = (len(list(tei.iterfind(".//t:text//t:lb[@break='no']", ns))), _count(hyph.get("count")))


def score_persons(tei: etree._Element, index: DiplomaticIndex, truth: dict) -> PR:
    ns = {"t": TEI_NS}
    sample = truth.get("persons_sample") or []
    tagged = "\u0000".join(index.of(p) for p in tei.iterfind(".//t:text//t:persName", ns) if not _inside(p, _skip))
    found = sum(1 for name in sample if squeeze(name) and squeeze(name) in tagged)
    return PR(found=found, truth=len(sample), right=found, predicted=found)


# --------------------------------------------------------------------------- driving


def load_truth(corpus: Path) -> dict:
    with open(corpus / TRUTH_NAME, encoding="utf-8") as f:
        return json.load(f)["files"]


def score_file(path: Path, truth: dict, keep: dict[str, bytes] | None = None) -> FileScore:
    """Convert ``path`` with no data file and score the result against ``truth``."""
    from .diagnostics import LefortError
    from .pipeline import convert
    from .validate import validate_bytes

    fs = FileScore(name=path.name, family=str(truth.get("family", ""))[:1])
    started = time.process_time()
    try:
        converted = convert(path, use_default_data=False)
    except LefortError as exc:
        fs.error = "; ".join(d.message for d in exc.diagnostics)[:300]
        fs.seconds = time.process_time() - started
        return fs
    fs.seconds = time.process_time() - started
    fs.converted = True
    data = converted.encoded.data
    if keep is not None:
        keep[path.name] = data
    problems = [d for d in validate_bytes(data, path.name) if d.level == "error"]
    fs.valid = not problems
    fs.problems = [f"{d.code}: {d.message}"[:200] for d in problems[:5]]
    root = etree.fromstring(data)
    source_text = path.read_bytes().decode(_encoding(truth)).replace("\r\n", "\n").replace("\r", "\n")
    index, source = DiplomaticIndex(root), SourceIndex(source_text)
    fs.lossless = index.text == source.text
    fs.notes, fs.note_count = score_notes(root, index, truth)
    fs.headings, _ = score_headings(root, index, truth)
    fs.quotes = score_quotes(root, index, truth, source)
    fs.boilerplate = score_boilerplate(root, index, source, truth)
    score_pages(root, index, source_text, truth, fs)
    fs.persons = score_persons(root, index, truth)
    return fs


def check_tei_all(scores: list[FileScore], data: dict[str, bytes], rng_path: str) -> None:
    """Validate every converted file against TEI All in one jing run (lxml when jing is missing)."""
    import tempfile

    from .validate.jing import available, validate_with_jing

    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for name, blob in data.items():
            paths[name] = str(Path(tmp) / (Path(name).stem + ".xml"))
            Path(paths[name]).write_bytes(blob)
        if available():
            found = validate_with_jing(rng_path, list(paths.values()))
            problems = {name: [d for d in found[p] if d.level == "error"] for name, p in paths.items()}
        else:
            schema = etree.RelaxNG(etree.parse(rng_path))
            problems = {}
            for name, blob in data.items():
                ok = schema.validate(etree.fromstring(blob))
                problems[name] = [] if ok else [e.message for e in list(schema.error_log)[:5]]
    for fs in scores:
        bad = problems.get(fs.name) or []
        if bad:
            fs.valid = False
            fs.problems += [f"tei_all: {getattr(d, 'message', d)}"[:200] for d in bad[:5]]


def _encoding(truth: dict) -> str:
    enc = str(truth.get("encoding", "utf-8")).lower()
    return "latin-1" if "8859" in enc or "latin" in enc else "utf-8-sig"


@dataclass(slots=True)
class CorpusScore:
    files: list[FileScore]

    def total(self, key: str) -> PR:
        out = PR()
        for f in self.files:
            out.add(getattr(f, key))
        return out

    def as_json(self) -> dict:
        totals = {k: self.total(k).as_json() for k in
                  ("notes", "headings", "quotes", "boilerplate", "page_numbers", "running_heads", "persons")}
        totals["lossless"] = sum(f.lossless for f in self.files)
        totals["valid"] = sum(f.valid for f in self.files)
        totals["files"] = len(self.files)
        return {"files": [f.as_json() for f in self.files], "totals": totals}


def score_corpus(corpus: str | Path, only: list[str] | None = None, tei_all: str | None = None,
                 progress=None) -> CorpusScore:
    corpus = Path(corpus)
    truth = load_truth(corpus)
    names = [n for n in sorted(truth) if not only or any(o in n for o in only)]
    scores, data = [], {}
    for name in names:
        scores.append(score_file(corpus / name, truth[name], data))
        if progress:
            progress(scores[-1])
    if tei_all and data:
        check_tei_all(scores, data, tei_all)
    return CorpusScore(scores)


def _pct(value: float | None) -> str:
    return "  -  " if value is None else f"{100 * value:5.1f}"


def format_table(score: CorpusScore) -> str:
    """A Markdown table: one row per file, then the totals (micro-averaged)."""
    head = ("| file | ok | notes P | notes R | notes n/truth | heads P | heads R | quotes P | quotes R "
            "| boiler set apart | boiler P | pb/truth | pb @n R | fw R | hyph/truth | persons R | cpu s |")
    rows = [head, "|" + "|".join(["---"] * 17) + "|"]
    for f in score.files:
        if not f.converted:
            rows.append(f"| {f.name[:34]} | FAILED: {f.error[:80]} |" + " |" * 15)
            continue
        ok = ("L" if f.lossless else "l!") + ("V" if f.valid else "v!")
        rows.append("| " + " | ".join([
            f.name[:34], ok, _pct(f.notes.precision), _pct(f.notes.recall),
            f"{f.note_count[0]}/{f.note_count[1] if f.note_count[1] is not None else '?'}",
            _pct(f.headings.precision), _pct(f.headings.recall), _pct(f.quotes.precision), _pct(f.quotes.recall),
            f"{f.boilerplate.found}/{f.boilerplate.truth}", _pct(f.boilerplate.precision),
            f"{f.pages[0]}/{f.pages[1]}", _pct(f.page_numbers.recall), _pct(f.running_heads.recall),
            f"{f.hyphenation[0]}/{f.hyphenation[1] if f.hyphenation[1] is not None else '?'}",
            _pct(f.persons.recall), f"{f.seconds:.2f}"]) + " |")
    t = {k: score.total(k) for k in ("notes", "headings", "quotes", "boilerplate", "page_numbers",
                                     "running_heads", "persons")}
    ok = f"{sum(f.lossless for f in score.files)}L {sum(f.valid for f in score.files)}V/{len(score.files)}"
    rows.append("| " + " | ".join([
        "**total**", ok, _pct(t["notes"].precision), _pct(t["notes"].recall), "", _pct(t["headings"].precision),
        _pct(t["headings"].recall), _pct(t["quotes"].precision), _pct(t["quotes"].recall),
        f"{t['boilerplate'].found}/{t['boilerplate'].truth}", _pct(t["boilerplate"].precision),
        f"{sum(f.pages[0] for f in score.files)}/{sum(f.pages[1] for f in score.files)}",
        _pct(t["page_numbers"].recall), _pct(t["running_heads"].recall),
        f"{sum(f.hyphenation[0] for f in score.files)}/{sum(f.hyphenation[1] or 0 for f in score.files)}",
        _pct(t["persons"].recall), f"{sum(f.seconds for f in score.files):.1f}"]) + " |")
    return "\n".join(rows)
