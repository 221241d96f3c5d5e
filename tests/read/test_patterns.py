"""Each named pattern: a table of lines that must match (with the captured group) and must not."""

import pytest

from lefort_tei.read import patterns as P

MATCHES = [
    (P.TITLE_LINE, "The Contradiction of Trotsky - Claude Lefort", {"title": "The Contradiction of Trotsky", "author": "Claude Lefort"}),
    (P.TITLE_LINE, "On Tyranny \u2014 Leo Strauss", {"title": "On Tyranny", "author": "Leo Strauss"}),
    (P.TITLE_LINE, "The Essay by Jane Roe", {"title": "The Essay", "author": "Jane Roe"}),
    (P.PROVENANCE, '(Translated from LES TEMPS MODERNES, 39 (1948-1949) in "The Political Forms of Modern Society)', {}),
    (P.PROVENANCE, "(First published in Dissent, 1957)", {}),
    (P.HEADER_FIELD, "Title: Small Things", {"field": "Title", "value": "Small Things"}),
    (P.HEADER_FIELD, "Title:\t   The Papers of the Town.", {"field": "Title", "value": "The Papers of the Town."}),
    (P.HEADER_FIELD, "Author: Ada Roe", {"field": "Author", "value": "Ada Roe"}),
    (P.HEADER_FIELD, "restrictions. Title: Small Things Author: Ada Roe Release Date: May 1, 2007",
     {"field": "Title", "value": "Small Things"}),  # a header flattened into one line
    (P.PG_START, "Language: English *** START OF THIS PROJECT GUTENBERG EBOOK SMALL THINGS ***", {}),
    (P.NUMBERED_CAPS_TITLE, "3. THE LATER SCHOOLS", {}),
    (P.NUMBERED_CAPS_TITLE, "IV.  THE PARTIES OF THE LEFT\nIN THE PROVINCES", {}),
    (P.ENUMERATION_COLON, "by this only: ", {}),
    (P.INITIALS_ONLY, "R.D.", {}),
    (P.PLACE_LINE, "  HARBOURTON.", {}),
    (P.IMPRINT_LINE, "PRINTED IN THE UNITED STATES OF AMERICA", {}),
    (P.IMPRINT_LINE, "Copyright, 1926, by The House Press", {}),
    (P.PUBLISHER_WORD, "THE HOUSE PRESS", {}),
    (P.IMPRINT_YEAR, "NEW TOWN\nMCMXXVI", {}),
    (P.BYLINE, "_By_ ADA ROE", {}),
    (P.DATELINE, "     _January, 1913._", {}),
    (P.INITIALS_ONLY, "A. B. R.", {}),
    (P.NOTES_HEADING, "Notes", {}),
    (P.NOTES_HEADING, "ENDNOTES:", {}),
    (P.NOTE_START, "16 Trotsky, Stalin, p. 403.", {"plain": "16"}),
    (P.NOTE_START, "[3] Ibid., p. 187.", {"bracket": "3"}),
    (P.NOTE_START, "(12) Ibid.", {"paren": "12"}),
    (P.NOTE_START, "4. Boris Souvarine, Stalin", {"plain": "4"}),
    (P.ANCHOR_PAREN, "grief! (1)", {"num": "1"}),
    (P.ANCHOR_PAREN, "took possession of it.(5)", {"num": "5"}),
    (P.ANCHOR_PAREN, "schools of history'. (l6)", {"num": "l6"}),
    (P.ANCHOR_PAREN, "revolution (1O)", {"num": "1O"}),
    (P.ANCHOR_BRACKET, "the revolution.[12] Then", {"num": "12"}),
    (P.ANCHOR_SUPERSCRIPT, "the revolution.\u00b9\u00b2 Then", {"sup": "\u00b9\u00b2"}),
    (P.ANCHOR_BARE_AFTER_QUOTE, "the whole world',34", {"num": "34"}),
    (P.AFTER_CLOSING_ANCHOR, " .", {}),
    (P.CITATION_AT_END, "[I am Society]. (Stalin, p. 421: Lefort's emphasis)", {"cite": "Stalin, p. 421: Lefort's emphasis"}),
    (P.QUOTE_INTRO, "in My Life, he wrote:", {}),
    (P.QUOTE_INTRO, "'He [Stalin] took possession of power', writes Trotsky,", {}),
    (P.STARTS_LOWER, "not with the aid of personal qualities", {}),
    (P.OMISSION, "capitalism or socialism.[\u00b7 \u00b7 \u00b7]", {}),
    (P.OMISSION, "and so [...] on", {}),
    (P.HEADING_SHAPE, "Trotsky's Struggle against Stalin", {}),
    (P.HEADING_SHAPE, "Bolshevism and the Rise of Bureaucracy", {}),
    (P.HEADING_SHAPE, "2. The Rise of Bureaucracy", {}),
    (P.HEADING_SHAPE, "## Notes on Method", {}),
    (P.HEADING_NUMBER_ONLY, "II.", {}),
    (P.HEADING_NUMBER_ONLY, "Chapter 4", {}),
    (P.QUOTE_BACKREF, "It was in these words, with the turn of phrase now familiar", {}),
    (P.QUOTE_BACKREF, "Such were the words of the old king.", {}),
    (P.QUOTE_BACKREF, "Thus wrote the historian in his last year.", {}),
    (P.ELISION, "always right ... We can", {}),
    (P.ELISION, "a 'manoeuvre . .. to dissolve", {}),
    (P.ELISION, "and so [...] on", {}),
    (P.ELISION, "and so \u2026 on", {}),
    (P.PAGE_REFERENCES_AT_END, "Hautboy, 4, 9, 31-33, 70", {}),
    (P.PAGE_REFERENCES_AT_END, "Lyre, [12]", {}),
    (P.PAGE_REFERENCES_AT_END, "'Old Tom,' 15", {}),
    (P.PAGE_REFERENCES_AT_END, "THE LATER YEARS        214", {}),
    (P.PAGE_REFERENCES_AT_END, "Tom, see Thumb", {}),
    (P.ATTRIBUTION_LINE, "    Horace, Odes III", {}),
    (P.ATTRIBUTION_LINE, "-- Folk Air", {}),
    (P.LIST_ITEM_START, "1.--'The Four Seasons,' a glee", {}),
    (P.LIST_ITEM_START, "    (2) THE FERRY. Written by", {}),
    (P.PARENTHETICAL_BLOCK, "(The air was printed (twice) in every town.)", {}),
    (P.SIGNATURE_NAME, "A. B. R.", {}),
    (P.SIGNATURE_NAME, "JANE ROE", {}),
    (P.SIGNATURE_NAME, 'ANNA: MARIA: ROE"', {}),
    (P.DATELINE, "September 4, 1956.", {}),
    (P.DATELINE, "London, 4 June 1920.", {}),
    (P.DATELINE, "Paris, Dec. 1871", {}),
    (P.DOCKET_LINE, "[Addressed] The Hon. Ada Roe", {}),
    (P.PRICE, "Cloth, illustrated, 80 cents", {}),
]

NON_MATCHES = [
    (P.TITLE_LINE, "It was in these words, with the turn of phrase now familiar - to us all"),
    (P.PROVENANCE, "(5)"),
    (P.NOTES_HEADING, "Notes on the Bolshevik Party"),
    (P.NUMBERED_CAPS_TITLE, "1. IBID., P. 4"),  # a digit after the number: a note in capitals
    (P.NUMBERED_CAPS_TITLE, "2. The second school"),  # not in capitals
    (P.NUMBERED_CAPS_TITLE, "1. A"),
    (P.ENUMERATION_COLON, "he wrote:"),  # glued: an anchor follows
    (P.INITIALS_ONLY, "R."),  # one initial
    (P.PLACE_LINE, "Harbourton."),  # not in capitals
    (P.IMPRINT_LINE, "He printed in the town"),
    (P.PUBLISHER_WORD, "the pressure of events"),
    (P.IMPRINT_YEAR, "In 1926 the press"),
    (P.BYLINE, "Bygones"),
    (P.HEADING_NUMBER_ONLY, "CHAPTER                                 PAGE"),  # a contents list's column header
    (P.INITIALS_ONLY, "R.D. Smith"),
    (P.HEADER_FIELD, "Title:"),  # no value
    (P.HEADER_FIELD, "Subtitle: a study of names"),  # a field is a word of its own
    (P.NOTE_START, "1908 was a year of reaction."),
    (P.NOTE_START, "Leon Trotsky, Stalin"),
    (P.ANCHOR_PAREN, "LES TEMPS MODERNES, 39 (1948-1949)"),
    (P.ANCHOR_PAREN, "a Congress (the Fifteenth)"),
    (P.ANCHOR_PAREN, "an enumeration (I) without digits"),
    (P.ANCHOR_BRACKET, "This usurpation [of power by the bureaucracy]"),
    (P.ANCHOR_BARE_AFTER_QUOTE, "the 'bomb' concerning"),
    (P.CITATION_AT_END, "(quoted in Political Correspondence)"),
    (P.QUOTE_INTRO, "into confusion."),
    (P.STARTS_LOWER, "Not with the aid"),
    (P.OMISSION, "[I am the State]"),
    (P.HEADING_SHAPE, "It was in these words, with the turn of phrase now familiar to us all."),
    (P.HEADING_SHAPE, "in My Life, he wrote:"),
    (P.HEADING_NUMBER_ONLY, "Chapter four of the book was long"),
    (P.QUOTE_BACKREF, "In other words, the leader spoke."),
    (P.QUOTE_BACKREF, "These words are often misread."),
    (P.ELISION, "the end. (15)"),
    (P.PAGE_REFERENCES_AT_END, "A sailor's heart is true and plain,"),
    (P.PAGE_REFERENCES_AT_END, "in the year 1842"),
    (P.ATTRIBUTION_LINE, "    For one and all."),
    (P.ATTRIBUTION_LINE, "    Sweet lass of the hill,"),
    (P.LIST_ITEM_START, "1842 was a year of songs"),
    (P.PARENTHETICAL_BLOCK, "(First verse.) And then the chorus."),
    (P.SIGNATURE_NAME, "PREFACE"),
    (P.SIGNATURE_NAME, "THE NEW HARBOUR"),
    (P.SIGNATURE_NAME, "A NEW DAY"),
    (P.SIGNATURE_NAME, "Jane Roe"),
    (P.DATELINE, "in the year 1956."),
    (P.DATELINE, "May we go on"),
    (P.DOCKET_LINE, "[Illustration]"),
    (P.PRICE, "a hundred cents"),
]


@pytest.mark.parametrize("pattern,line,groups", MATCHES, ids=[f"{p.pattern[:0]}{i}:{line[:30]}" for i, (p, line, _) in enumerate(MATCHES)])
def test_pattern_matches(pattern, line, groups):
    m = pattern.search(line)
    assert m, f"{line!r} should match"
    for name, value in groups.items():
        assert m[name] == value


@pytest.mark.parametrize("pattern,line", NON_MATCHES, ids=[f"{i}:{line[:30]}" for i, (_, line) in enumerate(NON_MATCHES)])
def test_pattern_does_not_match(pattern, line):
    assert not pattern.search(line), f"{line!r} should not match"


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x0b", "\x1f", "\ufffe"])
def test_xml_illegal_characters(char):
    assert P.XML_ILLEGAL.search(f"a{char}b")


@pytest.mark.parametrize("char", ["\t", "\n", "\r", "\f", "\u00e9", "\u00b7"])
def test_xml_legal_characters(char):
    assert not P.XML_ILLEGAL.search(f"a{char}b")
