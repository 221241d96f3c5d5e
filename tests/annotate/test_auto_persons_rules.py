"""The document layer of the automatic persons, rule by rule, on small texts.

The recogniser is replaced by a fixed table (``fake_ner``: a phrase → its label wherever printed),
so each rule is tested without the model and whatever model is installed."""

from __future__ import annotations

import pytest

from lefort_tei.annotate import annotate, auto_persons, ner
from lefort_tei.model import PersonRef


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("LEFORT_TEI_CACHE", "off")


@pytest.fixture
def fake_ner(monkeypatch):
    """``fake_ner({"John Stuart Mill": "PERSON", …})``: the recogniser tags each phrase, wherever
    printed, with its label (longest phrases first; no overlap)."""

    def _install(table: dict[str, str]):
        def entities(texts):
            out = []
            for t in texts:
                ents, taken = [], [False] * len(t)
                for phrase in sorted(table, key=len, reverse=True):
                    i = t.find(phrase)
                    while i >= 0:
                        if not any(taken[i:i + len(phrase)]):
                            ents.append((i, i + len(phrase), table[phrase]))
                            taken[i:i + len(phrase)] = [True] * len(phrase)
                        i = t.find(phrase, i + 1)
                out.append(sorted(ents))
            return out

        monkeypatch.setattr(auto_persons.cache, "entities", entities)

    return _install


@pytest.fixture
def rules_only(monkeypatch):
    monkeypatch.setenv(ner.MODEL_ENV, "none")


def _tagged(doc):
    found = [i for b in [*doc.paragraphs(), *doc.headings()] for i in b.inlines if isinstance(i, PersonRef)]
    return [(" ".join(doc.source.slice(i.span).split()), i.ref) for i in sorted(found, key=lambda i: i.span.start)]


def _texts(doc):
    return [t for t, _ in _tagged(doc)]


def test_a_title_of_rank_or_address_is_inside_the_name_a_comrade_is_not(make, fake_ner):
    fake_ner({"Bacon": "PERSON"})
    body = ("Mr. Kitton wrote it down. Mr. Kitton said so again. Comrade Zinoviev replied, and Zinoviev "
            "declared it. Lord Bacon is a poet; Lord Bacon wrote it.")
    doc, data = make(body, auto=True)
    annotate(doc, data)
    texts = _texts(doc)
    assert texts.count("Mr. Kitton") == 2
    assert "Zinoviev" in texts and not any(t.startswith("Comrade") for t in texts)
    assert texts.count("Lord Bacon") == 2  # a common word ("bacon"), a name with "Lord"


def test_a_form_of_address_makes_a_common_word_a_name_only_there(make, rules_only):
    doc, data = make("Mr. Brown said it. Brown bread is cheap. Miss Brown replied.", auto=True)
    annotate(doc, data)
    texts = _texts(doc)
    assert texts == ["Mr. Brown", "Miss Brown"]


def test_several_given_names_and_one_entry_for_each_printed_form(make, fake_ner):
    fake_ner({"John Stuart Mill": "PERSON", "Stuart Mill": "PERSON"})
    body = "John Stuart Mill wrote it. Later Mr. Stuart Mill said so."
    doc, data = make(body, auto=True)
    annotate(doc, data)
    tagged = _tagged(doc)
    assert [t for t, _ in tagged] == ["John Stuart Mill", "Mr. Stuart Mill"]
    assert len({ref for _, ref in tagged}) == 1  # "Stuart" is John's middle name, not another person


def test_a_given_name_that_is_also_printed_alone_stays_inside_the_full_name(make, fake_ner):
    fake_ner({"Emma Goldman": "PERSON", "Emma": "PERSON", "Goldman": "PERSON"})
    doc, data = make("Emma Goldman spoke. Emma wrote. Goldman replied. Emma Goldman left.", auto=True)
    annotate(doc, data)
    assert _texts(doc).count("Emma Goldman") == 2 and "Goldman" in _texts(doc)


def test_a_nobiliary_particle_and_its_title_are_inside_the_name(make, fake_ner):
    fake_ner({"d\u2019Argenson": "PERSON"})
    body = "\u201cEvery interest,\u201d says the Marquis d\u2019Argenson, \u201chas its principles.\u201d"
    doc, data = make(body, auto=True)
    annotate(doc, data)
    assert _texts(doc) == ["Marquis d\u2019Argenson"]


def test_an_epithet_is_part_of_the_name(make, rules_only):
    doc, data = make("He wrote to Frederick the Great of Prussia, and to Catherine the Great.", auto=True)
    annotate(doc, data)
    assert _texts(doc) == ["Frederick the Great", "Catherine the Great"]


def test_of_place_is_part_of_the_name_where_tagged_with_it_and_no_person_itself(make, fake_ner):
    fake_ner({"Jesus of Nazareth": "PERSON", "Jesus": "PERSON", "Nazareth": "GPE"})
    body = ("We shall tell what men believed about Jesus of Nazareth. Jesus was a teacher. Jesus taught "
            "in Nazareth. The sayings of Jesus are few.")
    doc, data = make(body, auto=True)
    annotate(doc, data)
    texts = _texts(doc)
    assert texts[0] == "Jesus of Nazareth" and texts.count("Jesus") == 3
    assert "Nazareth" not in texts


def test_a_common_word_tagged_person_in_most_places_is_a_name_once_is_not(make, fake_ner):
    fake_ner({"Jesus": "PERSON", "Victory": "PERSON"})
    body = "Jesus taught. The words of Jesus were few. Jesus left. Victory came at last."
    doc, data = make(body, auto=True)
    annotate(doc, data)
    texts = _texts(doc)
    assert texts.count("Jesus") == 3 and "Victory" not in texts


def test_a_regnal_number_is_part_of_the_name_a_pronoun_is_not(make, fake_ner):
    fake_ner({"Louis XIV": "PERSON", "Charles I": "PERSON", "Lenin": "PERSON"})
    doc, data = make("Louis XIV and Charles I and the rest reigned. As for Lenin I think he wrote it.", auto=True)
    annotate(doc, data)
    assert _texts(doc) == ["Louis XIV", "Charles I", "Lenin"]


def test_names_in_capitals_with_initials_or_a_given_name(make, fake_ner):
    fake_ner({"Andrew Jackson": "PERSON", "Jackson": "PERSON", "Dombey": "PERSON"})
    body = ("By C. E. MONTAGUE\n\nAndrew Jackson wrote. Jackson said it again. Dombey spoke, and Dombey "
            "left.\n\nCOMMISSION OF ANDREW JACKSON\n\nDOMBEY\n\nThe end.")
    doc, data = make(body, auto=True)
    annotate(doc, data)
    texts = _texts(doc)
    assert "C. E. MONTAGUE" in texts and "ANDREW JACKSON" in texts
    assert "DOMBEY" not in texts  # a word in capitals alone: a heading, not read as a name
    refs = {t: r for t, r in _tagged(doc)}
    assert refs["ANDREW JACKSON"] == refs["Andrew Jackson"]  # one register entry


def test_a_periodical_a_place_or_a_common_phrase_is_no_person(make, fake_ner):
    fake_ner({"Pensacola Gazette": "PERSON", "Trafalgar Square": "PERSON", "Varied Lessons": "PERSON",
              "King of Spain": "PERSON"})
    body = ("It was printed in the Pensacola Gazette. They met in Trafalgar Square. Varied Lessons. "
            "The King of Spain agreed. The lessons were varied.")
    doc, data = make(body, auto=True)
    annotate(doc, data)
    assert _texts(doc) == []


def test_a_full_name_the_recogniser_tags_makes_a_common_surname_a_name_there(make, fake_ner):
    fake_ner({"Louis Jackson": "PERSON", "Louis": "PERSON"})
    body = "Sir Louis Jackson spoke at the Institute. Sir Louis believed in gas. Jackson is a town."
    doc, data = make(body, auto=True)
    annotate(doc, data)
    texts = _texts(doc)
    assert texts[0] == "Sir Louis Jackson" and "Sir Louis" in texts
    assert texts.count("Jackson") == 0  # alone, a common word: only where the full name is printed


def test_an_abbreviation_an_acronym_or_a_place_is_no_person(make, fake_ner):
    fake_ner({"Fla": "PERSON", "SD": "PERSON", "Pensacola": "PERSON", "Jackson": "PERSON"})
    body = ("NA, SD, Fla. Terr. Papers; SD, Fla. Terr. Letters; Deland, Fla., 1926. Jackson went to Pensacola. "
            "Jackson stayed at Pensacola, and Jackson wrote from Pensacola.")
    doc, data = make(body, auto=True)
    annotate(doc, data)
    assert set(_texts(doc)) == {"Jackson"}


def test_a_title_word_between_given_names_is_a_middle_name_where_tagged(make, fake_ner):
    fake_ner({"William Pope DuVal": "PERSON", "DuVal": "PERSON"})
    doc, data = make("William Pope DuVal was appointed. DuVal accepted.", auto=True)
    annotate(doc, data)
    assert _texts(doc) == ["William Pope DuVal", "DuVal"]


def test_a_possessive_escaped_by_a_markdown_export_is_a_cue(make, fake_ner):
    # tagged PERSON once, as an organisation twice: the possessive "Caesar\\'s" is the cue that decides
    fake_ner({"Caesar": "ORG", "a mock Caesar": "PERSON"})
    body = "Give tribute to Caesar. And they said unto him, Caesar\\'s. Make a mock Caesar of him."
    doc, data = make(body, auto=True)
    annotate(doc, data)
    assert _texts(doc).count("Caesar") == 3


def test_a_word_after_the_definite_article_is_no_person_unless_a_cue_says_so(make, fake_ner):
    fake_ner({"Rhine": "PERSON", "Volga": "PERSON", "Sabbath": "PERSON", "Gibbon": "PERSON"})
    body = ("Beyond the Rhine, and the Volga, lay the north. He broke the Sabbath. Gibbon wrote "
            "it, and the Gibbon's view was read; Gibbon said so.")
    doc, data = make(body, auto=True)
    annotate(doc, data)
    assert set(_texts(doc)) == {"Gibbon"}


def test_of_place_after_a_tagged_name_is_its_epithet_even_tagged_apart(make, fake_ner):
    fake_ner({"Jesus": "PERSON", "Nazareth": "PERSON"})
    doc, data = make("We tell what men believed about Jesus of Nazareth. Jesus taught. Jesus left.", auto=True)
    annotate(doc, data)
    assert _texts(doc) == ["Jesus of Nazareth", "Jesus", "Jesus"]


# ---------------------------------------------------------------- names of several common words

COMPOUND_STORY = ("My grandfather, Red Cloud, came home. Then I heard Red Cloud's horse outside. The old men "
                  "and Red Cloud smoked. Red Cloud rose early. When Son-of-the-Moon came, we sat with "
                  "Son-of-the-Moon; \"Eat,\" said Son-of-the-Moon, and Son-of-the-Moon smiled. Our sister, "
                  "Hawk Woman, was away.")


@pytest.mark.parametrize("model", ["rules_only", "fake_ner"])
def test_a_name_of_common_words_recurring_mid_sentence_with_person_cues(make, request, model):
    if model == "fake_ner":
        request.getfixturevalue("fake_ner")({"Red Cloud": "ORG", "Son-of-the-Moon": "PRODUCT"})
    else:
        request.getfixturevalue("rules_only")
    doc, data = make(COMPOUND_STORY, auto=True)
    annotate(doc, data)
    tagged = _tagged(doc)
    texts = [t for t, _ in tagged]
    # mid-sentence with a kinship noun and a possessive, then everywhere, a sentence's opening too
    assert texts.count("Red Cloud") == 4
    # "When" opens the sentence: the name is read without it
    assert texts.count("Son-of-the-Moon") == 4 and not any(t.startswith("When") for t in texts)
    assert "Hawk Woman" not in texts  # printed once: not enough to decide
    assert not {"Cloud", "Red", "Moon", "Son"} & set(texts)  # the words inside are no names of their own
    assert len({r for t, r in tagged if t == "Red Cloud"}) == 1


def test_a_name_of_common_words_is_never_a_place_a_body_an_office_or_a_title(make, fake_ner):
    fake_ner({"Great Britain": "GPE"})
    body = ("Far off stood the Grey Hills, and the Grey Hills spoke to us of the Grey Hills's past. "
            "We rode to Fort Tilden; Fort Tilden's walls fell, and his brother, Fort Tilden, said so. "
            "He is Castillo, Prime Minister, who spoke; the Prime Minister's wife said no; the wife of the Prime "
            "Minister cried. The Peace Society's men and the Peace Society said it. Great Britain's fleet; "
            "Great Britain said; his ally, Great Britain, spoke. I read All Too Human's pages; All Too Human "
            "said nothing; her friend, All Too Human.")
    doc, data = make(body, auto=True)
    annotate(doc, data)
    texts = set(_texts(doc))
    assert not texts & {"Grey Hills", "Fort Tilden", "Prime Minister", "Peace Society", "Great Britain",
                        "All Too Human", "Minister"}


def test_a_full_name_whose_surname_is_decided_stays_one_entry(make, fake_ner):
    fake_ner({"Charles Dickens": "PERSON", "Dickens": "PERSON"})
    body = ("We owe much to Charles Dickens, who wrote it; Charles Dickens said so, and Dickens wrote again. "
            "Dickens left. The house of Charles Dickens's friend.")
    doc, data = make(body, auto=True)
    annotate(doc, data)
    tagged = _tagged(doc)
    assert [t for t, _ in tagged].count("Charles Dickens") == 3
    assert len({r for _, r in tagged}) == 1


def test_a_rare_word_tagged_as_an_organisation_but_the_subject_of_a_persons_doings_is_a_person(make, fake_ner):
    fake_ner({"Okafor": "ORG", "Zunis": "ORG", "Zuni": "ORG", "Vellmar": "GPE"})
    body = ("A young Italian, Okafor, fled to Spain. There Okafor spoke Italian. Okafor soon began to write. "
            "Zunis knew it; Zunis fled; the Zunis saw it. A Zuni woman came. Vellmar saw the war, "
            "and Vellmar fled the war, and in Vellmar the war ended.")
    doc, data = make(body, auto=True)
    annotate(doc, data)
    texts = _texts(doc)
    assert texts.count("Okafor") == 3
    assert not {"Zunis", "Zuni", "Vellmar"} & set(texts)  # a people (a plural, after "the"), a place


def test_a_form_of_address_or_monsieur_names_a_word_the_text_also_prints_in_lower_case(make, fake_ner):
    fake_ner({"M. Cousin": "PERSON", "Guizot": "PERSON", "Bonaparte I. After": "PERSON"})
    body = ("Its apostles were Guizot and M. Cousin, whose cousin wrote. Mr. Young said so; the young "
            "agreed. A certain Major-General Stone spoke; a stone fell. After the war Guizot left. "
            "The rule of Bonaparte I. After this, all changed after him.")
    doc, data = make(body, auto=True)
    annotate(doc, data)
    texts = _texts(doc)
    assert {"M. Cousin", "Mr. Young", "Major-General Stone"} <= set(texts)
    assert not {"Cousin", "Young", "Stone", "After"} & set(texts)  # only where so printed; never a grammar word
    assert not any("After" in t for t in texts), texts


def test_a_place_the_recogniser_reads_so_often_is_no_person_by_coordination_nor_by_a_tie(make, fake_ner):
    fake_ner({"Genoa": "PERSON", "Lisbon": "GPE", "In Xanthe": "PERSON", "of Xanthe grew": "PERSON",
              "at Xanthe": "GPE", "Xanthe knew": "GPE"})
    body = ("The patricians of Lisbon and Genoa ruled. The Doge of Lisbon spoke. The council of Lisbon met. "
            "In Xanthe the god was feared. The school of Xanthe grew. It was formed at Xanthe. The sages of "
            "Xanthe knew it.")
    doc, data = make(body, auto=True)
    annotate(doc, data)
    texts = set(_texts(doc))
    assert "Genoa" in texts  # the recogniser's person, in its only place
    assert not {"Lisbon", "Xanthe"} & texts  # a place in most places; "In"/"at" in half its places


def test_an_english_word_printed_only_to_open_a_sentence_is_no_person(make, fake_ner):
    fake_ner({"Behold": "PERSON", "Hitherto": "PERSON", "Bismarck": "PERSON"})
    body = ("God said: \u201cBehold, the man is become as one of us.\u201d The roads were bad. Hitherto armies "
            "had marched on foot. It was the work of Messrs. Bismarck and others.")
    doc, data = make(body, auto=True)
    annotate(doc, data)
    assert _texts(doc) == ["Bismarck"]  # after "Messrs." a capital opens no sentence


def test_an_article_across_a_line_break_and_an_office_before_a_name(make, fake_ner):
    fake_ner({"Appendix": "PERSON", "Curator": "PERSON", "Curator Grey": "PERSON", "Ann Grey": "PERSON"})
    body = ("I have shown in the\nAppendix that it is so, and in the\nAppendix again. I thank Curator Grey; "
            "Dr. Ann Grey, Curator of Birds, helped.")
    doc, data = make(body, auto=True)
    annotate(doc, data)
    texts = _texts(doc)
    assert "Appendix" not in texts and "Curator" not in texts
    assert "Dr. Ann Grey" in texts


def test_rare_names_in_a_list_the_recogniser_reads_as_places_are_still_coordinated(make, fake_ner):
    fake_ner({"Okonkwo": "PERSON", "Zubarev": "GPE"})
    body = ("Okonkwo and Zubarev agreed. Zubarev, Okonkwo and others met. Okonkwo or Zubarev wrote. "
            "Without Zubarev nothing moved.")
    doc, data = make(body, auto=True)
    annotate(doc, data)
    assert _texts(doc).count("Zubarev") == 4


def test_a_speech_verb_before_a_name_is_a_person_cue(make, rules_only):
    doc, data = make("\u201cCome,\u201d said Okonkwo. \u201cNo,\u201d answered Okonkwo. A town called Hope.", auto=True)
    annotate(doc, data)
    assert _texts(doc) == ["Okonkwo", "Okonkwo"]


def test_a_capitalised_word_opening_a_foreign_phrase_is_no_person(make, fake_ner):
    fake_ner({"Credo": "PERSON", "Okonkwo": "PERSON"})
    body = "Theology says: _Credo quia absurdum_. Okonkwo wrote it down; Okonkwo left."
    doc, data = make(body, auto=True)
    annotate(doc, data)
    assert _texts(doc) == ["Okonkwo", "Okonkwo"]


@pytest.mark.parametrize("model", ["fake_ner", "rules_only"])
def test_m_before_a_name_with_or_without_a_given_name_is_monsieur(make, request, model):
    if model == "fake_ner":
        request.getfixturevalue("fake_ner")({"Louis Dupont": "ORG", "Lenoir": "GPE"})
    else:
        request.getfixturevalue("rules_only")
    body = "In Paris I once heard M. Louis Dupont say so, and M. Lenoir agreed. Dupont is a name."
    doc, data = make(body, auto=True)
    annotate(doc, data)
    texts = _texts(doc)
    assert "M. Louis Dupont" in texts and "M. Lenoir" in texts


# ---------------------------------------------------------------- names the small model mistypes (issue 12)
# Each of these rules is for a name the recogniser tags as a place, a body or a product in most places.


def test_a_common_given_name_before_a_word_makes_it_a_person_whatever_the_recogniser_says(make, fake_ner):
    fake_ner({"Marcus Ombrevaux": "ORG", "Ombrevaux": "ORG", "Louis Quarrendon": "GPE", "Quarrendon": "GPE"})
    body = ("The letters of Marcus Ombrevaux were read aloud. Nobody doubted that Ombrevaux was right. "
            "The pub stood in Louis Street. We went to Louis Quarrendon, then to Quarrendon again, and to "
            "Quarrendon once more.")
    doc, data = make(body, auto=True)
    annotate(doc, data)
    texts = _texts(doc)
    assert texts == ["Marcus Ombrevaux", "Ombrevaux"]  # "to Quarrendon" in most places: a place


def test_a_given_name_after_the_or_a_saints_title_is_no_evidence(make, fake_ner):
    fake_ner({"Francis Ombrevaux": "ORG", "Louis Quarrendon": "ORG"})
    body = ("Then the Francis Ombrevaux, a firm of printers, opened a shop. We prayed at St. Louis "
            "Quarrendon on Sundays.")
    doc, data = make(body, auto=True)
    annotate(doc, data)
    assert _texts(doc) == []


def test_an_honorific_a_given_name_and_the_surname_is_a_person_cue(make, fake_ner):
    fake_ner({})  # the recogniser runs and types nothing: a given name alone does not overrule it
    body = "It was the Emperor Marcus Ombrevaux who ruled. Ombrevaux was wise. Louis Quarrendon is a hill."
    doc, data = make(body, auto=True)
    annotate(doc, data)
    assert _texts(doc) == ["Emperor Marcus Ombrevaux", "Ombrevaux"]


def test_a_speech_verb_before_a_word_makes_it_a_person_unless_a_place_preposition_stands_before_it(make, fake_ner):
    fake_ner({"Ombrevaux": "GPE", "Quarrendon": "GPE"})
    body = ("\u201cAll is flux,\u201d says Ombrevaux, \u201cand nothing stays.\u201d The same is "
            "found in Ombrevaux, and in Ombrevaux again. \u201cNo,\u201d says Quarrendon; we sailed to "
            "Quarrendon and in Quarrendon we stayed.")
    doc, data = make(body, auto=True)
    annotate(doc, data)
    assert _texts(doc) == ["Ombrevaux"] * 3


def test_a_person_noun_and_named_or_called_before_a_word_makes_it_a_person(make, fake_ner):
    fake_ner({"Ombrevaux": "PRODUCT", "Quarrendon": "PRODUCT"})
    body = ("A story tells of a man named\nOmbrevaux, who kept bees. After the death of "
            "Ombrevaux, a woman called Quarrendon kept them. A town called Hope is no person.")
    doc, data = make(body, auto=True)
    annotate(doc, data)
    assert _texts(doc) == ["Ombrevaux", "Ombrevaux", "Quarrendon"]


def test_tagged_person_twice_and_a_place_elsewhere_is_a_person_if_never_after_at_to_from(make, fake_ner):
    fake_ner({"of Ombrevaux": "PERSON", "in Ombrevaux": "LOC", "of Quarrendon": "PERSON", "in Quarrendon": "LOC",
              "of Tessaly": "PERSON", "in Tessaly": "LOC"})
    body = ("The disciples of Ombrevaux are many; in Ombrevaux, for example, the whole is real; in Ombrevaux "
            "the part is not; the school of Ombrevaux lasted. The rivers of Quarrendon are long; in "
            "Quarrendon it rains; in Quarrendon it snows; the hills of Quarrendon rise; we went to Quarrendon. "
            "The weavers of Tessaly are old; in Tessaly they weave; in Tessaly they sing; the songs of Tessaly "
            "and the Tessalys are known.")
    doc, data = make(body, auto=True)
    annotate(doc, data)
    assert _texts(doc) == ["Ombrevaux"] * 4  # "to Quarrendon": a place; "the Tessalys": a people


def test_a_given_name_tagged_with_the_surname_across_a_line_break_makes_a_common_word_a_name(make, fake_ner):
    fake_ner({"Henry\nStone": "PERSON"})
    doc, data = make("The bridge was built by Henry\nStone. Stone walls are cold.", auto=True)
    annotate(doc, data)
    assert _texts(doc) == ["Henry Stone"]


def test_the_given_names_are_common_ones_less_ordinary_words_and_places():
    from lefort_tei.annotate.wordlist import is_given_name

    assert all(is_given_name(n) for n in ("Marcus", "Louis", "Francis", "Mary"))
    assert not any(is_given_name(n) for n in ("Will", "Hope", "June", "Virginia", "Marcus Ombrevaux", "marcus"))


def test_a_headings_enumerating_letter_is_no_initial(make, fake_ner):
    # "C. Northern Schools" opens a sub-heading (A., B., C.): "Northern" is no person, though the
    # recogniser tags the pair PERSON; a real initial before a rare surname still makes a name
    fake_ner({"C. Northern": "PERSON", "R. Quillfeather": "PERSON"})
    body = ("A. Southern Schools\n\nThe schools of the south taught by rote.\n\nC. Northern Schools\n\n"
            "The schools of the north teach by doing, as R. Quillfeather wrote in his report.")
    doc, data = make(body, auto=True)
    annotate(doc, data)
    assert _texts(doc) == ["R. Quillfeather"]
