"""Block quotations: the colon rule, two-paragraph quotations, quotations in notes, data hints."""

from tests.helpers import quotes, read_text

NOTES = "\n\n1 Source one, p. 1.\n\n2 Source two, p. 2."


def test_colon_introduced_paragraph_closed_by_an_anchor_is_a_quotation():
    doc, _ = read_text("He wrote:\n\nThe quoted words.(1)\n\nAnd then (2) the text." + NOTES)
    assert quotes(doc) == [("The quoted words.(1)", 1, 1)]


def test_lower_case_start_continues_a_sentence_into_a_quotation():
    doc, _ = read_text("'He took power', writes Trotsky\n\nnot with the aid of others.(1)\n\nText (2)." + NOTES)
    assert quotes(doc) == [("not with the aid of ", 1, 1)]


def test_two_paragraph_quotation():
    doc, _ = read_text("He wrote:\n\nFirst quoted paragraph.\n\nSecond quoted paragraph. (1)\n\nText (2)." + NOTES)
    assert quotes(doc) == [("First quoted paragra", 2, 1)]


def test_colon_without_a_closing_anchor_is_not_a_quotation():
    doc, _ = read_text("The rules are:\n\nA plain paragraph.\n\nAnother plain paragraph.\n\nText (1) (2)." + NOTES)
    assert quotes(doc) == []


def test_quotation_in_a_note_closed_by_a_parenthetical_citation():
    text = ("Body (1) and (2).\n\n1 A note.\n\n2 Compare these lines:\n\n"
            "'Quoted in the note.' (Stalin, p. 421: emphasis added)")
    doc, _ = read_text(text)
    assert quotes(doc) == [("'Quoted in the note.", 1, None)]


def test_data_hint_adds_and_removes_quotations():
    text = "Intro sentence.\n\nNone of us desires this.(1)\n\nHe wrote:\n\nNot a quotation.(2)" + NOTES
    data = ('[[quote]]\nstarts = "None of us"\n\n'
            '[[quote]]\nstarts = "Not a quotation"\nblock = false\n')
    doc, _ = read_text(text, data)
    assert quotes(doc) == [("None of us desires t", 1, 1)]


def test_an_anchor_shaped_number_without_a_note_does_not_close_a_quotation():
    # found by the property test: "(12)" after a colon, in a text with no notes
    doc, _ = read_text("He said:\n\n(12)\n\nAnd so on.")
    assert quotes(doc) == []


def test_a_data_anchor_of_any_shape_closes_a_quotation():
    data = '[[anchor]]\nnote = 1\nmarker = "\'"\ncontext = "words.\'"\n'
    doc, _ = read_text("He wrote:\n\nThe quoted words.'\n\nText (2)." + NOTES, data)
    assert quotes(doc) == [("The quoted words.'", 1, 1)]
