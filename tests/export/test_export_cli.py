"""``python -m timeline export``: exit codes, messages and files (timeline/commands/export.py)."""

import csv
import json
import struct
from pathlib import Path

import pytest
from browser_support import needs_chromium

from timeline.cli import main

REPO_ROOT = Path(__file__).resolve().parents[2]
SMALL = "tests/fixtures/dashboard/small/data/events.yaml"
BAD = "tests/fixtures/dashboard/bad/data/events.yaml"


@pytest.fixture(autouse=True)
def in_repo(monkeypatch):
    monkeypatch.chdir(REPO_ROOT)


def ids_in_csv(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as file:
        return [row["id"] for row in csv.DictReader(file)]


def test_csv_of_the_filtered_events(tmp_path, capsys):
    out = tmp_path / "events.csv"
    argv = ["export", "--data", SMALL, "--format", "csv", "--out", str(out)]
    assert main([*argv, "--category", "troop-deployment"]) == 0
    assert ids_in_csv(out) == ["special-forces-shipped", "troops-arrive"]
    stdout = capsys.readouterr().out
    assert stdout.startswith(f"{out}: csv of 2 events, ")


def test_the_filters_are_the_urls(tmp_path):
    out = tmp_path / "events.json"
    argv = ["export", "--data", SMALL, "--out", str(out)]
    filters = ["--actor", "russia", "--actor", "north-korea", "--status", "confirmed"]
    filters += ["--from", "2024-06", "--to", "2024", "--q", "treaty", "--min-sources", "2"]
    assert main(argv + filters) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert [e["id"] for e in document["events"]] == ["treaty-signed"]
    assert document["filters"] == {
        "actor": ["russia", "north-korea"],
        "status": ["confirmed"],
        "from": "2024-06-01",
        "to": "2024-12-31",
        "q": "treaty",
        "min_sources": "2",
    }


def test_format_from_the_extension_and_several_files_at_once(tmp_path, capsys):
    outs = [tmp_path / name for name in ("a.csv", "a.timelinejs.json", "a.json", "a.html")]
    argv = ["export", "--data", SMALL, "--source", "beta.txt"]
    assert main(argv + [arg for out in outs for arg in ("--out", str(out))]) == 0
    assert ids_in_csv(outs[0]) == [
        "treaty-signed",
        "special-forces-shipped",
        "troops-arrive",
        "moscow-denies",
    ]
    assert "title" in json.loads(outs[1].read_text())  # TimelineJS has a title slide
    assert "sources" in json.loads(outs[2].read_text())  # full JSON has the seed catalogue
    assert outs[3].read_text().startswith("<!DOCTYPE html>")
    assert len(capsys.readouterr().out.splitlines()) == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--actor", "north-koera"],
            (
                "unknown --actor 'north-koera' (did you mean 'north-korea'?); valid values: "
                "north-korea, russia, ukraine, united-states, south-korea, nato, china, cuba, "
                "researchers-and-media"
            ),
        ),
        (
            ["--source", "gamma.txt"],
            (
                "unknown --source 'gamma.txt' (did you mean 'alpha.txt'?); valid values: alpha.txt, "
                "beta.txt"
            ),
        ),
        (["--category", "troops"], "valid values: treaty-and-diplomacy, troop-deployment, "),
        (["--status", "rumoured"], "valid values: confirmed, reported, claimed, denied, expected"),
        (["--from", "2024-13"], "--from='2024-13': '2024-13' has no month 13"),
        (["--min-sources", "many"], "--min-sources='many': not a whole number."),
        (["--from", "2024-10", "--to", "2024-06"], "from is after to"),
    ],
)
def test_unknown_filter_values_are_usage_errors_naming_the_valid_ones(
    tmp_path, capsys, args, message
):
    out = tmp_path / "events.csv"
    assert main(["export", "--data", SMALL, "--out", str(out), *args]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("python -m timeline export: error: ")
    assert message in captured.err
    assert "Traceback" not in captured.err
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--out", "a.docx"],
            "cannot tell the format of 'a.docx' from its extension: add --format",
        ),
        (["--format", "csv", "--out", "a.csv", "--out", "b.csv"], "--format goes with one --out"),
    ],
)
def test_outputs_that_cannot_be_made_are_usage_errors(tmp_path, monkeypatch, capsys, args, message):
    monkeypatch.chdir(tmp_path)
    assert main(["export", "--data", str(REPO_ROOT / SMALL), *args]) == 2
    assert message in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_data_problems_are_printed_with_their_location_and_exit_1(tmp_path, capsys):
    out = tmp_path / "events.csv"
    assert main(["export", "--data", BAD, "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        (
            f"{BAD}:4:11: [error] impossible date: '2024-06-31' is not a real day (2024-06 has "
            "30 days) (impossible-date)"
        ),
        (
            f"{BAD}:8:22: [error] unknown actor 'north-koera' (did you mean 'north-korea'?): use "
            f"an id listed under actors in {BAD.replace('events', 'vocabularies')}, or add it "
            "there (unknown-vocabulary)"
        ),
    ]
    assert "2 errors: nothing exported" in captured.err
    assert not out.exists()


def test_a_file_that_cannot_be_written_is_an_error_not_a_traceback(tmp_path, capsys):
    out = tmp_path / "missing" / "events.csv"
    assert main(["export", "--data", SMALL, "--out", str(out)]) == 1
    assert capsys.readouterr().err == (
        f"python -m timeline export: cannot write {out}: No such file or directory\n"
    )


def test_without_chromium_images_fail_with_the_install_command(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium"))
    out = tmp_path / "chart.png"
    assert main(["export", "--data", SMALL, "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "apt-get install chromium" in err and "toolbar" in err
    assert "Traceback" not in err
    assert not out.exists()


@pytest.mark.browser
@needs_chromium
def test_png_with_preset_and_custom_size_and_progress_on_stderr(tmp_path, capsys):
    social, custom = tmp_path / "social.png", tmp_path / "custom.png"
    assert main(["export", "--data", SMALL, "--out", str(social), "--theme", "dark"]) == 0
    argv = ["export", "--data", SMALL, "--out", str(custom), "--preset", "web", "--width", "800"]
    assert main([*argv, "--scale", "1.5"]) == 0
    assert struct.unpack(">II", social.read_bytes()[16:24]) == (1200, 675)
    assert struct.unpack(">II", custom.read_bytes()[16:24]) == (1200, 1350)  # 800x900 at 1.5
    err = capsys.readouterr().err
    assert f"Rendering {custom} (PNG, 800x900 at scale 1.5, 1200x1350 pixels)…" in err
    assert "Starting /usr/bin/chromium…" in err


def test_html_with_plotly_js_in_a_file_beside_it(tmp_path, capsys):
    page, inline = tmp_path / "chart.html", tmp_path / "inline.html"
    assert main(["export", "--data", SMALL, "--out", str(page), "--plotly-js", "file"]) == 0
    assert main(["export", "--data", SMALL, "--out", str(inline)]) == 0
    (library,) = tmp_path.glob("plotly-*.min.js")
    assert f'src="{library.name}"' in page.read_text(encoding="utf-8")
    assert page.stat().st_size * 20 < inline.stat().st_size
    assert library.stat().st_size > inline.stat().st_size * 0.9
    assert f"{library}: plotly.js for chart.html" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("corroboration", "cited_by_one"), [("single", True), ("corroborated", False)]
)
def test_corroboration_and_range_as_in_the_url(tmp_path, corroboration, cited_by_one):
    out = tmp_path / "events.json"
    argv = ["export", "--data", SMALL, "--out", str(out)]
    assert main([*argv, "--corroboration", corroboration, "--range", "all"]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["events"]
    for event in document["events"]:
        files = {citation["file"] for citation in event["sources"]}
        assert (len(files) == 1) is cited_by_one, event["id"]
    assert document["filters"] == {"corroboration": corroboration, "range": "all"}
