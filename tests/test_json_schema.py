import json
import re
from pathlib import Path

from checker_cases import VALID

from timeline.json_schema import SCHEMA_DIR, SCHEMAS, build_schemas, rendered_schemas, stale_schemas
from timeline.loader import read_model_file
from timeline.model import Vocabularies

REPO_ROOT = Path(__file__).resolve().parent.parent


def test_the_committed_schemas_are_current():
    rendered, problems = rendered_schemas(REPO_ROOT / "data/vocabularies.yaml")
    assert problems == []
    assert stale_schemas(rendered, SCHEMA_DIR) == [], (
        "schema/ is stale: run python -m timeline schema --write and commit it"
    )


def test_events_schema_lists_the_vocabulary_ids():
    vocab = read_model_file(VALID / "data/vocabularies.yaml", Vocabularies).model
    event = build_schemas(vocab)["events.schema.json"]["$defs"]["Event"]["properties"]
    assert event["category"]["enum"] == ["transport", "planning"]
    assert event["actors"]["items"]["enum"] == ["ferry-company", "port-officials", "town-council"]
    assert event["status"]["enum"] == ["confirmed", "reported", "expected"]
    location = next(b for b in event["location"]["anyOf"] if b.get("type") == "string")
    assert location["enum"] == ["northport", "southbay"]
    assert event["other_locations"]["items"]["enum"] == ["northport", "southbay"]


def test_dates_in_the_schema_take_the_partial_date_forms():
    vocab = read_model_file(VALID / "data/vocabularies.yaml", Vocabularies).model
    date = build_schemas(vocab)["events.schema.json"]["$defs"]["Event"]["properties"]["date"]
    pattern = re.compile(date["pattern"])
    assert all(pattern.match(text) for text in ("2024", "2024-06", "2024-06-19"))
    assert not any(pattern.match(text) for text in ("19 June 2024", "2024/06"))


def test_every_schema_is_json_schema_2020_12_with_a_title():
    for name in SCHEMAS:
        schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["title"] and schema["additionalProperties"] is False


def test_the_events_file_points_editors_at_the_schema():
    first_line = (REPO_ROOT / "data/events.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../schema/events.schema.json"


def test_each_data_file_points_editors_at_its_schema():
    for data_file, schema in [
        ("data/events.yaml", "events.schema.json"),
        ("data/vocabularies.yaml", "vocabularies.schema.json"),
        ("seeds/sources.yaml", "sources.schema.json"),
        ("data/timeline.yaml", "timeline.schema.json"),
    ]:
        path = REPO_ROOT / data_file
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        prefix = "# yaml-language-server: $schema="
        assert first_line.startswith(prefix), data_file
        target = (path.parent / first_line.removeprefix(prefix)).resolve()
        assert target == (SCHEMA_DIR / schema).resolve(), data_file
