"""The TEI's xml-model links: to the nearest schemas/ folder above the file (an edition folder
carries one), never into the installed package; publishing the schemas is idempotent."""

from __future__ import annotations

from pathlib import Path

from lefort_tei.pipeline import convert
from lefort_tei.resources import SCHEMAS_DIR, publish_schemas, schema_hrefs

GOLDEN = Path(__file__).resolve().parent / "golden"


def test_the_nearest_schemas_folder_above_the_file_is_named(tmp_path):
    assert schema_hrefs(tmp_path / "tei" / "x.xml") == (None, None)
    publish_schemas(tmp_path / "schemas")
    assert schema_hrefs(tmp_path / "tei" / "x.xml") == ("../schemas/lefort-tei.rng", "../schemas/lefort-tei.sch")
    assert schema_hrefs(tmp_path / "a" / "b" / "x.xml")[0] == "../../schemas/lefort-tei.rng"
    publish_schemas(tmp_path / "a" / "schemas")
    assert schema_hrefs(tmp_path / "a" / "b" / "x.xml")[0] == "../schemas/lefort-tei.rng"
    assert schema_hrefs(tmp_path / "x.xml")[0] == "schemas/lefort-tei.rng"


def test_publishing_copies_once(tmp_path):
    written = publish_schemas(tmp_path / "schemas")
    assert [p.name for p in written] == ["lefort-tei.rng", "lefort-tei.sch"]
    assert (tmp_path / "schemas" / "lefort-tei.rng").read_bytes() == (SCHEMAS_DIR / "lefort-tei.rng").read_bytes()
    assert publish_schemas(tmp_path / "schemas") == []


def test_a_tei_file_with_no_schemas_above_names_none_and_says_so(tmp_path):
    converted = convert(GOLDEN / "minimal.txt", out_path=tmp_path / "out.xml", use_default_data=False)
    assert b"xml-model" not in converted.encoded.data
    assert "schema-link-none" in {d.code for d in converted.diagnostics}
    publish_schemas(tmp_path / "schemas")
    converted = convert(GOLDEN / "minimal.txt", out_path=tmp_path / "out.xml", use_default_data=False)
    assert b'<?xml-model href="schemas/lefort-tei.rng"' in converted.encoded.data
    assert "schema-link-none" not in {d.code for d in converted.diagnostics}
