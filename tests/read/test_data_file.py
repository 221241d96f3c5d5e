"""The data file loader: typos get a suggestion, at the entry's own line."""

import pytest

from lefort_tei.data import load_data
from lefort_tei.diagnostics import InputError


@pytest.mark.parametrize("toml,line,code,hint", [
    ('[[corection]]\nsic = "x"\n', 1, "data-unknown-table", "did you mean 'correction'?"),
    ('[edition]\ntitle = "t"\n\n[[correction]]\nsic = "x"\ncor = "y"\ncontext = "x"\n', 4, "data-unknown-key",
     "did you mean 'corr'?"),
    ('[[person]]\nid = "1st"\nname = "A"\n', 1, "data-id", "not a valid xml:id"),
    ('[[work]]\nid = "w"\ntitle = "T"\nauthor = "nobody"\n', 1, "data-ref", "is not a [[person]] id"),
    # issue 17: no traceback, and the error at the line where the mistake is written
    ("x = " + "[" * 5000 + "]" * 5000 + "\n", 1, "data-syntax", "nested"),
    ('[edition]\ntitle = "ok"\n\n[[person]]\nid = "x"\nname = "A\\u0000B"\n', 6, "data-value", "U+0000"),
    ('[[correction]]\nsic = "a"\ncorr = "b\\u0007"\nevery = true\n', 3, "data-value", "U+0007"),
    ('[edition]\nlanguage = "en"\ntitle = 1948\n', 3, "data-type", "must be a string in quotes"),
    ('[edition]\neditors = "Jane Roe"\n', 2, "data-type", "editors = ['Jane Roe']"),
    ('[[person]]\nid = "trotsky"\nname = "Leon Trotsky"\nwikidata = 33391\n', 1, "data-type", "in quotes"),
    ('[[person]]\nid = "p1"\nname = "A"\n', 1, "data-id-reserved", "louis-xiv"),
    ('[[work]]\nid = "ed"\ntitle = "T"\n', 1, "data-id-reserved", "ids lefort-tei gives"),
    ('[[work]]\nid = "w"\ntitle = "T"\nlevel = "book"\n', 1, "data-value", "level must be one of"),
    ('[[quote]]\nstarts = "x"\nparagraphs = 100000\n', 1, "data-value", "between 1 and 200"),
])
def test_bad_data_files_say_where_and_what_to_do(tmp_path, toml, line, code, hint):
    path = tmp_path / "d.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_data(path)
    d = exc.value.diagnostics[0]
    assert (d.code, d.line) == (code, line) and hint in d.message


def test_the_documented_example_loads(tmp_path):
    """docs/editorial-data.md's example is a data file an editor can copy: it must load."""
    import re
    from pathlib import Path

    doc = (Path(__file__).parents[2] / "docs" / "editorial-data.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", doc, re.S).group(1)
    path = tmp_path / "example.toml"
    path.write_text(example, encoding="utf-8")
    data = load_data(path)
    assert [len(data.anchors), len(data.quotes), len(data.corrections), len(data.works), len(data.titles)] == [1, 1, 1, 1, 1]
    assert {p.id for p in data.persons} == {"trotsky", "souvarine", "lefort", "malamuth"}


def test_the_documented_example_applies_to_the_seed(tmp_path):
    """Every context in the example is found in the seed: the example is true, not only well-formed."""
    import re
    from pathlib import Path

    from lefort_tei.pipeline import convert
    from tests.conftest import SEED

    doc = (Path(__file__).parents[2] / "docs" / "editorial-data.md").read_text(encoding="utf-8")
    path = tmp_path / "example.toml"
    path.write_text(re.search(r"```toml\n(.*?)```", doc, re.S).group(1), encoding="utf-8")
    converted = convert(SEED, path)
    assert b"<sic>Wrotsky</sic>" in converted.encoded.data


def test_toml_dates_and_years_are_taken_as_iso_strings(tmp_path):
    path = tmp_path / "d.toml"
    path.write_text('[edition]\ndate = 2026-11-30\n\n[[person]]\nid = "x"\nname = "A"\nbirth = 1879\n'
                    'death = 1940-08-21\n', encoding="utf-8")
    data = load_data(path)
    assert data.edition["date"] == "2026-11-30"
    assert (data.persons[0].birth, data.persons[0].death) == ("1879", "1940-08-21")
