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
