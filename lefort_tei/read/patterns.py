"""Every regular expression the reader uses, named, with a real line each one matches.

In: nothing. Out: compiled patterns (``re.VERBOSE``, named groups). Tests in
``tests/read/test_patterns.py`` hold tables of lines that must and must not match.
"""

import re

# The title line: "The Contradiction of Trotsky - Claude Lefort" (title, a dash, the author).
TITLE_LINE = re.compile(
    r"""^(?P<title>\S.*?\S)
        (?P<sep>[ \t]+[-\u2013\u2014][ \t]+|[ \t]+by[ \t]+)  # " - ", " – ", " — " or " by " (spaces only)
        (?P<author>[A-Z\u00c0-\u00de][^-\u2013\u2014]*?\S)\s*$""",
    re.VERBOSE,
)

# A provenance line, wholly in parentheses:
# "(Translated from LES TEMPS MODERNES, 39 (1948-1949) in "The Political Forms of Modern Society)"
PROVENANCE = re.compile(
    r"""^\(\s*(?:translated|trans\.|from|first\s+published|originally|source|published)\b
        .*\)\s*$""",
    re.VERBOSE | re.IGNORECASE | re.DOTALL,
)

# The heading of an endnotes section: "Notes", "NOTES", "Endnotes:", "References".
NOTES_HEADING = re.compile(r"^(?:end)?notes?\s*:?\s*$|^references\s*$", re.IGNORECASE)

# The start of an endnote paragraph: "16 Trotsky, Stalin, p. 403." / "16. …" / "[16] …" / "(16) …"
# The label group holds the printed number; `rest` starts the note's own text.
NOTE_START = re.compile(
    r"""^(?P<label>
          \[(?P<bracket>\d{1,3})\]          # [16] Trotsky …
        | \((?P<paren>\d{1,3})\)            # (16) Trotsky …
        | (?P<plain>\d{1,3})(?:[.)]|(?=\s)) # 16 Trotsky …, 16. Trotsky …, 16) Trotsky …
        )
        [ \t]*(?=\S)""",
    re.VERBOSE,
)

# A note anchor in parentheses, possibly glued to punctuation and with OCR letters for digits:
# "grief! (1)", "it.(5)", "history'. (l6)". The number must contain at least one real digit.
ANCHOR_PAREN = re.compile(
    r"""\((?P<num>(?=[0-9lIO]*[0-9])[0-9lIO]{1,3})\)""",
    re.VERBOSE,
)

# A note anchor in square brackets: "the revolution.[12]" (another common style).
ANCHOR_BRACKET = re.compile(r"\[(?P<num>\d{1,3})\]")

# A note anchor in superscript digits: "the revolution.¹²"
ANCHOR_SUPERSCRIPT = re.compile(r"(?P<sup>[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,3})")

# A bare number right after a closing quotation mark: "the world',34" (the OCR lost the brackets).
ANCHOR_BARE_AFTER_QUOTE = re.compile(
    r"""(?<=['\u2019"\u201d])      # after a closing quotation mark
        [.,;:]?                    # perhaps punctuation the number is glued to
        (?P<num>\d{1,3})
        (?![\d\w])""",
    re.VERBOSE,
)

# OCR letters read for digits inside note markers: "(l6)" is note 16, "(1O)" note 10.
OCR_DIGITS = str.maketrans({"l": "1", "I": "1", "O": "0"})
SUPERSCRIPT_DIGITS = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079", "0123456789")

# What may follow the anchor that closes a quotation, up to the end of the paragraph:
# "… took possession of it.(5)" (nothing), "… for the Bolsheviks. (9) ." (a stray full stop)
AFTER_CLOSING_ANCHOR = re.compile(r"[\s.]*$")

# A parenthetical citation closing a paragraph: "… [I am Society]. (Stalin, p. 421: Lefort's emphasis)"
CITATION_AT_END = re.compile(
    r"""\((?P<cite>[^()]*?\bpp?\.\s*[0-9ivxlc]+[^()]*)\)\s*\.?\s*$""",
    re.VERBOSE | re.IGNORECASE,
)

# What introduces a block quotation at the end of the previous paragraph:
# "… he wrote:", "… writes Trotsky,", "… he writes in My Life:"
QUOTE_INTRO = re.compile(r"""[:,]\s*$""")

# A paragraph that starts in lower case continues a sentence of the previous one:
# "not with the aid of personal qualities, …"
STARTS_LOWER = re.compile(r"""^['"\u2018\u201c]?[a-z]""")

# An omission mark printed in the source: "socialism.[· · ·]", "[...]", "[…]".
OMISSION = re.compile(r"""\[\s*(?:[\u00b7.\u2026]\s*){1,5}\]""", re.VERBOSE)

# A short line that can be a section heading: no sentence-final punctuation, starts with a
# capital, a digit or '#'. "Trotsky's Struggle against Stalin", "2. The Rise of Bureaucracy"
HEADING_SHAPE = re.compile(
    r"""^(?:\#{1,6}\s+)?                         # markdown-style hashes, kept as printed
        [A-Z\u00c0-\u00de0-9IVXLC]               # a capital, a digit or a roman numeral
        [^\n]{0,98}                               # one line, at most 100 characters
        (?<![.,;:'"\u2019\u201d)\]-])$            # no sentence-final punctuation
        """,
    re.VERBOSE,
)

# A numbered-only heading: "II.", "3.", "Part Two", "Chapter 4"
HEADING_NUMBER_ONLY = re.compile(
    r"""^(?:[IVXLC]{1,6}|\d{1,2})\.?$|^(?:part|chapter|section)\s+\w+\.?$""",
    re.VERBOSE | re.IGNORECASE,
)

# A blank line: only white space (a form feed counts as white space).
BLANK_LINE = re.compile(r"^[ \t\f]*$")  # a no-break space is a character of the text, kept (issue 17)

# Characters XML 1.0 cannot hold (C0 controls other than tab, line feed, carriage return; form
# feed is handled separately as a page break), and the non-characters U+FFFE/U+FFFF.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")
