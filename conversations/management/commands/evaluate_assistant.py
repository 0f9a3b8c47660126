"""Run conversation cases through the full turn pipeline and write one result line per turn.

Each case is a fresh conversation owned by a fresh guest, who is recorded as having passed the
18+ age gate (as every person who can bet in the product has). The output follows the results
contract: case_id, turn, user, intent, entities (teams and tournament in English), tools, reply.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from pathlib import Path
from typing import Any

from asgiref.sync import sync_to_async
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from betting import services as betting_services
from betting.selectors import Owner
from conversations import services, streaming
from conversations.assistant import catalog_store
from conversations.models import Message

TURN_WAIT_S = 300.0


def result_line(case_id: str, turn_index: int, text: str, message: Message) -> dict[str, Any]:
    entities = message.entities or {}
    tools = [call["name"] for call in message.tool_calls if call.get("error") != "TOOL_NOT_ALLOWED"]
    return {
        "case_id": case_id,
        "turn": turn_index,
        "user": text,
        "intent": message.intent,
        "entities": {
            "teams": entities.get("teams", []),
            "tournament": entities.get("tournament"),
            "date_from": entities.get("date_from"),
            "date_to": entities.get("date_to"),
            "amount": entities.get("amount"),
            "market": entities.get("market"),
        },
        "tools": tools,
        "reply": message.content,
        "engine": message.engine,
        "latency_ms": message.latency_ms,
    }


class Command(BaseCommand):
    help = "Evaluate the assistant on conversation cases (JSONL) and write per-turn results (JSONL)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("cases", type=Path)
        parser.add_argument("--output", type=Path, required=True)
        parser.add_argument(
            "--engine",
            choices=["offline", "gemini", "openai"],
            default=None,
            help="Force an engine (sets LLM_PROVIDER); by default the configured one answers.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        cases_path: Path = options["cases"]
        if not cases_path.is_file():
            raise CommandError(f"cases file not found: {cases_path}")
        cases = []
        for number, line in enumerate(cases_path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                try:
                    cases.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise CommandError(f"{cases_path}:{number}: invalid JSON ({exc})") from exc
        if options["engine"]:
            from django.conf import settings

            settings.LLM_PROVIDER = options["engine"]
        catalog_store.catalog_invalidate()
        output: Path = options["output"]
        output.parent.mkdir(parents=True, exist_ok=True)
        turns, failed = 0, []
        with output.open("w", encoding="utf-8") as sink:
            for case in cases:
                results: list[dict[str, Any]] = []
                try:
                    asyncio.run(self._run_case(case, results))
                except Exception as exc:  # noqa: BLE001 - one broken case must not hide the others' results
                    failed.append(str(case.get("id")))
                    self.stderr.write(f"case {case.get('id')}: {type(exc).__name__}: {exc}")
                for result in results:
                    sink.write(json.dumps(result, ensure_ascii=False) + "\n")
                    turns += 1
        self.stdout.write(f"evaluate_assistant: {len(cases)} cases, {turns} turns -> {output}")
        if failed:
            raise CommandError(f"{len(failed)} case(s) failed: {', '.join(failed)}")

    async def _run_case(self, case: dict[str, Any], lines: list[dict[str, Any]]) -> None:
        guest_id = f"eval-{uuid.uuid4().hex[:16]}"
        owner = Owner(user_id=None, guest_id=guest_id)
        await sync_to_async(betting_services.profile_confirm_age)(owner=owner, now=timezone.now())
        conversation = await sync_to_async(services.conversation_start)(
            guest_id=guest_id, language=case.get("lang", "en")
        )
        try:
            for index, turn in enumerate(case.get("turns", [])):
                text = str(turn.get("user", ""))
                client_message_id = f"{case.get('id')}-{index}"
                user_message, _ = await sync_to_async(services.message_append_user)(
                    conversation=conversation, content=text, client_message_id=client_message_id
                )
                # The same live turn as every transport, followed to the end of its stream. It reads
                # the message with its conversation afresh: `conversation` here has the context
                # of before the previous turns.
                reply, _ = await streaming.turn_answer(
                    conversation_id=conversation.pk,
                    user_message_id=user_message.pk,
                    client_message_id=client_message_id,
                    wait_s=TURN_WAIT_S,
                )
                lines.append(result_line(str(case.get("id")), index, text, reply))
        finally:
            await streaming.transport_close()  # this case's event loop ends here
