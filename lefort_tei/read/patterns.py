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

# What follows the marker of an enumeration's item: a word ("(2) identifications of persons")
ENUMERATION_ITEM = re.compile(r"[ \t\u00a0]+\w")

# What comes before an enumeration's marker: a colon, comma or semicolon, then a space
# ("are of four kinds: (1) explanations", "the Congress, (2) identifications")
ENUMERATION_SEPARATOR = re.compile(r"[:;,][ \t\u00a0\n]*\Z")

# A colon and a space before an enumeration's first marker: "distinguished by this only: (1) In the"
# (an anchor is glued to the colon: "he wrote:(1)")
ENUMERATION_COLON = re.compile(r":[ \t\u00a0\n]+\Z")

# A numbered title in capitals, over one or two lines: "3. THE LATER SCHOOLS", "IV.  THE PARTIES OF
# THE LEFT\nIN THE PROVINCES"; no digit after its number (a note "1. IBID., P. 4" has one).
NUMBERED_CAPS_TITLE = re.compile(
    r"""^[ \t]*(?:[IVXLC]{1,7}|\d{1,3})\.?[ \t]+   # the number: "3. ", "IV.  "
        (?=[^\n]*[A-Z]{2})                          # a word in capitals on the first line
        [^a-z\d\n]{2,80}(?:\n[ \t]*[^a-z\d\n]{2,80})?[ \t]*\Z""", re.VERBOSE)

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

# The printers' reference marks, in their traditional order: a note marked "*" is the first of its
# page or chapter, "†" the second … "¶" the sixth; doubled marks ("**", "††") go on from the seventh.
NOTE_SYMBOLS = "*\u2020\u2021\u00a7\u2016\u00b6"

# A note anchor in printers' marks, glued to the word, punctuation or closing quotation mark
# before it: 'the whole"*--and', "Ada Roe.† \"Then", "she writes:‡", "ON RIVERS*" (end of a title); or in
# square brackets, as older Project Gutenberg texts print it: "the end of it.[*] And", "word [†]".
# A bare mark after a space ("§ 3", "* * *") or before a letter ("*emphasis*") is no anchor.
ANCHOR_SYMBOL = re.compile(
    r"""(?:(?P<open>\[)|(?<=[A-Za-z\u00c0-\u024f.,;:!?'"\u2019\u201d\u00bb)\]_]))  # "[" or glued
        (?P<num>\*{1,3}|\u2020{1,3}|\u2021{1,3}|\u00a7|\u2016|\u00b6)
        (?(open)\]|(?=[\s\u00a0,.;:!?)\]'"\u2019\u201d-]|$))    # "]", or a space, punctuation, the end
    """,
    re.VERBOSE,
)

# The opening mark of an emphasis "*word*" / "*two words*": a "*" after a space, a line's start or an
# opening bracket or quote, before a word. The "*" that closes it is no note anchor.
EMPHASIS_OPEN = re.compile(r"""(?:^|(?<=[\s(\["'\u201c\u2018]))\*+(?=[^\s*])""")  # "*word", "**bold"

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

# The next paragraph opens by pointing back at the words just quoted (an epigraph or a quotation
# with no anchor): "It was in these words, with the turn of phrase …", "Such were the words of …",
# "With these words he closed …", "Thus wrote the historian …"
QUOTE_BACKREF = re.compile(
    r"""[ \t]*(?:  # used with match(text, pos): anchored at pos
          (?:it[ \t]+was[ \t]+)?(?:in|with)[ \t]+(?:these|those|such)[ \t]+words\b
        | (?:these|those|such)[ \t]+(?:were|are)[ \t]+(?:the|his|her|their)[ \t]+(?:own[ \t]+)?words\b
        | (?:thus|so)[ \t]+(?:spoke|spake|wrote|writes|speaks|said|says)\b
        )""",
    re.VERBOSE | re.IGNORECASE,
)

# An elision printed inside a quoted excerpt: "always right ... We can", "end . .. to", "[...]", "…"
ELISION = re.compile(r"""\[?[ \t]*\.[ \t]?\.[ \t]?\.(?:[ \t]*\])?|\u2026""")

# What may follow the mark that closes a quotation filling its whole paragraph: punctuation and a
# note anchor: '… rests with the king."[4]', '… of every nation».', '… before us all.”'
AFTER_QUOTE_CLOSE = re.compile(
    r"""[\s.,;:!?]*
        (?:\[\d{1,3}\]|\([0-9lIO]{1,3}\)|\d{1,3}|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,3})?
        [\s.]*$""",
    re.VERBOSE,
)

# A line of an index or a contents list: it ends with page references, not with words:
# "Hautboy, 4, 9, 31-33, 70", "Lyre, [12]", "'Old Tom,' 15", "THE LATER YEARS        214", "Tom, see Thumb"
PAGE_REFERENCES_AT_END = re.compile(
    r"""(?:,['\u2019"\u201d]?[ \t]*|[ \t]{2,})\[?(?:\d{1,4}|[ivxlc]{1,6})\]?(?:[-\u2013]\d{1,4})?\]?
        (?:[ \t]*,[ \t]*\[?\d{1,4}\]?(?:[-\u2013]\d{1,4})?)*(?:[ \t]+et[ \t]+seq\.)?[ \t]*$
      | ,[ \t]+see[ \t]+\S[^\n]*$""",
    re.VERBOSE,
)

# The attribution line under a quotation set off by layout: "Horace, Odes III", "--Folk Air", "— Ovid"
ATTRIBUTION_LINE = re.compile(
    r"""[ \t]*(?:(?:--|[\u2013\u2014])[ \t]*)?[A-Z\u00c0-\u00de][^\n]{0,58}[^\s.?!:;,\n][ \t]*$""",
    re.VERBOSE,
)

# A block wholly in parentheses: the author's or an editor's remark, not a quotation:
# "(The air was printed in every town.)", "(_First verse only._)"
PARENTHETICAL_BLOCK = re.compile(r"""[ \t]*\([^()]*(?:\([^()]*\)[^()]*)*\)[ \t.]*$""")

# Distributed Proofreaders' poetry markup around a block of verse (its stanzas may be paragraphs of
# their own), each marker alone on its line: "/P" opening the first paragraph, "P/" closing the last
# (kept in the text; the lines between are the quotation). Used with match/search(text, pos, endpos).
DP_POETRY_OPEN = re.compile(r"""(?P<open>/P)[ \t]*\n[ \t\n]*(?=\S)""")
DP_POETRY_CLOSE = re.compile(r"""(?<=\S)[ \t\n]*\n[ \t]*(?P<close>P/)[ \t]*$""")

# The first letter of a line of verse: a capital (after indentation and an opening quotation mark
# or bracket): "    Sweet fields of gold,", "'Tis the last rose", "(And so we sang)"
VERSE_LINE_START = re.compile(r"""[ \t]*[\[('"\u2018\u201c\u00ab]*[A-Z\u00c0-\u00de0-9]""")

# A list item's number opening a block: "1.--'The Four Seasons,' a glee …", "(2) THE FERRY. Written …"
LIST_ITEM_START = re.compile(r"""^[ \t]*(?:\(\d{1,3}\)|\d{1,3}\.(?:--|\u2014|[ \t]))""")

# An omission mark printed in the source: "socialism.[· · ·]", "[...]", "[…]".
OMISSION = re.compile(r"""\[\s*(?:[\u00b7.\u2026]\s*){1,5}\]""", re.VERBOSE)

# A short line that can be a section heading: no sentence-final punctuation, starts with a
# capital, a digit or '#'. "Trotsky's Struggle against Stalin", "2. The Rise of Bureaucracy"
HEADING_SHAPE = re.compile(
    r"""^(?:\#{1,6}\s+)?                         # markdown-style hashes, kept as printed
        [A-Z\u00c0-\u00de0-9IVXLC]               # a capital, a digit or a roman numeral
        [^\n]{0,98}                               # one line, at most 100 characters
        (?<![.,;:'"\u2019\u201d\]?!-])          # no sentence-final punctuation, no question
        (?<!\d\))$                                # "(continued)" may close it, "(1940)" not
        """,
    re.VERBOSE,
)

# A numbered-only heading: "II.", "3.", "Part Two", "Chapter 4"
HEADING_NUMBER_ONLY = re.compile(
    r"""^(?:[IVXLC]{1,6}|\d{1,2})\.?$|^(?:part|chapter|section)[ \t]{1,3}\w+\.?$""",  # not "CHAPTER     PAGE"
    re.VERBOSE | re.IGNORECASE,
)

# A blank line: only white space (a form feed counts as white space).
BLANK_LINE = re.compile(r"^[ \t\f]*$")  # a no-break space is a character of the text, kept (issue 17)

# Characters XML 1.0 cannot hold (C0 controls other than tab, line feed, carriage return; form
# feed is handled separately as a page break), and the non-characters U+FFFE/U+FFFF.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")


# ---------------------------------------------------------------- notes: labels of every common style
# A note label opening a block, one pattern per style; `num` holds the digits, `label` the label as
# printed (what the note's @n shows).
NOTE_LABEL_STYLES = {
    # A note label in superscript digits, as an e-book or web copy prints it: "¹ All these lines
    # are from the first edition", "¹² Ibid." (`num` holds the superscript digits)
    "superscript": re.compile(r"^(?P<marker>(?P<label>(?P<num>[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,3})))"
                              r"[ \t\u00a0]*(?=[^\s\u00b9\u00b2\u00b3\u2070\u2074-\u2079])"),
    # A note label in printers' marks: "* Roe, _Rivers_, ii, p. 21.", "† _A Book of
    # Hours_", "** A lecture given …" (a row "*  *  *" or a bullet "* * *" is no label: a word follows),
    # "[*] The etext of …" (older PG texts). A digit after the mark makes it a section sign ("§ 3 Of …").
    "symbol": re.compile(r"^(?P<marker>(?P<open>\[)?(?P<label>(?P<num>\*{1,3}|\u2020{1,3}|\u2021{1,3}|\u00a7|\u2016|\u00b6))"
                         r"(?(open)\]))[ \t\u00a0]+(?=[^\W\d]|[\"'\u201c\u2018(_\[])"),
    # "[16] Trotsky, Stalin …", "[1]  In his speech at Birmingham"
    "bracket": re.compile(r"^(?P<marker>\[(?P<label>(?P<num>\d{1,3}))\])[ \t\u00a0]*(?=\S)"),
    # "(16) Trotsky …"
    "paren": re.compile(r"^(?P<marker>\((?P<label>(?P<num>\d{1,3}))\))[ \t\u00a0]*(?=\S)"),
    # "16 Trotsky …", "16. Trotsky …", "13.\u00a0The term …", "16) …"
    "plain": re.compile(r"^(?P<marker>(?P<label>(?P<num>\d{1,3}))[.)]?)(?:(?<=[.)])[ \t\u00a0]*|[ \t\u00a0]+)(?=\S)"),
    # Markdown footnote definition: "[^1]: Matt. xii. 46-50."
    "markdown": re.compile(r"^(?P<marker>\[\^(?P<label>[A-Za-z]*(?P<num>\d{1,3}))\]:)[ \t]*"),
    # reST footnote: ".. [#fn3] Frederick the Great of Prussia.", ".. [3] …"
    "rest": re.compile(r"^(?P<marker>\.\.[ \t]+\[\#?(?P<label>[A-Za-z]*(?P<num>\d{1,3}))\])[ \t]*"),
    # Distributed Proofreaders: "[Footnote 1: Pronounced …]" (a block of its own at the page foot)
    # or in the short form "[#3 Pronounced …]"
    "dp": re.compile(r"^(?P<marker>\[Footnote[ \t]+(?P<label>(?P<num>\d{1,3}))[ \t]*:|\[\#(?P<label2>\d{1,3})(?=[ \t]))",
                     re.IGNORECASE),
}

# Anchor candidates per anchor style; `num` holds the number. Which anchor styles may answer a
# label style is the decide step's business (``read/decide.py``).
ANCHOR_STYLES = {
    "paren": ANCHOR_PAREN,
    "bracket": ANCHOR_BRACKET,
    "superscript": ANCHOR_SUPERSCRIPT,
    "symbol": ANCHOR_SYMBOL,
    # Markdown footnote reference: "sister, and mother».[^1]"
    "markdown": re.compile(r"\[\^(?P<num_label>[A-Za-z]*(?P<num>\d{1,3}))\](?!:)"),
    # reST footnote reference: "a Julian\ [#fn3]_ or Semiramis", "word [2]_"
    "rest": re.compile(r"(?:\\[ ])?\[\#?(?P<num_label>[A-Za-z]*(?P<num>\d{1,3}))\]_"),
    # Bare digits glued to the word or punctuation before them, as a scraped superscript reads:
    # "mystery.1 Holy men", "Kautsky6", "by fact.2 It", "unions.7" (end of paragraph)
    "glued": re.compile(
        r"""(?<=[A-Za-z\u00c0-\u024f.,;:!?'"\u2019\u201d\u00bb)\]])  # glued to a letter or punctuation
            (?P<num>[1-9]\d{0,2})
            (?=[\s\u00a0\u2060]|$)                                    # then a space or the end
        """,
        re.VERBOSE,
    ),
}

# An inline note printed in place: "[Footnote: Plato …]", "[Footnote 2: …]", "[#3 …]" (the brackets are
# matched by counting, so a note may hold "[sic]"); the pattern finds the opening only.
INLINE_NOTE_OPEN = re.compile(r"\[(?:Footnote(?:[ \t]+(?P<label>\d{1,3}))?[ \t]*:|\#(?P<short>\d{1,3})[ \t])",
                              re.IGNORECASE)

# The heading of a notes section: "FOOTNOTES:", "Notes", "Endnotes", "NOTES."
NOTES_HEADING_ANY = re.compile(r"^(?:foot|end)?notes?\s*[:.]?\s*$|^references\s*$", re.IGNORECASE)

# A section-break row: "*     *     *     *     *", "* * *", "---"
SECTION_BREAK = re.compile(r"^[ \t]*(?:[*\u2022\u00b7~-][ \t]*){3,}$")

# ---------------------------------------------------------------- boilerplate (source furniture)
# "*** START OF THIS PROJECT GUTENBERG EBOOK A DEFENCE OF POETRY ***", "***START OF THE PROJECT …"
# (also inside a line, where a web page's header was flattened into one paragraph: "… Language:
# English *** START OF THIS PROJECT GUTENBERG EBOOK …")
PG_START = re.compile(r"(?:^|(?<=\s))\*{3}\s*START\s+OF\s+(?:THE|THIS)\s+PROJECT\s+GUTENBERG", re.IGNORECASE | re.MULTILINE)
# "End of Project Gutenberg's …", "End of the Project Gutenberg EBook of …", "*** END OF THIS PROJECT …"
PG_END = re.compile(r"^(?:\*{3}\s*)?END\s+OF\s+(?:THE\s+|THIS\s+)?PROJECT\s+GUTENBERG", re.IGNORECASE)
# A producer credit: "Produced by Steve Harris, …", "E-text prepared by Fritz …"
CREDIT = re.compile(r"^(?:produced\s+by|e-?text\s+prepared\s+by|transcribed\s+(?:from|by)|"
                    r"this\s+e-?(?:text|book)\s+was\s+(?:prepared|produced))\b", re.IGNORECASE)
# A download header's first line: "This file was downloaded from HathiTrust Digital Library."
DOWNLOAD_HEADER = re.compile(r"^this\s+file\s+was\s+downloaded\s+from\b", re.IGNORECASE)
# Its last line: "Generated at Example State University on 2020-05-04 10:15 GMT"
DOWNLOAD_HEADER_END = re.compile(r"^generated\s+(?:at|on|by)\b.*\b(?:GMT|UTC)\s*$", re.IGNORECASE | re.MULTILINE)
# A download header's metadata field (Project Gutenberg, HathiTrust): "Title: God and the State",
# "Title:\t   The Papers of the Town.", "Author: Jane Roe"
# (a header flattened into one line: "… Title: Small Things Author: Jane Roe Release Date: …", the value
# ends at the next field)
HEADER_FIELD = re.compile(
    r"""(?:^|(?<=[ \t]))(?P<field>title|author)[ \t]*:[ \t]*
        (?P<value>\S.*?)[ \t]*
        (?=$|[ \t]+(?:author|translator|editor|illustrator|release[ \t]+date|posting[ \t]+date|last[ \t]+updated
                     |language|character[ \t]+set|produced[ \t]+by|\[e(?:book|text)|\*{3})\b)""",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE)
# "Transcriber's note:", "Transcriber’s Note: The following corrections …", "TRANSCRIBER'S NOTES"
TRANSCRIBER = re.compile(r"^\[?transcriber[\u2019']?s\s+notes?\b", re.IGNORECASE)
# E-book furniture headings alone on a line: "Imprint", "Colophon", "Uncopyright"
EBOOK_FURNITURE = re.compile(r"^(?P<kind>imprint|colophon|uncopyright)\s*$", re.IGNORECASE)
# A price in a publisher's advertisement: "30c postpaid", "Now reduced to $1.50", "TEN CENTS A COPY",
# "Cloth, illustrated, 80 cents"
PRICE = re.compile(r"\b\d+c\b|\$\s?\d|\bpostpaid\b|\bcents?\s+a\s+copy\b|\bper\s+volume\b|\bpost\s+free\b"
                   r"|\b\d+\s+cents\b", re.IGNORECASE)

# A heading no note or quotation runs over: "CHAPTER II", "Book I", "PART ONE", "IV", "# Title",
# "FIRST CHAPTER"
STRONG_HEADING = re.compile(
    r"""^[ \t]*(?:
          (?:chapter|part|book|section)[ \t]+(?:[IVXLC]{1,7}|\d{1,3}|one|two|three|four|five|six|seven|eight
              |nine|ten|eleven|twelve|the[ \t]+\w+)\b(?:[ \t]*[.:\u2014-][^\n]{0,80})?
        | (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|[a-z]+teenth|[a-z]+tieth)[ \t]+(?:chapter|part|book)
        | [IVXLC]{1,7}\.?
        | \#{1,6}[ \t]+\S[^\n]*
        )[ \t]*$""",
    re.VERBOSE | re.IGNORECASE,
)

# A quotation line in e-mail/Markdown style: "> | «This people honoureth me …"
QUOTE_PREFIX = re.compile(r"^[ \t]*>(?:[ \t]|$)")

# A short line in capitals (a heading or a display line, not a quotation): "CHAPTER I", "CONTENTS"
HEADING_CAPS = re.compile(r"^[^a-z\n]{1,80}$")

# PG_END anywhere in a block, at a line start (to split the block there)
PG_END_LINE = re.compile(r"^(?:\*{3}\s*)?END\s+OF\s+(?:THE\s+|THIS\s+)?PROJECT\s+GUTENBERG", re.IGNORECASE | re.MULTILINE)

# A reST underline (or overline): "========", "-------", "~~~~~~"
RST_UNDERLINE = re.compile(r"^([=\-~^*#+`'\".:_])\1{2,}\s*$")

# A contents entry ends with its page number: "II Winter Camp 15", "GENERAL INDEX 169"
CONTENTS_ENTRY = re.compile(r"\S[ \t]+\d{1,4}\s*$")

# A byline, not a heading: "By John Smith", "BY JANE A. DOE"
BYLINE = re.compile(r"^[_*]?by[_*]?\b", re.IGNORECASE)  # also in light markup: "_By_ JANE A. DOE"

# A heading that starts with its number: "II--WHAT METAPHYSICS ARE", "2. The Rise", "I. Introduction"
NUMBERED_HEADING_START = re.compile(r"^(?:[IVXLC]{1,7}|\d{1,3})(?:--|\u2014|\.|:)\s*\S")

# A Roman numeral alone on a line: "IV", "XII." (a division number whose title follows as a heading)
ROMAN_ALONE = re.compile(r"^[IVXLC]{1,7}\.?$")

# A bracketed reference closing a line: an entry of a list, not a heading:
# "A COBBLER THERE WAS (_D. & S._ 2)", "ALL'S WELL (_O.C.S._ 56)."
REFERENCE_AT_END = re.compile(r"\([^()]*\d[^()]*\)\.?\s*$")

# A division that holds chapters: "Book I", "PART ONE", "Volume II"
UPPER_DIVISION = re.compile(r"^[ \t]*(?:book|part|volume)[ \t]+\S+", re.IGNORECASE)

# A line of a proofreaders' block marker (Distributed Proofreaders): "/*" … "*/" (no-wrap),
# "/#" … "#/" (block quotation), "/P" … "P/" (poetry), "/F" … "F/" (front matter). The lines
# between are display text, never a heading (rule ``dp-block``).
DP_BLOCK_MARK = re.compile(r"^[ \t]*(?:/[*#PFXCRL$]|[*#PFXCRL$]/)[ \t]*$", re.MULTILINE)

# A bracketed placeholder for a picture or an empty page, alone in its block: "[Illustration]",
# "[Illustration: Figure 3]", "[Figure 5]", "[Blank Page]", "[Plate IV]". Never a heading; the
# short line printed next to one is its caption (rule ``caption``).
ILLUSTRATION_MARK = re.compile(
    r"""^[ \t]*\[[ \t]*(?:illustration|figure|fig\.|plate|frontispiece|blank[ \t]+page|image|photo)\b
        [^\]]*\][ \t]*$""",
    re.VERBOSE | re.IGNORECASE,
)

# The opening of a picture placeholder whose caption runs over several blocks: "[Illustration:"
ILLUSTRATION_OPEN = re.compile(r"^[ \t]*\[[ \t]*(?:illustration|figure|plate)\b", re.IGNORECASE)

# A byline alone: "BY", "by" (the author's name follows as a block of its own)
BARE_BY = re.compile(r"^[ \t]*by[ \t]*$", re.IGNORECASE)

# An entry of a list that opens with its name in capitals, then text in lower case:
# "THE RED ROSE. Song. Words by _Ada Roe_.", "THE RED ROSE. Set to music by …"
CAPITALS_LED = re.compile(r"^[\"'\u2018\u201c]?[A-Z][A-Z'\u2019&-]+\b(?:[ \t]+[A-Z][A-Z'\u2019&-]*\b)*[.,]?[ \t]+\S")

# A quotation's source on the line under it: "From 'The Northern Songs.'", "-- Milton", "Source: …"
ATTRIBUTION = re.compile(r"^[ \t]*(?:(?:from|source:|after|cf\.)[ \t]|[\u2014\u2013]|--?[ \t]*[A-Z])", re.IGNORECASE)

# A picture's label printed as a line of its own: "PLATE IV", "Fig. 3", "Figure 12." (rule ``caption``)
FIGURE_LABEL = re.compile(r"^[ \t]*(?:plate|fig\.|figure)[ \t]+[\dIVXLC]+\b", re.IGNORECASE)

# A word of a title that a title-cased line capitalises: four letters or more ("Preface", "Edition")
TITLE_WORD = re.compile(r"[^\W\d_]{4,}")

# ---------------------------------------------------------------- light markup (rules/markup.py)
# Each has groups `open`, `body`, `close`; one paragraph at most, never across a blank line.
LIGHT_MARKUP = {
    # "_Genius of Christianity_", "_men of virtuous\ngenius_"
    "underscore": (re.compile(r"(?<![\w_])(?P<open>_)(?P<body>[^\s_](?:[^_\n]|\n(?!\s*\n))*?(?<=[^\s_]))(?P<close>_)(?![\w_])"), "italic"),
    # "*emphasis*" (not "* * *" rows, not "**")
    "asterisk": (re.compile(r"(?<![\w*])(?P<open>\*)(?P<body>[^\s*](?:[^*\n]|\n(?!\s*\n))*?(?<=[^\s*]))(?P<close>\*)(?![\w*])"), "italic"),
    # HTML left in the text: "<i>Mina-wea</i>", "<em>x</em>", "<b>x</b>", "<sc>x</sc>"
    "html": (re.compile(r"(?P<open><(?P<tag>i|em|b|strong|sc)>)(?P<body>(?:(?!</?(?P=tag)>).)+?)(?P<close></(?P=tag)>)",
                        re.DOTALL), ""),
}
HTML_REND = {"i": "italic", "em": "italic", "b": "bold", "strong": "bold", "sc": "smallcaps"}

# A reST interpreted-text role: ":emphasis:`x`", ":sup:`2`", ":title-reference:`Realities of War`",
# ":t:`Realities of War`" (the role's name, then the text in backquotes; never across a blank line)
REST_ROLE = re.compile(
    r"""(?<![\w`:])(?P<open>:(?P<role>[A-Za-z][A-Za-z0-9]*(?:[-+.][A-Za-z0-9]+)*):`)
        (?P<body>[^`\s](?:[^`\n]|\n(?!\s*\n))*?)
        (?P<close>`)(?![\w`])""",
    re.VERBOSE,
)
# The docutils roles that set their text off, with their aliases; other roles stay text
REST_ROLE_REND = {"emphasis": "italic", "strong": "bold", "title-reference": "italic", "title": "italic",
                  "t": "italic", "superscript": "superscript", "sup": "superscript", "subscript": "subscript",
                  "sub": "subscript"}

# A line that opens an item of a numbered list: "1. a Certificate of your appointment.", "2) …", "(3) …"
LIST_ITEM_LINE = re.compile(
    r"""[ \t]*(?P<marker>(?P<num>\d{1,3})(?P<punct>[.)])|\((?P<pnum>\d{1,3})\))[ \t\u00a0]+(?=\S)""",
    re.VERBOSE,
)

# A line of raw OCR that opens a numbered paragraph or item: "1. The sternest of the controls …",
# "2. A Commission authorizing you …" (a number of up to three digits, a period, a space)
NUMBERED_LINE = re.compile(r"[ \t]*\d{1,3}\.[ \t]+(?=[A-Za-z])")

# An HTML character reference left in the text: "&amp;", "&mdash;", "&#8212;", "&#x2014;" (the ";" is required)
CHARACTER_REFERENCE = re.compile(r"&(?:(?P<name>[A-Za-z][A-Za-z0-9]{1,31})|\#(?P<dec>[0-9]{1,7})|\#[xX](?P<hex>[0-9A-Fa-f]{1,6}));")

# A Markdown (or reST) backslash escape of an ASCII punctuation character: "God\'s", "\*", "\_"
MARKUP_ESCAPE = re.compile(r"(?P<open>\\)(?P<body>[!-/:-@\[-`{-~])")

# Columns aligned with runs of spaces: a table row or a contents header, not a heading:
# "CHAP.                                             PAGE", "Words by _William Mee_.      _Millard_"
ALIGNED_COLUMNS = re.compile(r"\S[ \t]{4,}\S")


# ---------------------------------------------------------------- page dumps (read/layout.py)

# A HathiTrust full-text download's page separator, the printed label first, then the scan number:
# "## p. iv (#10) ################################################" and "## p. (#1) #####…" (no label).
HATHI_SEPARATOR = re.compile(
    r"""^\#\#[ \t]+p\.[ \t]*(?P<label>[^\s(#]*)[ \t]*\(\#(?P<seq>\d+)\)[ \t]*\#*[ \t]*$""",
    re.VERBOSE,
)

# A Distributed Proofreaders page separator, the scan's file name inside, maybe the proofreaders after:
# "-----File: 012.png---------------------------------------------------------",
# "-----File: px003a.png-----", "-----File: 001.png---\sam\jo\---"
DP_SEPARATOR = re.compile(r"""^-----File:[ \t]*(?P<file>[^\s\\-][^\s\\]*?)-+(?:\\.*)?[ \t]*$""", re.VERBOSE)

# A transcriber's note that the scanned page is blank: "[Blank Page]".
BLANK_PAGE = re.compile(r"""^[ \t]*\[Blank[ \t]+Page\][ \t]*$""", re.VERBOSE | re.IGNORECASE)

# A page number alone on its line: "14", "- 14 -", "[14]", "xiii", "XIII".
PAGE_NUMBER_LINE = re.compile(
    r"""^[ \t]*[-\u2013\u2014\[(]?[ \t]*
        (?P<num>\d{1,4}|(?=[ivxlcdm]+\b)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))
        [ \t]*[-\u2013\u2014\])]?[ \t]*$""",
    re.VERBOSE | re.IGNORECASE,
)

# A printer's job or signature mark alone at a page's foot: "301867—56—2", "B 2", "C".
SIGNATURE_LINE = re.compile(
    r"""^[ \t]*(?:\d{4,7}(?:[ \t]*[-\u2013\u2014][ \t]*\d{1,3}){1,2}|[A-Z]{1,2}[ \t]?\d?)[ \t]*$""",
    re.VERBOSE,
)

# A leading or trailing number token of a running head: "4 T E R R IT OR I. A L PA P E R S",
# "F L OR I D A T E R R IT OR Y 5", "IV PR E FA C E".
HEAD_NUMBER = re.compile(
    r"""^[ \t]*(?P<lead>\d{1,4}|[ivxlcdmIVXLCDM]{1,7})\.?[ \t]+\S
      | \S[ \t]+(?P<trail>\d{1,4}|[ivxlcdmIVXLCDM]{1,7})\.?[ \t]*$""",
    re.VERBOSE,
)

# A word divided at a line end: "terri-" / "Applica-" ("-" after a letter, not "--"), OCR's "¬",
# and Distributed Proofreaders' uncertain "men-*". The hyphen group is what the reading drops.
LINE_END_HYPHEN = re.compile(r"""(?<=[^\W\d_])(?<![-\u00ac])(?P<hyphen>-\*?|\u00ac)[ \t]*$""", re.VERBOSE)

# DP's uncertain hyphen inside a line, where the proofreaders rejoined a word divided at a line or
# page end: "naka-*pah", "squat-*on-heels".
DP_INLINE_HYPHEN = re.compile(r"""(?<=[^\W\d_])(?P<hyphen>-\*)(?=[^\W\d_])""", re.VERBOSE)

# A word as the hyphenation rule counts it: "territory", "well-known".
WORD_TOKEN = re.compile(r"""[^\W\d_]+(?:-[^\W\d_]+)*""", re.VERBOSE)

# A page-foot note of raw OCR starts with its marker, a superscript the OCR made into "*", '"',
# "”", a dagger (maybe doubled: "** Post, p. 329.") or digits: "* Documents presented in Part One ...",
# "10 The best edition of ...".
FOOT_NOTE_START = re.compile(
    r"""^[ \t]*(?P<marker>[*\u2020\u2021\u00a7]{1,3}|["\u201d\u201c]|\d{1,3})[ \t]+(?=[A-Z\u00c0-\u00de(\[])""",
    re.VERBOSE,
)

# A footnote anchor as raw OCR leaves it: a superscript garbled into '"', "”", "*" or a dagger,
# glued after a word (maybe after its comma or full stop): 'persons" who', 'DuVal”', 'Walton,"';
# or alone after a space where no quotation can open (a bracket, a space, punctuation or the line
# end follows): '[NA:SD, Original Statutes "]', 'Territories * Jan. 15', '1 sess.: C *]', 'N° 241 *'.
FOOT_ANCHOR = re.compile(
    r"""(?<![^\W_])(?P<word>[^\W_]+)
        (?:(?<=[^\W\d_]{2})(?P<punct>[.,;:]?)(?P<mark>["\u201d*\u2020\u2021])(?=[\s,.;:)\]]|$)
          |[ \t](?P<spaced>["*\u2020\u2021])(?=[\])\s,.;:\u2014\u2013-]|$))""",
    re.VERBOSE,
)

# A printed page number kept inside the running text of a scraped page, set off by dashes and
# no-break spaces: "everywhere,-\u00a06\u00a0- even upon" (page 6 starts here).
INLINE_PAGE_NUMBER = re.compile(r"""-\u00a0(?P<num>\d{1,4})\u00a0-""", re.VERBOSE)

# A signature in capitals: initials or a name of two to four words, no article or preposition, OCR
# may garble its stops: "A. B. R.", "JANE ROE", "ANNA: MARIA: ROE"" (rule ``signature``).
# A printer's or publisher's line on a title page's back, never a heading: "PRINTED IN THE UNITED
# STATES OF AMERICA", "COPYRIGHT, 1926, BY THE HOUSE PRESS", "ALL RIGHTS RESERVED"
IMPRINT_LINE = re.compile(r"^[ \t]*(?:printed[ \t]+in\b|printed[ \t]+by\b|copyright\b|all[ \t]+rights[ \t]+reserved\b)",
                          re.IGNORECASE)

# A title page's imprint: a publisher's name ("THE HOUSE PRESS", "Smith & Co.", "Roe and Sons") in a
# block that ends with the year ("MCMXXVI", "1926."): "NEW YORK\nTHE HOUSE PRESS\n\nMCMXXVI"
PUBLISHER_WORD = re.compile(r"\b(?:press|publishers?|publishing|company|co\.|sons|limited|ltd\.?)(?![^\W_])", re.IGNORECASE)
IMPRINT_YEAR = re.compile(r"(?:^|\n)[ \t]*(?:1[5-9]\d\d|20\d\d|M[MDCLXVI]{2,9})\.?[ \t]*\Z")

# A place alone on a line in capitals, over a dateline closing a preface: "BRIGHTON.", "NEW YORK,"
PLACE_LINE = re.compile(r"^[ \t]*[A-Z][A-Z'\u2019-]+(?:[ \t]+[A-Z][A-Z'\u2019-]+)?[.,]?[ \t]*$")

# Initials alone on a line, glued or spaced: "R.D.", "A. B. R.", "J.S.M." (a signature's; never a heading)
INITIALS_ONLY = re.compile(r"^[ \t]*(?:[A-Z]\.[ \t]*){2,4}$")

SIGNATURE_NAME = re.compile(
    r"""^[ \t]*
        (?!.*\b(?:THE|OF|TO|AND|AN?|IN|ON|FOR|BY|AT|WITH|FROM|AS)\b(?!\.))  # no article, preposition, conjunction
        (?:[A-Z](?:\.|[A-Z'\u2019-]+)[.:,"\u201d]*)                   # "A." or "JANE" (a stop, a colon, a quote)
        (?:[ \t]+(?:[A-Z](?:\.|[A-Z'\u2019-]+)[.:,"\u201d]*)){1,3}
        [ \t]*$""",
    re.VERBOSE,
)

# A dateline closing a letter or a preface: "September 4, 1956.", "3 March 1871", "Paris, June 1920.",
# "_January, 1913._" (in a Gutenberg text's italics)
DATELINE = re.compile(
    r"""(?<![^\W_])(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?
           |sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?
        (?:[ \t]+\d{1,2}(?:st|nd|rd|th)?,?)?[ \t]+(?:1[5-9]\d\d|20\d\d)\.?[_*]*[ \t]*$""",
    re.VERBOSE | re.IGNORECASE,
)

# An editor's docket opening a block under a letter: a bracketed word, then its text:
# "[Addressed] The Hon. Jane Roe", "[Endorsed] Received 3 May 1821".
DOCKET_LINE = re.compile(r"^[ \t]*[\[|][A-Z][a-z]+\][ \t]+\S")
