"""The regular expressions of the suggesters, named, each with a real line of the seed it matches.

In: nothing. Out: compiled patterns (``re.VERBOSE``, named groups).
"""

import re

# A word as the suggesters see it: letters (any script), with inner apostrophes or hyphens, or
# a run of letters and digits mixed ("0ctober", "2i0", "194~7", "]3oris").
WORD = re.compile(r"""[^\W\d_](?:[^\W_]|['\u2019](?=[^\W\d_]))*""", re.VERBOSE)

# Letters and digits mixed in one token, perhaps with an OCR symbol: "Lessons of 0ctober in 1924",
# "pp. 2i0-23", "Hollis andCarter, 194~7)", "In 1935 ]3oris Souvarine", "(l6)".
MIXED_TOKEN = re.compile(
    r"""(?<![\w\]~|])
        (?P<tok>(?=[\w\]~|]*\d)(?=[\w\]~|]*[A-Za-z~\]|])[\w\]~|]*[\w])
        (?![\w\]~|])""",
    re.VERBOSE,
)

# A lower-case letter glued to a capital inside a word: "Hollis andCarter".
GLUED_CAPITAL = re.compile(r"""(?P<left>\b[a-z]{2,})(?P<right>[A-Z][a-z]+\b)""", re.VERBOSE)

# Punctuation glued to the next word: "1971),p. 173", "(London:Faber", "E. H.Carr", "pp.88-93".
GLUED_PUNCTUATION = re.compile(
    r"""(?P<left>[,;:](?=[A-Za-z])|(?<=\b[A-Z])\.(?=[A-Z][a-z])|(?<=\bpp)\.(?=\d)|(?<=\bp)\.(?=\d))""",
    re.VERBOSE,
)

# White space before punctuation or inside a word: "in the world .", "St Anthony 's Papers",
# "above day-to- day events", "Angle- Russian".
SPACE_BEFORE_PUNCT = re.compile(r"""(?P<word>\w)(?P<space>[ ]+)(?P<punct>[.,;:!?](?!\.)|['\u2019]s\b)""",
                                re.VERBOSE)
SPACE_AFTER_HYPHEN = re.compile(r"""(?P<left>\b\w+-)(?P<space>[ ]+)(?P<right>\w+\b)""", re.VERBOSE)

# Punctuation stuck to the front of a word, or a dash glued to a word: "Bolshevik .leaders",
# "content -the proletarian".
PUNCT_BEFORE_WORD = re.compile(r"""(?<=\s)(?P<punct>[.,;]|-(?!-))(?P<word>[a-z]{2,}\b)""", re.VERBOSE)

# A full stop after a small word, in the middle of a sentence: "much of. Souvarine's critique".
STOP_AFTER_SMALL_WORD = re.compile(r"""\b(?P<word>of|the|a|an|and|to|in|by|for|with)\.(?=\s+\w)""",
                                   re.VERBOSE)

# A sentence that starts in lower case: "against the government. quite a few members".
LOWER_AFTER_STOP = re.compile(r"""(?<=[a-z][.!?]\s)(?P<word>[a-z]+)\b""", re.VERBOSE)

# A space inside a number: "in the years of reaction, in 1 908-1911".
SPACE_IN_NUMBER = re.compile(r"""(?<![\d,.])(?P<num>\d[ ]\d{3})(?!\d)""", re.VERBOSE)

# Doubled or misplaced quotation marks: "in substance.'' (13)", "proclaimed: ' There",
# "a policy of' conciliation'".
DOUBLED_QUOTE = re.compile(r"""(?P<q>''|"")""", re.VERBOSE)
SPACE_AFTER_OPENING = re.compile(r"""(?<=[:\s])(?P<q>['"])[ ]+(?=[A-Z])""", re.VERBOSE)
QUOTE_BEFORE_SPACE = re.compile(r"""\b(?P<word>[a-z]+)(?P<q>')[ ](?P<next>[a-z]+)(?=')""", re.VERBOSE)

# A broken ellipsis: "a 'manoeuvre . .. to dissolve".
BROKEN_ELLIPSIS = re.compile(r"""(?P<dots>\.[ ]\.\.|\.\.[ ]\.|\.[ ]\.[ ]\.)""", re.VERBOSE)

# A hyphen left over from a line-end division: "to prove that, through-out the pre-revolutionary".
HYPHENATED = re.compile(r"""\b(?P<left>[a-z]{3,})-(?P<right>[a-z]{2,})\b""", re.VERBOSE)

# Capitalised sequences that may name a person: "Boris Souvarine", "C. L. R. James", "E. H.Carr",
# "Lenin's" (the possessive is left out), "Louis XIV".
NAME_SEQUENCE = re.compile(
    r"""(?P<name>
          (?:(?:[A-Z]\.[ ]?){1,3}[ ]?)?                # initials: "C. L. R. ", "E. H."
          [A-Z][a-z\u00e0-\u00ff]+(?:-[A-Z][a-z]+)?      # a capitalised word
          (?:[ ](?:(?:[A-Z]\.[ ]?){1,3}[ ]?)?[A-Z][a-z\u00e0-\u00ff]+(?:-[A-Z][a-z]+)?){0,2}
          (?:[ ][IVX]{2,4}\b)?                           # a regnal number: "Louis XIV"
        )(?=['\u2019]s\b|[^\w']|$)""",
    re.VERBOSE,
)

# A quotation mark (single or double, straight or curly) that is not an apostrophe inside a word.
# In "'Sometimes,' I said" both marks count; in "Trotsky's" the apostrophe does not.
QUOTE_MARK = re.compile(r"""(?P<q>['"\u2018\u2019\u201c\u201d])""", re.VERBOSE)

# A closing quotation mark then a capital: a full stop seems missing between two sentences.
# "the practice of the 'supreme sacrifice' Trotsky accuses", "the Party' (23) And they".
# A word in "s" is left out: "the Workers' State" is a plural possessive.
STOP_MISSING_AFTER_QUOTE = re.compile(
    r"""(?P<word>[a-z]*[a-rt-z])(?P<q>')(?=(?:\s*\(\d+\))?\s+(?:[A-Z][a-z]|$)|\s*\(\d+\)\s*$)""",
    re.VERBOSE | re.MULTILINE,
)

# A lower-case word then a capitalised sentence opener: a full stop seems missing.
# "of adequate political bases The fact is that I chose".
STOP_MISSING = re.compile(
    r"""(?<![\w'])(?P<word>(?!(?:in|of|on|the|and|by|from|to|with|see|for|at|as|that|than|or|nor|a|an|his|her|their
                         |its|our|my|your|entitled|called|read|wrote|writes|quoted)\b)[a-z]{3,})
        [ ](?=(?:The|It|He|She|We|They|This|But|And|One|In|There)\s[a-z])""",
    re.VERBOSE,
)

# A comma before an opening parenthesis: "A Documentary History of Communism, (New York: …".
COMMA_BEFORE_PAREN = re.compile(r"""(?P<sic>,[ ]\()(?!\d{1,3}\))""", re.VERBOSE)  # not "expel, (3)"

# A closing quotation mark: after a non-space, before a space, punctuation or the end.
# "… 'Workers' Group' and …": the second mark.
CLOSING_QUOTE = re.compile(r"""(?<=\S)['\u2019](?=[\s.,;:!?)]|$)""", re.VERBOSE)

# An ordinal or a decade, not an OCR slip: "the 1920s", "the 21st congress".
ORDINAL_OR_DECADE = re.compile(r"""^\d+(?:st|nd|rd|th|s)$""", re.VERBOSE)

# An abbreviation just before a lower-case word, which therefore starts no sentence:
# "trans. charles", "cf. the", "etc. and".
ABBREVIATION_END = re.compile(r"""\b(?:[a-z]{1,4}|[A-Z]|etc|cf|ibid)\.\s$""", re.VERBOSE | re.IGNORECASE)

# A space then a letter: what follows a plural possessive ("Workers' State", "workers' opposition").
SPACE_THEN_LETTER = re.compile(r"""^[ ][A-Za-z]""", re.VERBOSE)

# A note anchor closing a paragraph: "… of their victory.' (30)".
TRAILING_ANCHOR = re.compile(r"""\s*\(\d+\)$""", re.VERBOSE)

# The blank lines between paragraphs: "(1)\n\nNothing could be more typical".
PARAGRAPH_BREAK = re.compile(r"""(\n[ \t\f]*\n)""", re.VERBOSE)

# A possessive ending, left out of the word: "Trotsky's" → "Trotsky".
POSSESSIVE = re.compile(r"""['\u2019]s$""", re.VERBOSE)

# The parts of a name: split at spaces and initials' full stops ("C. L. R. James" → C, L, R, James).
NAME_PARTS = re.compile(r"""[ .]+""", re.VERBOSE)

# An initial in a name: the "E." of "E. H. Carr".
INITIAL = re.compile(r"""\b[A-Z]\.""", re.VERBOSE)

# A lower-case word of the text (to tell names from English words printed lower case too).
LOWER_WORD = re.compile(r"""\b[a-z][a-z]+\b""", re.VERBOSE)

# What ends a sentence just before a word: "… the Party. Boris …", "… proclaimed: 'There …".
SENTENCE_BEFORE = re.compile(r"""(?:[.!?:]['"]?\s|\n)$""", re.VERBOSE)

# White space (squeezed out when comparing "E. H.Carr" with "E. H. Carr").
SPACES = re.compile(r"""\s+""", re.VERBOSE)

# What an xml:id cannot hold: "Louis XIV" → "louis-xiv".
NOT_ID = re.compile(r"""[^a-z0-9-]+""", re.VERBOSE)

# Words that often open a capitalised sequence without belonging to a name: "In 1935 Boris …",
# "But Souvarlne was", "The Popes of Rome".
LEADING_NOISE = re.compile(
    r"""^(?:(?:The|A|An|In|On|At|But|And|Of|For|To|By|As|If|It|He|She|We|They|This|That
           |When|Where|Since|From|With|Even|Thus|So|Yet|Or|Nor|After|Before|Comrade)\s+)+""",
    re.VERBOSE,
)
