"""Any malformed copy of a data file gives located problems or passes: never an exception.

Hypothesis mutates the real data files (tests/mutations.py: byte flips, inserted bytes, deleted
and duplicated lines, indentation, truncation, control characters, type swaps, removed and
duplicated keys, anchors, tags). The budget here is small; `make fuzz` runs thousands of
cases. Inputs that once crashed the checker are kept in tests/fixtures/fuzz/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
from mutations import TARGETS, Workspace, check_outcome, mutate, unlocated

FOUND = Path(__file__).parent / "fixtures" / "fuzz"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Workspace:
    return Workspace(tmp_path_factory.mktemp("fuzz"))


def assert_located_or_passes(workspace: Workspace) -> None:
    outcome = check_outcome(workspace)
    assert outcome.crash is None, outcome.crash
    assert unlocated(outcome.problems) == []


@settings(
    max_examples=60,
    deadline=None,
    database=None,  # the suite is deterministic: failures found are kept as fixtures instead
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(target=st.sampled_from(TARGETS), data=st.data())
def test_a_mutated_data_file_gives_located_problems_or_passes(workspace, target, data):
    def draw(low: int, high: int) -> int:
        return data.draw(st.integers(low, high))

    kinds, mutated = mutate(workspace.originals[target], draw)
    note(f"{target}: {kinds}")
    workspace.write(target, mutated)
    try:
        assert_located_or_passes(workspace)
    finally:
        workspace.restore(target)


@pytest.mark.parametrize("case", sorted(FOUND.glob("*.yaml")), ids=lambda path: path.name)
def test_inputs_that_once_crashed_the_checker(workspace, case):
    # Named <what>-<case>-<file>.yaml: the last part says which data file it replaces.
    target = next(t for t in TARGETS if case.name.endswith("-" + Path(t).name))
    workspace.write(target, case.read_bytes())
    try:
        assert_located_or_passes(workspace)
    finally:
        workspace.restore(target)
