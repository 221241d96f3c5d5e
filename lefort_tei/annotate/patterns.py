"""Every regular expression the annotators use, named, with a real line of the seed each one matches.

In: nothing. Out: compiled patterns (``re.VERBOSE``, named groups). They are applied to the
*corrected reading* of a block (``spans.Reading``), never to the raw source.
"""

import re

# ---------------------------------------------------------------- citations

# The pages of a citation: "p. 64", "pp. 403-4", "p. xv", "pp. 145 ff.", "pp. 88-93, 276-8".
# Matches in "5 Trotsky, Stalin, p. xv." and "9 Trotsky, Stalin, pp. 403-4. (Here, …".
PAGES = re.compile(
    r"""(?<![\w.])(?P<unit>pp?)\.\s*
        (?P<from>\d+|[ivxlcdm]+)(?![\w])
        (?:\s*[-\u2013]\s*(?P<to>\d+|[ivxlcdm]+)(?![\w]))?
        (?P<ff>\s*ff\.?)?
        (?P<more>(?:,\s*\d+(?:\s*[-\u2013]\s*\d+)?(?![\w.]))*)   # ", 276-8, 300-2"
    """,
    re.VERBOSE,
)

# "Ibid." at the head of a citation: "2 Ibid., p. 18." (also "Ibidem", "Id.", "Op. cit.").
IBID = re.compile(r"""^(?P<ibid>Ibid\.|Ibidem\b|Id\.|Op\.\s?cit\.)""", re.VERBOSE | re.IGNORECASE)

# A final parenthesis holding a year: the imprint or the issue of a citation without pages.
# "4 Boris Souvarine, Stalin, trans. C. L. R. James (London: Seeker and Warburg, 1939)."
# "11 New International (Nov. 1934)."
IMPRINT_AT_END = re.compile(
    r"""\((?P<inside>[^()]*\b(?:1\d{3}|20\d{2})\b[^()]*)\)\s*[.;]?\s*$""",
    re.VERBOSE,
)

# The end of a sentence: a full stop (or ? !), then space and a capital, a parenthesis or a quote.
# In "9 Trotsky, Stalin, pp. 403-4. (Here, and in what follows …" it ends after "403-4".
# A closing quotation mark may follow the stop: "… of national labour.' (Stalin, p. 397)".
SENTENCE_END = re.compile(r"""(?P<stop>[.?!])['"\u2019\u201d]?(?=\s+[A-Z(\['"\u2018\u201c]|\s*$)""", re.VERBOSE)

# The word before a full stop that makes it an abbreviation, not a sentence end:
# an initial ("C. L. R. James"), a short lower-case word ("trans.", "ed.", "pp."), a short
# capitalised one ("Ibid.", "Nov.", "Sept.", "Mass.").
ABBREVIATION_BEFORE = re.compile(r"""(?:\b[A-Z]|\b[a-z]{1,5}|\b[A-Z][a-z]{1,3})$""", re.VERBOSE)

# The words that say a citation is at second hand, and what follows them up to the work:
# "24 Quoted by Souvarine, Stalin, p. 455." / "12 … how', quoted in Political Correspondence …"
# "(Reported by Pravda, January 1926.)"
SECONDARY = re.compile(r"""\b(?P<lead>(?:[Qq]uoted|[Rr]eported|[Cc]ited)\s+(?:by|in))\s""", re.VERBOSE)

# A word of running prose in what claims to be a citation's work part: a lower-case word that is
# not one of the small words bibliographies use. "As far as the repression of the opposition
# movements is concerned, see especially …" has many; "Text of Trotsky's letter quoted in The
# Bulletin of …" has one ("letter").
PROSE_WORD = re.compile(
    r"""(?<![\w'\u2019-])(?!(?:trans|transl|ed|eds|edn|rev|repr|vol|vols|no|nos|ch|cf|ibid|in|by|of|the|and|for
                       |a|an|on|to|at|from|with|quoted|cited|reported|de|la|le|les|du|des|et|d|l|und|der|die)\b)
        [a-z][a-z]+\b""",
    re.VERBOSE,
)
PROSE_LIMIT = 5  # more prose words than this (outside parentheses): prose, not a reference

# A parenthesis inside a note that may be a citation: "(Stalin, p. 421: Lefort's emphasis)",
# "(quoted in Political Correspondence)", "(Reported by International Press Correspondence, May 1924.)".
PARENTHESIS = re.compile(r"""\((?P<body>[^()]+)\)""", re.VERBOSE)

# ---------------------------------------------------------------- dates

_MONTH = r"""(?:Jan(?:uary|\.)|Feb(?:ruary|\.)|Mar(?:ch|\.)|Apr(?:il|\.)|May|June?|July?|Aug(?:ust|\.)
              |Sep(?:tember|t\.|\.)|Oct(?:ober|\.)|Nov(?:ember|\.)|Dec(?:ember|\.))"""
_YEAR = r"""(?:1\d{3}|20\d{2})"""

# A month (or a range of months) with a year, perhaps a day: "February 1917", "(Nov. 1934)",
# "Sept.-Oct. 1947", "In October 1926 and in November 1927".
MONTH_DATE = re.compile(
    rf"""(?<![\w])(?:(?P<day>[0-3]?\d)\s+)?
        (?P<month>{_MONTH})
        (?:\s*[-\u2013]\s*(?P<month2>{_MONTH}))?
        \s+(?P<year>{_YEAR})(?![\w]|[.,]\d)""",
    re.VERBOSE,
)

# A year or a range of years: "1905", "1908-1911", "1923-7", "1934-35", "(1948-1949)".
# Not part of a longer number ("11905", "1,905", "1905.5").
YEAR_DATE = re.compile(
    rf"""(?<![\w.,])(?P<year>{_YEAR})
        (?:\s*[-\u2013]\s*(?P<to>\d{{1,4}}))?
        (?![\w]|[.,]\d)""",
    re.VERBOSE,
)

# What stands just before a number that makes it a page or an item, not a year:
# "p. 1930", "pp. 1905-6", "no. 1921", "vol. 1917", "ch. 1905".
NOT_A_YEAR_BEFORE = re.compile(r"""\b(?:pp?|nos?|vols?|ch|fig|n)\.\s*$""", re.VERBOSE | re.IGNORECASE)

MONTH_NUMBERS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                 "oct": 10, "nov": 11, "dec": 12}
