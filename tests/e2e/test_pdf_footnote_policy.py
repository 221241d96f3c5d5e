"""One layout keeps every footnote on its call's page (``render.footnote_policy``).

In: a small page of our own (100 × 100 px, 10 px lines, a one-line note) where the first line of
a second paragraph fits at the foot of the first page only if that page's note moves to the next
page. Out: which page WeasyPrint puts each id on, read from its laid-out pages.
"""

from __future__ import annotations

import pytest

from lefort_tei.render.footnote_policy import notes_kept_with_calls

pytestmark = pytest.mark.pdf

PAGE = """<html><head><style>
@page { size: 100px 100px; margin: 0; @footnote { margin: 0; padding: 0; border: 0; } }
html { font: 8px/10px serif; orphans: 1; widows: 1; }
body, p { margin: 0; }
.footnote { float: footnote; footnote-policy: line; }
::footnote-call, ::footnote-marker { vertical-align: baseline; font-size: inherit; line-height: inherit; }
</style></head><body>
<p id="a">one<span class="footnote" id="note">a note of one line</span><br>two<br>three<br>four<br>five<br>six<br>
seven<br>eight<br>nine</p>
<p id="b">ten<br>eleven</p>
</body></html>"""


def pages_of(document) -> dict[str, int]:
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, 1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages


def lay_out():
    from weasyprint import HTML

    return pages_of(HTML(string=PAGE).render())


def test_the_note_stays_on_its_calls_page_and_the_next_paragraph_moves():
    with notes_kept_with_calls() as active:
        pages = lay_out()
    assert active, "WeasyPrint's internals changed: footnote_policy no longer applies (see its docstring)"
    assert pages["a"] == pages["note"] == 1
    assert pages["b"] == 2  # nine lines and the note fill the page: the paragraph starts the next


def test_without_it_weasyprint_carries_the_note_and_the_guard_is_undone_after_the_block():
    from weasyprint.layout import block

    before = block._linebox_layout
    with notes_kept_with_calls():
        assert block._linebox_layout is not before
    assert block._linebox_layout is before
    pages = lay_out()
    # WeasyPrint's own choice, which the guard exists for: the first line of "b" squeezed in at the
    # foot, the note carried past its call. (Should a later WeasyPrint keep the note in place by
    # itself, this fails and the guard can go.)
    assert (pages["a"], pages["b"], pages["note"]) == (1, 1, 2)
