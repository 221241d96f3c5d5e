"""The indexes behind the annotators' checks: reserved spans and the block holding a span.

Each answer is compared with the plain scan it replaces, on every small span of a fixture.
"""

from itertools import product

from lefort_tei.annotate.spans import BlockIndex, Reserved, block_at
from lefort_tei.model import Heading, Paragraph, Span

RESERVED = [Span(2, 4), Span(10, 11), Span(7, 7), Span(20, 30), Span(22, 25)]


def test_reserved_overlaps_exactly_when_some_reserved_span_does():
    index = Reserved(RESERVED)
    for a, z in product(range(0, 34), repeat=2):
        if a > z:
            continue
        span = Span(a, z)
        assert index.overlaps(span) == any(r.overlaps(span) for r in RESERVED), span


def test_no_reserved_span_overlaps_nothing():
    assert not Reserved().overlaps(Span(0, 10))
    assert len(Reserved(RESERVED)) == 5


def test_a_span_inside_a_long_reserved_span_after_short_ones_is_refused():
    # the long span starts first, short ones end before the query: the running maximum of the
    # ends, not the last span's end, must answer
    index = Reserved([Span(0, 100), Span(5, 6), Span(8, 9)])
    assert index.overlaps(Span(50, 51))


def test_block_index_finds_the_first_block_in_reading_order_that_holds_a_span():
    p1, p2, p3 = Paragraph(Span(0, 10)), Paragraph(Span(30, 40)), Paragraph(Span(50, 60))
    head = Heading(Span(12, 20))
    index = BlockIndex([p1, p2, p3, head])  # reading order: paragraphs, then headings
    assert block_at(index, Span(2, 5)) is p1
    assert block_at(index, Span(0, 10)) is p1
    assert block_at(index, Span(13, 20)) is head
    assert block_at(index, Span(55, 60)) is p3
    assert block_at(index, Span(8, 13)) is None  # crosses a block boundary
    assert block_at(index, Span(25, 26)) is None  # between blocks
    assert block_at(index, Span(61, 62)) is None


def test_block_index_prefers_the_block_first_in_reading_order_when_two_hold_the_span():
    outer, inner = Heading(Span(0, 50)), Paragraph(Span(10, 20))
    assert block_at(BlockIndex([inner, outer]), Span(12, 14)) is inner
    assert block_at(BlockIndex([outer, inner]), Span(12, 14)) is outer
