"""`evaluate_assistant --engine gemini` runs the eval cases through Gemini at GEMINI_BASE_URL."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from conversations.tests.fake_gemini import planned_responder

pytestmark = pytest.mark.django_db(transaction=True)


def _plan(text: str) -> list[tuple[str, dict[str, object]]]:
    if "Barcelona" in text:
        return [("find_fixtures", {"team": "Barcelona"})]
    return []


@pytest.mark.parametrize(("engine", "expected"), [("gemini", "gemini"), ("offline", "offline")])
def test_evaluate_assistant_uses_the_engine_asked_for(gemini, sports, tmp_path, engine, expected):
    gemini.responder = planned_responder(_plan)
    cases = tmp_path / "cases.jsonl"
    cases.write_text(
        "\n".join(
            json.dumps(case)
            for case in (
                {"id": "c1", "lang": "en", "turns": [{"user": "Hello"}]},
                {
                    "id": "c2",
                    "lang": "en",
                    "turns": [{"user": "When does Barcelona play?"}, {"user": "Thanks"}],
                },
            )
        )
    )
    output = tmp_path / "results.jsonl"

    call_command("evaluate_assistant", str(cases), "--output", str(output), "--engine", engine)

    lines = [json.loads(line) for line in output.read_text().splitlines()]
    assert [(line["case_id"], line["turn"]) for line in lines] == [("c1", 0), ("c2", 0), ("c2", 1)]
    assert {line["engine"] for line in lines} == {expected}
    if engine == "gemini":
        assert len(gemini.requests) == 4  # hello; call + answer; thanks
        assert lines[1]["tools"] == ["find_fixtures"]
        assert lines[1]["reply"] == "Here is what I found."
    else:
        assert gemini.requests == []
