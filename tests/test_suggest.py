"""``lefort-tei suggest``: candidate persons and suspect OCR errors, and the seed's recall."""

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from lefort_tei.cli import main
from lefort_tei.suggest import suggest_corrections, suggest_persons
from lefort_tei.suggest.context import unique_context

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds/lefort-contradiction-of-trotsky.txt"


@pytest.mark.parametrize("text, sic, corr, rule", [
    ("The Lessons of 0ctober in 1924 were read.", "0ctober", "October", "ocr-mixed"),
    ("London: Hollis andCarter, 1947.", "andCarter", "and Carter", "glued-words"),
    ("(New York: Pathfinder Press, 1971),p. 173.", ",p", ", p", "glued-punctuation"),
    ("and E. H.Carr, The Interregnum", "H.Carr", "H. Carr", "glued-punctuation"),
    ("to stand above day-to- day events", "to- day", "to-day", "space-after-hyphen"),
    ("the Soviet state in the world .", "world .", "world.", "space-before-punctuation"),
    ("in the years of reaction, in 1 908-1911", "1 908", "1908", "space-in-number"),
    ("against the government. quite a few members", "quite", "Quite", "lower-case-sentence"),
    ("But I do agree with Lenin in substance.'' (13)", "''", "'", "quote-doubled"),
    ("a 'manoeuvre . .. to dissolve'", ". ..", "...", "broken-ellipsis"),
    ("Trotsky wrote. Souvarine and Souvarine and Souvarine. But Souvarlne was not.", "Souvarlne", "Souvarine",
     "unknown-word"),
])
def test_rules_find_the_suspect(text, sic, corr, rule):
    found = [(s.sic, s.corr, s.rule) for s in suggest_corrections(text)]
    assert (sic, corr, rule) in found


@pytest.mark.parametrize("text", [
    "Trotsky's study of Stalin does not strike me.",
    "It was in 1905, and in 1923-7, that the party grew.",
])
def test_clean_text_has_no_strong_suspect(text):
    assert [s for s in suggest_corrections(text) if s.score >= 0.5] == []


def test_persons_candidates_with_initials_and_near_matches():
    text = ("Translated by C. L. R. James. Boris Souvarine wrote it; Souvarine said so, and then "
            "Souvarine again. But Souvarlne was silent. The Party met; the party agreed.")
    got = {c.name: c for c in suggest_persons(text, {"Souvarine"})}
    assert "C. L. R. James" in got and got["C. L. R. James"].score >= 0.9
    assert got["Souvarlne"].near == "Souvarine"
    assert "Party" not in got and "Souvarine" not in got


def test_unique_context_grows_until_unique():
    text = "a b the x c d. e f the x g h."
    ctx = unique_context(text, text.index("the x"), text.index("the x") + 5)
    assert text.count(ctx) == 1 and "the x" in ctx


def _run_cli(capsys, *args):
    code = main(["suggest", *args])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("what, table", [("corrections", "correction"), ("persons", "person")])
def test_cli_prints_toml_ready_to_paste(capsys, what, table):
    code, out = _run_cli(capsys, what, str(SEED), "--limit", "15", "--no-data")  # the seed's file has them all
    assert code == 0
    parsed = tomllib.loads(out)
    assert 1 <= len(parsed[table]) <= 15
    if table == "correction":
        text = SEED.read_text(encoding="utf-8")
        for entry in parsed[table]:
            assert text.count(entry["context"]) == 1 and entry["sic"] in entry["context"]


def test_cli_leaves_out_what_the_data_file_has(capsys):
    _, with_data = _run_cli(capsys, "corrections", str(SEED))
    _, without = _run_cli(capsys, "corrections", str(SEED), "--no-data")
    assert 'sic = "0ctober"' in without and 'sic = "0ctober"' not in with_data


def test_seed_recall_is_reported_and_high_enough():
    run = subprocess.run([sys.executable, str(ROOT / "bench/suggest_recall.py")], capture_output=True, text=True,
                         check=True)
    recall = float(run.stdout.split("recall: ")[1].split("= ")[1].split("%")[0])
    assert recall >= 75.0, run.stdout


def test_suggested_corrections_always_load_as_a_data_file(tmp_path):
    """`lefort-tei suggest corrections essay.txt >> essay.toml` must leave a loadable data file,
    and convert must accept every suggestion that proposes a correction."""
    from lefort_tei.cli import main
    from lefort_tei.data import load_data
    from lefort_tei.pipeline import convert

    text = tmp_path / "new.txt"
    text.write_text("On Things - Ann Roe\n\nIn 1917 Wrotsky and Lenin argued (1) about the Parry and the "
                    "0ctober days.\n\n1 Leon Trotsky, My Life (London: Thornton Buttenvorth, 1930), p. 4.\n",
                    encoding="utf-8")
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["suggest", "corrections", str(text)]) == 0
    data = tmp_path / "new.toml"
    data.write_text(out.getvalue(), encoding="utf-8")
    loaded = load_data(data)
    assert loaded.corrections and all(c.corr for c in loaded.corrections)
    assert "# sic = " in out.getvalue()  # a suspect without a proposal is there, commented out
    convert(text, data)  # every active suggestion applies cleanly


def test_cli_persons_are_the_automatic_register_not_a_candidate_list(capsys):
    """One engine: `suggest persons` prints what convert's automatic pass tags, words excluded."""
    from lefort_tei.annotate import ner

    if not ner.model_id():
        pytest.skip("no NER model installed")
    _, out = _run_cli(capsys, "persons", str(SEED), "--no-data")
    names = [p["name"] for p in tomllib.loads(out)["person"]]
    assert 20 <= len(names) <= 32
    assert not {"Bolshevik", "Russia", "London", "Thermidor", "Party"} & set(names)
