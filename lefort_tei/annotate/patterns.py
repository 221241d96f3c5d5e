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

# ---------------------------------------------------------------- automatic persons

# A capitalised word (a name's part or a name): "Trotsky" in "Trotsky's", "Zinoviev", "XIV",
# "Anglo-Russian"; not the "Etat" of "L'Etat" (glued to an apostrophe).
# "Argenson" after the particle "d'" (Marquis d'Argenson) is a word of its own.
CAP_WORD = re.compile(r"""(?<![^\W_])(?<!-)(?:(?<!\w['\u2019])|(?<=(?<!\w)d['\u2019]))(?P<w>[A-Z\u00c0-\u00de][^\W_]*(?:-[A-Z][^\W_]*)*)
                          (?![^\W_]|['\u2019][A-Za-z]{2})""", re.VERBOSE)

# Initials before a name, the last one touching it or one space away: "C. L. R. " (James),
# "E. H." (Carr, after the spacing correction), "R. V. ".
INITIALS_BEFORE = re.compile(r"""(?:(?<![\w.])[A-Z]\.[ ]?)+$""", re.VERBOSE)

# A given name just before a name: "Leon " (Trotsky), "Boris " (Souvarine).
# An underscore of light markup may open it: "_George " (Fox_); a line break may follow it ("Michael\nHart").
GIVEN_BEFORE = re.compile(r"""(?<![^\W_]|['\u2019-])(?P<given>[A-Z][a-z\u00e0-\u00ff]+)(?:[ ]|\n)$""", re.VERBOSE)

# A regnal number after a name: " XIV" (Louis XIV), " II". (Applied with ``match`` at the name's end.)
# A lone "I" is the pronoun when a lower-case word follows ("Lenin I think"), not in "Charles I",
# "Charles I and Louis XIV", "William I of Prussia".
REGNAL_AFTER = re.compile(r"""[ ](?P<num>[IVX]{2,5}|I(?![ ](?!and\b|of\b)[a-z]))\b""", re.VERBOSE)

# A speech or writing verb after a name: "Trotsky writes", "Lenin declared", "Stalin, said".
SPEECH_AFTER = re.compile(r"""^,?[ ](?:writes|wrote|says|said|declares|declared|replies|replied|answers|answered
                              |argues|argued|claims|claimed|insists|insisted|explains|explained|notes|noted
                              |adds|added|asks|asked|tells|told|remarks|remarked|proclaims|proclaimed|maintains
                              |maintained|holds|held|thinks|thought|believes|believed|observes|observed|teaches|taught
                              |says|sang|replied|admits|admitted|affirms|affirmed|denies|denied|calls|called)\b""",
                          re.VERBOSE)

# A name, then "and", "or" or a comma, just before another name: "Kamenev and " (Zinoviev),
# "Stalin, " (Zinoviev and Kamenev).
COORDINATED_BEFORE = re.compile(r"""(?P<name>[A-Z][\w\u00c0-\u024f]+)(?:,[ ]and[ ]|,[ ]|[ ]and[ ]|[ ]or[ ]|[ ]&[ ])$""",
                                re.VERBOSE)
# The same after a name: " and Zinoviev", ", Kamenev".
COORDINATED_AFTER = re.compile(r"""(?:,[ ]and[ ]|,[ ]|[ ]and[ ]|[ ]or[ ]|[ ]&[ ])(?P<name>[A-Z][\w\u00c0-\u024f]+)\b""",
                               re.VERBOSE)

# What makes the name that follows a title, not a person: a possessive determiner or a person's
# possessive before it ("his Stalin", "this Stalin", "Trotsky's Stalin"), or "entitled".
TITLE_BEFORE = re.compile(r"""(?:\b(?:his|her|their|its|my|our|your|this|entitled|called)|\w['\u2019]s)[ ]$""",
                          re.VERBOSE | re.IGNORECASE)

# An imprint or a publishing note in parentheses: "(London: Thornton Butterworth, 1930)",
# "(republished in 1969 by Pierre Belfond)": names inside are publishers, not persons.
IMPRINT = re.compile(r"""\((?P<inside>[^()]*?(?:\b[A-Z][a-z]+:|published\b|\bpress\b)[^()]*?\b(?:1\d{3}|20\d{2})\b[^()]*)\)
                      |\((?P<inside2>[^()]*?\b(?:1\d{3}|20\d{2})\b[^()]*?\bpublished\b[^()]*)\)""",
                     re.VERBOSE | re.IGNORECASE)

# Endings that derive a word from a name: "Stalinism", "Trotskyist", "Leninists", "Thermidorian".
DERIVED_ENDING = re.compile(r"""(?:ism|isms|ist|ists|ite|ites|ian|ians|ite|ites|ska|ism's)$""", re.VERBOSE)

# Words of bibliographies and abbreviations that a tagger may read as names: "Ibid.", "Op. cit.".
# Also the months' abbreviations of dates in notes: "Mar. 4, 1822".
BIBLIO_WORD = re.compile(r"""^(?:Ibid|Ibidem|Idem|Id|Op|Cf|Trans|Vol|Vols|Ed|Eds|Ch|No|Nos|Pp|Ff|Etc
                             |Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$""", re.VERBOSE)

# What an xml:id cannot hold: "louis xiv" → "louis-xiv".
NOT_ID_CHARS = re.compile(r"""[^a-z0-9-]+""", re.VERBOSE)

# The parts of a name: split at spaces and initials' full stops ("C. L. R. James" → C, L, R, James).
NAME_PARTS_SPLIT = re.compile(r"""[ .]+""", re.VERBOSE)

# A comma outside parentheses and quotation marks, between an author and a title:
# the first comma of "Leon Trotsky, Stalin, trans. Charles Malamuth". (Applied to a work part.)
TOP_LEVEL_COMMA = re.compile(r""",\s(?![^()]*\))""", re.VERBOSE)  # also a comma ending a line

# A title named after "entitled" / "called": "a work entitled Since Lenin Died, the American …".
ENTITLED_TITLE = re.compile(r"""\b(?:entitled|called)[ ](?P<title>[A-Z][\w'\u2019-]*
                                (?:[ ](?:[A-Z][\w'\u2019-]*|of|the|and|a|an|in|on|to|for))*)""", re.VERBOSE)

# The lead of a translator's or editor's part of a citation: "trans. Charles Malamuth", "ed. by".
CONTRIBUTOR_LEAD = re.compile(r"""^(?:trans\.|transl\.|translated[ ]by|ed\.|eds\.|edited[ ]by|intro\.)""",
                              re.VERBOSE | re.IGNORECASE)

# A Roman numeral: a regnal or volume number ("XIV", "II"), never a surname.
ROMAN = re.compile(r"""^[IVXLC]+$""", re.VERBOSE)

# A capitalised word right after a name: "Claude" is followed by " Lefort", "Ida" by " Mett".
NEXT_CAPITAL = re.compile(r"""[ ][A-Z][a-z]""", re.VERBOSE)

# A form of address, a rank or an office before a name, left out of the name: "Comrade Lenin", "Mr. Kitton",
# "Curator Grey" (an office: "Dr. Ann Grey, Curator of Birds" is no person "Curator").
HONORIFIC = re.compile(r"""^(?:Comrade|Citizen|Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Lord|Lady|Dame|General|Colonel
                           |Captain|Major|Lieutenant|Admiral|Marshal|President|King|Queen|Prince|Princess|Emperor
                           |Pope|Saint|St|Father|Brother|Sister|Rev|Reverend|Bishop|Cardinal|Count|Countess|Baron
                           |Duke|Marquis|Monsieur|Madame|Herr|Frau|Senator|Governor|Judge|Senor|Se\u00f1or|Signor|Mme|Mlle
                           |Curator|Director|Secretary|Minister|Chancellor|Ambassador|Consul|Commissioner|Mayor)$""",
                       re.VERBOSE)

# ---------------------------------------------------------------- automatic corrections (high tier)

# A token as OCR prints it: letters, digits and the marks OCR puts in words: "Souvarlne",
# "]3oris", "0ctober", "2i0", "194~7", "Buttenvorth".
OCR_TOKEN = re.compile(r"""(?<![\w\]~|])(?P<tok>(?:\]3|[\w~|])+)(?![\w~|])""", re.VERBOSE)

# A number with one letter or mark OCR confuses with a digit: "2i0" (210), "194~7" (1947), "l908".
DIGITS_ONE_CONFUSION = re.compile(r"""^(?P<a>\d*)(?P<x>[lIiOo~|])(?P<b>\d*)$""", re.VERBOSE)

# White space before a full stop, comma, semicolon or colon that ends a word: "the world ." (then
# a space or the end). Not an ellipsis (" ...") nor a decimal (" .5").
SPACE_BEFORE_STOP = re.compile(r"""(?P<word>[a-z\u00e0-\u00ff]{2,})(?P<space>[ ])(?P<punct>[.,;:])(?=\s(?![ ]?\.)|$)""",
                               re.VERBOSE)

# An initial glued to the name after it: "E. H.Carr" (→ "H. Carr").
GLUED_INITIAL = re.compile(r"""(?<![\w.])(?P<initial>[A-Z]\.)(?P<name>[A-Z][a-z]{2,})\b""", re.VERBOSE)

# A page abbreviation glued to its number: "pp.88-93" (→ "pp. 88-93"), "p.5".
GLUED_PAGES = re.compile(r"""(?<![\w.])(?P<abbr>pp?\.)(?P<num>\d+)""", re.VERBOSE)

# A colon glued to the capitalised word after it, inside an imprint: "(London:Faber and Faber".
GLUED_COLON = re.compile(r"""(?<=[a-z])(?P<colon>:)(?P<word>[A-Z][a-z]+)""", re.VERBOSE)

# A small lower-case word glued to a capitalised one: "Hollis andCarter" (→ "and Carter").
GLUED_CAPITAL_WORD = re.compile(r"""(?<![\w])(?P<left>[a-z]{2,4})(?P<right>[A-Z][a-z]{2,})\b""", re.VERBOSE)

# A year split by a space: "in 1 908" (→ "1908"); not "1 908 000" nor "1,1 908".
SPLIT_YEAR = re.compile(r"""(?<![\d,.][ ])(?<![\d,.])(?P<a>1|19|20)[ ](?P<b>\d{3}|\d{2})(?![\d,]|[ ]\d)""", re.VERBOSE)

# A compound whose last hyphen is followed by a stray space: "day-to- day" (→ "day-to-day").
# The left part must already hold a hyphen, so "pre- and post-war" is left alone.
SPLIT_COMPOUND = re.compile(r"""(?<![\w-])(?P<left>[a-z]+-[a-z]+-)[ ](?P<right>[a-z]+)\b""", re.VERBOSE)

# ---------------------------------------------------------------- automatic works cited

# A parenthesis with a year: an imprint or an issue date, the end of a full reference.
# "(London: Hollis and Carter, 1947)", "(Nov. 1934)", "(Cambridge, Mass: Harvard University Press, 1960)".
YEAR_PAREN = re.compile(r"""\((?P<inside>[^()]*\b(?:1\d{3}|20\d{2})\b[^()]*)\)""", re.VERBOSE)

# An imprint: place, colon, publisher, comma, year: "London: Seeker and Warburg, 1939".
IMPRINT_PARTS = re.compile(r"""^\s*(?P<place>[^:()]+?)\s*:\s*(?P<publisher>[^,()]+?)\s*,\s*(?P<year>(?:1\d{3}|20\d{2}))\s*$""",
                           re.VERBOSE)

# A four-digit year anywhere: the date of an issue "(Sept.-Oct. 1947)" → 1947.
ANY_YEAR = re.compile(r"""\b(?P<year>1\d{3}|20\d{2})\b""", re.VERBOSE)

# Where a reference starts inside a note's prose: after a semicolon, a colon, a sentence end
# ("… mentioned: Ida Mett, …", "…; R. V. Daniels, …"), or after "and" in a list.
REFERENCE_BOUNDARY = re.compile(r"""(?:;\s+(?:and\s+|see\s+)?|:\s+|(?P<stop>[.?!])\s+(?=[A-Z])|[,)]\s+and\s+(?:an?\s+\w+\s+by\s+)?
                                    |\bsee\s+(?:especially\s+|also\s+)?|\)\s+(?=[A-Z]))""", re.VERBOSE)

# A person's name as the author of a reference: initials and capitalised words, then a comma.
# "R. V. Daniels, ", "L. Schapiro, ", "George Katkov, ", "Leon Trotsky, ", "E. H. Carr, ".
# Initials may stand between given names and the surname: "James O. Knauss, ".
AUTHOR_LEAD = re.compile(r"""(?P<author>(?:[A-Z]\.[ ]?){0,3}[A-Z][\w\u00c0-\u024f'-]+(?:[ ](?:[A-Z]\.[ ])*[A-Z][\w\u00c0-\u024f'-]+){0,2}),[ ]
                             (?=['\u2018"\u201cA-Z])""", re.VERBOSE)

# A title in quotation marks: an article or a chapter ("'The Kronstadt Rising'").
QUOTED_TITLE = re.compile(r"""^['\u2018"\u201c](?P<title>[^'\u2019"\u201d]+)['\u2019"\u201d]$""", re.VERBOSE)

# What follows a title and is not part of it: "vol. I", "no. 6", "ch. XVI".
SERIES_PART = re.compile(r"""^(?:vol|vols|no|nos|ch|pt|part|bk|book)\.?\s""", re.VERBOSE | re.IGNORECASE)

# A year or a range of years as a segment of its own: ", 1923-24" (part of the title before it).
YEARS_SEGMENT = re.compile(r"""^(?:1\d{3}|20\d{2})(?:\s*[-\u2013]\s*\d{2,4})?$""", re.VERBOSE)

# The words before a title in prose that end the prose: "my", "his", "Voline's", "in".
PROSE_BEFORE_TITLE = re.compile(r"""(?:\b(?:my|his|her|their|our|in|of|see)|\w['\u2019]s)[ ](?=['\u2018A-Z])""", re.VERBOSE)

# A leading article left out of a short title: "The Conscience of the Revolution" → "Conscience …".
LEADING_ARTICLE = re.compile(r"""^(?:The|A|An)[ ]""", re.VERBOSE)

# A word that says a person follows: "the philosopher Hobbes", "the younger Cato", "the poet Dante".
PERSON_NOUN_BEFORE = re.compile(r"""\b(?:philosopher|poet|historian|author|writer|novelist|painter|composer
                                    |emperor|king|queen|prince|pope|general|colonel|captain|admiral
                                    |younger|elder|great|comrade|professor|doctor|dr\.|mr\.|mrs\.|miss|sir|lord)[ ]$""",
                                re.VERBOSE | re.IGNORECASE)

# A possessive after a name: "Aristotle's", "Trotsky’s", "Caesar\'s" (a Markdown export escapes it).
POSSESSIVE_AFTER = re.compile(r"""^\\?['\u2019]s\b""", re.VERBOSE)
# The same before a capitalised word, the name then part of a title: "London Singer's Magazine".
POSSESSIVE_IN_TITLE = re.compile(r"""^\\?['\u2019]s[ ][A-Z]""", re.VERBOSE)

# The capitalised word just before a name, to test against ``HONORIFIC``: "President " (Carnot).
HONORIFIC_BEFORE = re.compile(r"""(?P<word>[A-Z][a-z]+)\.?[ ]$""", re.VERBOSE)

# A word printed in lower case: "party" in "the party met", "in"; not "Party", not "d'une".
LOWER_WORD = re.compile(r"""(?<![^\W_])[a-z\u00df-\u00ff][^\W_]*""", re.VERBOSE)

# A title or rank that belongs to the name it stands before, kept inside the name (a reader lists
# "Mr. Kitton", "Lord Bacon", "Sir Louis Jackson", "Major-General Stone", "Marquis d'Argenson").
# Forms of address that are not part of a name ("Comrade Lenin", "Citizen Capet") stay outside, and
# so does "St" / "Saint", which names places and periodicals as often ("St. Louis", "St Antony's Papers").
NAME_TITLE_BEFORE = re.compile(r"""(?<![\w.-])(?P<title>(?:(?:Major|Lieutenant|Brigadier|Vice|Rear)-)?
                                   (?:Mr|Mrs|Ms|Miss|Mme|Mlle|Dr|Prof|Professor|Sir|Lord|Lady|Dame|General|Colonel
                                   |Captain|Major|Lieutenant|Admiral|Marshal|President|King|Queen|Prince|Princess
                                   |Emperor|Empress|Pope|Father|Rev|Reverend|Bishop|Cardinal|Count|Countess
                                   |Baron|Baroness|Duke|Duchess|Marquis|Marquess|Monsieur|Madame|Herr|Frau|Senator
                                   |Governor|Judge|Senor|Se\u00f1or|Don|Dona|Do\u00f1a|Signor|Signora)\.?)[ ]$""",
                               re.VERBOSE)

# A form of address that names a person whatever the word after it ("Mr. Brown", "Miss Rainforth",
# "Sir Louis"): even a common English word after it is a name there.
ADDRESS = re.compile(r"""^(?:Mr|Mrs|Ms|Miss|Mme|Mlle|Dr|Sir|Madame|Monsieur|Herr|Frau|Senor|Se\u00f1or|Signor)$""",
                     re.VERBOSE)

# A compound military or naval rank before a name: "Major-General Stone", "Lieutenant-Colonel Hay",
# "Rear-Admiral Bell". Unlike "General" alone ("General Motors", "General Strike") it heads no
# company nor event: the word after it is a name there, even a common word ("Stone").
COMPOUND_RANK_BEFORE = re.compile(r"""(?<![\w-])(?:Major|Lieutenant|Brigadier|Vice|Rear)-(?:General|Colonel|Admiral|Marshal)
                                      \.?[ ]$""", re.VERBOSE)

# "M." as the French "Monsieur" before a name, or an initial: either way the word after it names a
# person: "M. Lenoir", "M. Louis Dupont" (and, with a given name, "M. Louis").
# A given name may stand between: "M. Louis Dupont".
MONSIEUR_BEFORE = re.compile(r"""(?<![\w.])M\.[ ](?:[A-Z][a-z\u00e0-\u00ff]+[ ])?$""", re.VERBOSE)

# A nobiliary particle before a surname, inside the name: "d'Argenson" (Marquis d'Argenson),
# "de Maistre", "von Moltke", "van Gogh". The particle is lower case; the surname after it is the word.
PARTICLE_BEFORE = re.compile(r"""(?<![\w'\u2019])(?P<particle>d['\u2019]|(?:de|du|des|von|van|der|della|di|da|le|la)[ ])$""",
                             re.VERBOSE)

# An epithet after a name, inside the name: "Frederick the Great", "Cato the Younger",
# "Jesus of Nazareth", "Francis of Assisi". "of X" only where the recogniser's PERSON span covers it.
EPITHET_AFTER = re.compile(r"""[ ](?P<epithet>the[ ](?P<the>[A-Z][a-z]+)|of[ ](?P<of>[A-Z][a-z]+))\b""", re.VERBOSE)
# The epithets "the X" that are such even untagged: "the Great", "the Elder", "the Younger".
EPITHET_WORDS = frozenset({"Great", "Elder", "Younger", "Conqueror", "Bold", "Good", "Wise", "Pious", "Apostate",
                           "Baptist", "Evangelist", "Terrible", "Magnificent", "Fair", "Lionheart", "Confessor"})

# A name printed in capitals (a title page, a signature, a heading): "HARTLEY" in "By J. R. HARTLEY",
# "MORROW" in "A. B. MORROW", "FENWICK" in "EDWARD FENWICK". Read as "Hartley" and voted with the
# text's other places of that name.
CAPS_WORD = re.compile(r"""^[A-Z\u00c0-\u00de]{2,}(?:-[A-Z]{2,})*$""", re.VERBOSE)

# A given name in capitals just before a name in capitals: "EDWARD " (FENWICK), "THOMAS " (ARDEN).
CAPS_GIVEN_BEFORE = re.compile(r"""(?<![^\W_]|['\u2019-])(?P<given>[A-Z]{3,})[ ]$""", re.VERBOSE)

# The last word of a periodical's title, never a surname by itself: "Pensacola Gazette", "National
# Intelligencer", "Niles' Register". (With initials before it, it may be one: "P. L. Courier".)
PERIODICAL_WORD = re.compile(r"""^(?:Gazette|Herald|Intelligencer|Messenger|Times|Journal|Review|Chronicle|Courier
                                 |Tribune|Register|Advertiser|Observer|Telegraph|Bulletin|Magazine|Quarterly|Gazetteer
                                 |Mercury|Recorder|Argus|Sentinel|Examiner|Spectator|Monitor|Clarion|Dispatch)$""",
                             re.VERBOSE)

# A common word that names a kind of place, so that "Trafalgar Square" or "Hyde Park" tagged PERSON
# is not taken for a given name and a surname (a name with initials still is: "Thomas H. Hall").
PLACE_KIND_WORD = re.compile(r"""^(?:Square|Street|Road|Avenue|Park|Bridge|Lake|River|Mountain|Mountains|Island|Islands
                                 |Gate|Place|Lane|Bay|Harbour|Harbor|Valley|Forest|Station|Cathedral|Abbey|Palace
                                 |Castle|Tower|Garden|Gardens|Square|Cross|Circus|Terrace|Row|Quay|Strait|Sea|Ocean
                                 |County|City|Town|Province|State|Fort|Church|College|University|School|Club)$""",
                             re.VERBOSE)

# The given names of a name the recogniser tags PERSON whole: capitalised words and initials only
# ("Louis ", "Clarence Edwin ", "Henry P. "), not capitals nor digits ("JOHN W. TAYLOR ").
# A line break may stand between a given name and the surname: "Henry\nJekyll".
GIVEN_PART = re.compile(r"""^(?:(?:[A-Z][a-z\u00e0-\u00ff]+|[A-Z]\.)(?:[ ]|\n))+$""", re.VERBOSE)

# A running-text word that a work's title (unquoted) does not hold in lower case: a pronoun or an
# auxiliary verb. "Miss Rainforth was the soloist at the first production", "In his speech at
# Birmingham", "These will be found listed in …" are prose; "The Revolution Betrayed" is not.
TITLE_PROSE_WORD = re.compile(r"""(?<![\w'\u2019-])(?:his|her|their|he|she|they|we|was|were|is|are|has|have|had
                                  |will|would|been|being|which|who|whom|this|these|those|but)(?![\w'\u2019-])""",
                              re.VERBOSE)

# A pointer before a reference, not part of it: "See James O. Knauss, …", "Cf. Daniels, …", "See also".
SEE_LEAD = re.compile(r"""^(?:See(?:[ ]also)?|Cf\.|Compare|Also)[ ,]+""", re.VERBOSE)

# A date that is no title: a month and a day ("September 4", "Mar. 21", "September 4, 1956").
MONTH_DAY = re.compile(rf"""^{_MONTH}\s+[0-3]?\d(?:,\s*{_YEAR})?$""", re.VERBOSE)

# Light markup around a title: "_Dickens as an Editor_", "*Stalin*".
TITLE_MARKUP = re.compile(r"""^[_*]+(?P<title>[^_*]+)[_*]+$""", re.VERBOSE)

# The work a secondary citation quotes, before "quoted in": an author's possessive and the title,
# a closing quotation mark perhaps left alone by the OCR: "Trotsky's What happened and how'",
# "Lenin's 'Testament'".
# Also the author and title of "Mr. R.C. Lehmann's _Dickens as an Editor_" (after "Quoted in").
# "James O. Knauss' Territorial Florida Journalism": the possessive of a name ending in "s".
QUOTED_WORK = re.compile(r"""^(?P<author>(?:(?:Mr|Mrs|Dr|Prof)\.[ ])?(?:[A-Z]\.[ ]?|[A-Z][\w\u00c0-\u024f-]+[ ]){0,3}
                                        [A-Z][\w\u00c0-\u024f-]+)(?:['\u2019]s|(?<=s)['\u2019])[ ]['\u2018"\u201c]?
                             (?P<title>[_*]?[A-Z][^()]*?)['\u2019"\u201d]?[ ,]*$""", re.VERBOSE)

# What follows an abbreviated word, so that its full stop ends no sentence: a comma, a semicolon, a
# colon, a bracket, a lower-case word, a number, or another abbreviation. "Fla. Terr.", "Fla., 1926",
# "Recd., A 61", "H. Doc. 123", "Misc. Letters" is not (a capitalised word after a stop may start a sentence).
ABBREVIATED_AFTER = re.compile(r"""\.(?:[,;:)\]]|[ ](?:[a-z0-9(]|[A-Z][a-z]{0,5}\.))""", re.VERBOSE)

# A preposition of place just before a name (a saint's "St." between them allowed): "at Pensacola",
# "into Pensacola", "in St. Augustine", "from S*Augustine". A word printed so in most of its places
# (three at least) is a place, not a person.
# A sentence may open with it: "In Alexandria", "At Genoa".
PLACE_BEFORE = re.compile(r"""\b(?:[Aa]t|[Ii]n|[Ii]nto|[Nn]ear|[Ff]rom|to)[ ](?:(?:St|S)[.*]?[ ]?)?$""", re.VERBOSE)

# A preposition of place that "in" is not, just before a name: "at Okafor", "to Okafor", "from
# Okafor", "into", "near". Unlike "in" ("in Okafor", "in London": an author's work or a town, in essays
# as often), these say a place; a word printed so anywhere is not made a person by the strong cues
# below (a speech verb before it, "named", the recogniser's PERSON twice).
# A saint's "St." may stand between, as in ``PLACE_BEFORE``: "to St. Okafor" (a town).
STRICT_PLACE_BEFORE = re.compile(r"""\b(?:[Aa]t|[Ii]nto|[Nn]ear|[Ff]rom|[Tt]o)[ ](?:(?:St|S)[.*]?[ ]?)?$""", re.VERBOSE)

# A saint's title before a given name, which then names a town or a church as often as a person:
# "St. Louis", "Saint Francis Okafor" (a church), "San Marcus", "Santa Clara".
SAINT_BEFORE = re.compile(r"""(?<![\w.])(?:St|Ste|Saint|San|Santa|Sao|S)[.*]?[ ]?$""", re.VERBOSE)

# A person noun then "named" or "called" just before a name, a line break allowed: "a man named
# Okafor", "a woman called\nGrey", "a philosopher named Brill" (not "a town called Hope": no person noun).
NAMED_BEFORE = re.compile(r"""\b(?:man|woman|person|boy|girl|fellow|child|youth|lad|maid|gentleman|lady|monk|priest
                              |philosopher|poet|writer|scholar|teacher|sage|prophet|soldier|officer|merchant|slave
                              |citizen|peasant|stranger|friend|brother|sister|son|daughter|wife|husband)
                              [ ](?:named|called)\s$""", re.VERBOSE)

# The definite article right before a capitalised word: "the Rhine", "the Sabbath", "the Gentiles".
# A person's name takes none ("the poet Dante" has a noun between; "the Marquis d'Argenson" a title).
# A line break may stand between them: "proved in the\nAppendix".
ARTICLE_BEFORE = re.compile(r"""\b[Tt]he[ \n]$""", re.VERBOSE)

# A name made of several capitalised words, or of words joined by hyphens with small lower-case words
# between them: "Red Cloud", "Buffalo-Hide Woman", "Son-of-the-Moon", "Runs Before Thunder" (four
# words at most, a line break may stand between two). Such a name is read on the whole text by
# ``auto_persons._compounds``: its words are ordinary English words, so no single one tells it.
# One capitalised hyphenated word ("Hawk-Eye") is a ``CAP_WORD`` of its own, not matched here.
COMPOUND_NAME = re.compile(r"""(?<![^\W_]|['\u2019-])
                               (?P<name>(?P<first>[A-Z][a-z]+)(?:-(?:[a-z]{1,3}-)*[A-Z][a-z]+)*
                                        (?:(?:[ ]|\n)[A-Z][a-z]+(?:-(?:[a-z]{1,3}-)*[A-Z][a-z]+)*){0,3})
                               (?![^\W_]|-[^\W_])""", re.VERBOSE)

# A hyphen piece of a compound name that is a small lower-case word: "-of-" in "Son-of-the-Moon".
COMPOUND_SMALL_PIECE = re.compile(r"""-[a-z]{1,3}-""", re.VERBOSE)

# What stands before a word that starts a sentence (a clause of a quotation included), so that its
# capital says nothing: a full stop, a question or exclamation mark, a colon, an opening quotation
# mark or bracket, then white space. "…the fire. When Red Cloud came" ("When" opens the sentence).
# (Not after a capitalised abbreviation or an initial: see ``CAPITAL_STOP_BEFORE``.)
SENTENCE_OPENING = re.compile(r"""(?:[.!?:;]['"\u2019\u201d)\]]?|['"\u2018\u201c(\[\u2014-])\s*$""", re.VERBOSE)

# A speech verb just before a name, the name its subject (fiction and reported talk): "said Red
# Cloud", "answered Hawk", "asked the old man" is not a name (lower case).
# (Not "called": "a town called Hope" names a place as often.)
SPEECH_BEFORE = re.compile(r"""\b(?:said|says|answered|replied|asked|cried|shouted|whispered|added
                               |exclaimed|continued|went[ ]on)[ ]$""", re.VERBOSE)

# A kinship or companionship noun naming the person after it, in apposition or with "named"/"of":
# "her brother, Red Cloud", "a son named Hawk", "grandson of Red Cloud", "his friend, Lean Bear".
KIN_BEFORE = re.compile(r"""\b(?:brother|sister|son|daughter|father|mother|wife|husband|friend|uncle|aunt
                            |grandson|granddaughter|grandfather|grandmother|nephew|niece|widow|chief)
                            (?:,[ ]|[ ]named[ ]|[ ]called[ ]|[ ]of[ ]|[ ])$""", re.VERBOSE)

# A verb of a person's doing right after a name (an adverb or an auxiliary may stand between): the
# name is the subject of a human act. "Hawk laughingly adds", "Red Cloud has told us", "Okafor
# fled to Spain", "Okafor spoke Italian". Not verbs that places or parties take as well ("entered",
# "decided", "refused").
ACT_AFTER = re.compile(r"""^[ ](?:[a-z]+ly[ ]|soon[ ]|then[ ]|now[ ]|also[ ]|once[ ]|never[ ]|often[ ]
                              |(?:has|had|have|was|is)[ ])?
                          (?:writes|wrote|written|says|said|tells|told|adds|added|speaks|spoke|spoken|saw|seen|fled
                          |smiled|laughed|wept|bowed|nodded|sighed|prayed|married|loved|knew|felt|thought
                          |walked|ran|sat|stood|rose|slept|woke|dreamed|listened|heard|shouted|whispered|answered
                          |replied|asked|cried|confronted|faced|withdrew|preached|submitted|began)\b""",
                       re.VERBOSE)

# A word no name of several common words holds: a grammar word ("Is Jack", "All Too Human": a
# sentence or a title), an office ("Prime Minister", "Home Secretary") or a body ("Peace Society",
# "Labour Party"). Matched on each word of a compound name.
NOT_IN_COMPOUND_NAME = re.compile(r"""^(?:is|are|was|were|be|been|am|all|too|not|no|nor|and|or|but|if|when|then|so|as|at
                                      |in|on|of|to|by|for|with|from|the|a|an|this|that|these|those|it|he|she|we|they
                                      |you|his|her|its|our|their|my|your|what|who|how|why|where|which|there|here|do
                                      |does|did|has|have|had|will|would|can|could|shall|should|may|might|must|let|oh
                                      |minister|secretary|chancellor|ambassador|consul|commissioner|premier|mayor
                                      |speaker|director|chairman|president|governor|general|officer|society|company
                                      |party|committee|council|church|army|navy|office|board|union|league|club
                                      |association|institute|museum|library|department|ministry|government|court
                                      |god|lord|christ|holy|saint)$""",
                                  re.VERBOSE | re.IGNORECASE)

# A capitalised abbreviation or an initial with its full stop, just before a word: "Messrs. " (Grote),
# "J.H. " (Tully), "Mr. ": that stop opens no sentence.
CAPITAL_STOP_BEFORE = re.compile(r"""(?<![^\W_])[A-Z][a-z]{0,5}\.\s*$""", re.VERBOSE)

# The two lower-case words after a capitalised one, to ask the word list whether they are English:
# "Credo quia absurdum", "Veni vidi vici" open a foreign phrase, and its first word is no name.
# (Applied with ``match`` at the end of the capitalised word.)
NEXT_TWO_WORDS = re.compile(r"""[ ](?P<a>[a-z\u00e0-\u00ff]+)[ ](?P<b>[a-z\u00e0-\u00ff]+)(?![a-z\u00e0-\u00ff])""", re.VERBOSE)
