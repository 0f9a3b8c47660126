"""The chat page end to end: headless Chromium (Playwright) against daphne in a subprocess on the
test database and Redis, with the demo sports data and the offline engine.

Daphne slows its stream (CHAT_STREAM_CHUNK_DELAY_MS) so there is time to stop, reload or drop the
connection in the middle of an answer. Screenshots of the main states go to
test-artifacts/screenshots/. CI installs Debian's chromium (.ci/run); without it these tests fail.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest
from django.db import connections
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from chatbet_site.tests import live
from conversations.assistant import catalog_store
from conversations.identity import SESSION_KEY
from conversations.models import Conversation, Feedback, Message
from sportsdata.client import chatbet_breaker, chatbet_client
from sportsdata.services import sportsdata_sync_all

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ODDS_QUESTION = "What are the odds for Barcelona vs Real Madrid?"
CHUNK_DELAY_MS = 250
TIMEOUT_MS = 20_000
T = TypeVar("T")


def db(fn: Callable[[], T]) -> T:
    """Run ORM code off this thread: Playwright's sync API keeps an event loop running on it,
    which Django (rightly) refuses to share."""

    def run() -> T:
        try:
            return fn()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(run).result()


@pytest.fixture
def browser(server: str) -> Iterator[Browser]:
    """Started after the database and daphne are ready and stopped before they go: while
    Playwright's sync API runs, its event loop is set on this thread and Django refuses ORM calls."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium; .ci/run does) "
            "to run the browser tests.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def server(transactional_db: None, settings: Any) -> Iterator[str]:
    """Daphne on a free port with the demo sports data already synced into the test database."""
    settings.CHATBET_API_BASE_URL = "demo"
    settings.CHATBET_ODDS_MAX_AGE = 10**7
    chatbet_breaker().reset()
    sportsdata_sync_all(client=chatbet_client())
    catalog_store.catalog_invalidate()
    with live.daphne(
        CHATBET_API_BASE_URL="demo",
        CHATBET_ODDS_MAX_AGE=str(10**7),
        CHAT_STREAM_CHUNK_DELAY_MS=str(CHUNK_DELAY_MS),
    ) as base:
        yield base


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-GB")
    ctx.set_default_timeout(TIMEOUT_MS)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert errors == [], f"JavaScript errors on the page: {errors}"


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def open_chat(page: Page, url: str) -> None:
    """Load the chat page and pass the age gate."""
    page.goto(url)
    expect(page.locator("#age-gate")).to_be_visible()
    page.click("#age-yes")
    expect(page.locator("#age-gate")).to_be_hidden()
    expect(page.locator("#composer-input")).to_be_enabled()


def ask(page: Page, text: str) -> None:
    page.fill("#composer-input", text)
    page.keyboard.press("Enter")


def wait_streaming(page: Page) -> None:
    expect(page.locator(".msg--assistant .bubble.is-streaming .stream-text").last).not_to_be_empty()


def last_reply(page: Page) -> Any:
    return page.locator(".msg--assistant").last


def guest_id_of(context: BrowserContext) -> str:
    from django.contrib.sessions.backends.db import SessionStore

    key = next(c["value"] for c in context.cookies() if c["name"] == "sessionid")
    return str(db(lambda: SessionStore(session_key=key).get(SESSION_KEY)))


def watch_activity(page: Page) -> None:
    page.evaluate(
        """() => {
            window.__activity = [];
            new MutationObserver(() => {
                const text = document.querySelector('#activity-text').textContent;
                if (text) window.__activity.push(text);
            }).observe(document.querySelector('#activity-text'), {childList: true, characterData: true, subtree: true});
        }"""
    )


def test_age_gate_comes_first_and_is_remembered(server: str, page: Page) -> None:
    page.goto(server)
    gate = page.locator("#age-gate")
    expect(gate).to_be_visible()
    expect(page.locator("#composer-input")).to_be_disabled()
    expect(page.locator("#age-yes")).to_be_focused()
    shot(page, "01-age-gate")

    page.keyboard.press("Escape")  # there is no way around the gate
    expect(gate).to_be_visible()
    page.click("#age-no")
    expect(page.locator("#age-denied")).to_be_visible()
    expect(page.locator("#age-denied")).to_contain_text("0808 8020 133")
    expect(page.locator("#composer-input")).to_be_disabled()

    page.locator("#age-yes").focus()
    page.keyboard.press("Enter")  # keyboard only
    expect(gate).to_be_hidden()
    expect(page.locator("#composer-input")).to_be_focused()
    profile = page.evaluate("() => fetch('/api/v1/betting/profile').then(r => r.json())")
    assert profile["age_confirmed"] is True

    page.reload()
    expect(page.locator("#composer-input")).to_be_enabled()
    expect(gate).to_be_hidden()
    page.keyboard.press("Tab")  # the first stop is the skip link
    expect(page.locator(".skip-link")).to_be_focused()
    expect(page.locator(".skip-link")).to_be_in_viewport()
    shot(page, "02-welcome")


def test_streamed_answer_with_activity_markdown_and_live_region(
    server: str, page: Page, context: BrowserContext
) -> None:
    open_chat(page, server)
    watch_activity(page)
    expect(page.locator("#sr-live")).to_have_attribute("aria-live", "polite")
    ask(page, ODDS_QUESTION)

    expect(page.locator(".msg--user .bubble").last).to_have_text(ODDS_QUESTION)
    wait_streaming(page)
    expect(page.locator("#stop-btn")).to_be_visible()
    expect(page.locator("#conn-status")).to_have_attribute("data-state", "open")
    shot(page, "03-streaming")
    assert page.url.startswith(f"{server}/c/")

    reply = last_reply(page)
    expect(reply).to_have_attribute("data-status", "complete")
    expect(reply.locator("strong").first).to_have_text("Barcelona vs Real Madrid")
    expect(reply.locator("table th").first).to_have_text("Selection")
    expect(reply.locator("table td", has_text="2.10")).to_have_count(1)
    expect(page.locator("#send-btn")).to_be_visible()
    expect(page.locator("#activity")).to_be_hidden()
    activity = page.evaluate("() => window.__activity")
    assert any(text.startswith("Checking odds") for text in activity), activity
    expect(page.locator("#sr-live")).to_contain_text("Barcelona")
    expect(reply.locator(".suggestions .chip").first).to_be_visible()
    expect(page.locator("#conv-list .conv-link[aria-current=page]")).to_contain_text("What are the odds")
    shot(page, "04-answer")

    guest_id = guest_id_of(context)
    user_message = db(
        lambda: Message.objects.get(conversation__guest_id=guest_id, role="user", content=ODDS_QUESTION)
    )
    assert user_message.metadata == {"language": "en", "odds_format": "decimal"}


def test_click_a_suggestion_then_copy_rate_and_regenerate(
    server: str, page: Page, context: BrowserContext
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_chat(page, server)
    ask(page, ODDS_QUESTION)
    expect(last_reply(page)).to_have_attribute("data-status", "complete")

    chip = page.locator(".suggestions .chip").first
    suggestion = chip.inner_text()
    chip.click()
    expect(page.locator(".msg--user .bubble").last).to_have_text(suggestion)
    expect(page.locator(".msg--assistant")).to_have_count(2)
    expect(last_reply(page)).to_have_attribute("data-status", "complete")
    guest_id = guest_id_of(context)
    asked = db(
        lambda: list(
            Message.objects.filter(conversation__guest_id=guest_id, role="user")
            .order_by("id")
            .values_list("content", flat=True)
        )
    )
    assert asked == [ODDS_QUESTION, suggestion]

    first = page.locator(".msg--assistant").first
    first.get_by_role("button", name="Copy").click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert "| Barcelona | 2.10 |" in copied

    first.get_by_role("button", name="Bad answer").click()
    expect(first.get_by_role("button", name="Bad answer")).to_have_attribute("aria-pressed", "true")
    form = first.locator(".feedback-form")
    expect(form).to_be_visible()
    form.get_by_text("Outdated odds").click()
    form.get_by_placeholder("Tell us more").fill("Kick-off time looked wrong")
    shot(page, "05-feedback")
    form.get_by_role("button", name="Send").click()
    expect(form).to_be_hidden()
    first_id = int(first.get_attribute("data-reply-id") or 0)
    feedback = db(lambda: Feedback.objects.get(message_id=first_id))
    assert feedback.rating == -1
    assert feedback.reason == "Outdated odds; Kick-off time looked wrong"

    # Regenerate the last reply: a new reply replaces it on the page, the old one stays stored.
    second = last_reply(page)
    old_id = second.get_attribute("data-reply-id")
    second.get_by_role("button", name="Regenerate").click()
    expect(page.locator(".msg--assistant").last).not_to_have_attribute("data-reply-id", old_id or "")
    expect(page.locator(".msg--assistant").last).to_have_attribute("data-status", "complete")
    expect(page.locator(".msg--assistant")).to_have_count(2)
    replies = db(lambda: Message.objects.filter(conversation__guest_id=guest_id, role="assistant").count())
    assert replies == 3


def test_stop_mid_answer_really_stops(server: str, page: Page, context: BrowserContext) -> None:
    open_chat(page, server)
    ask(page, ODDS_QUESTION)
    wait_streaming(page)
    page.click("#stop-btn")
    reply = last_reply(page)
    expect(reply).to_have_attribute("data-status", "cancelled")
    expect(reply.locator(".msg-note")).to_have_text("Stopped")
    expect(page.locator("#send-btn")).to_be_visible()
    expect(page.locator("#composer-input")).to_be_enabled()
    shot(page, "06-stopped")

    guest_id = guest_id_of(context)
    stored = db(lambda: Message.objects.get(conversation__guest_id=guest_id, role="assistant"))
    assert stored.status == Message.Status.CANCELLED
    assert "Real Madrid | 3.50" not in stored.content  # the table's last row never came
    time.sleep(CHUNK_DELAY_MS * 3 / 1000)
    again = db(lambda: Message.objects.get(pk=stored.pk))
    assert again.content == stored.content  # nothing more was generated after the stop


def test_reload_and_dropped_network_mid_answer_still_show_the_whole_answer(
    server: str, page: Page, context: BrowserContext
) -> None:
    open_chat(page, server)
    ask(page, ODDS_QUESTION)
    wait_streaming(page)
    page.reload()
    expect(page.locator(".msg--user .bubble")).to_have_text([ODDS_QUESTION])
    reply = last_reply(page)
    expect(reply).to_have_attribute("data-status", "complete")
    expect(reply.locator("table tbody tr")).to_have_count(3)
    guest_id = guest_id_of(context)
    stored = db(lambda: Message.objects.get(conversation__guest_id=guest_id, role="assistant"))
    assert stored.status == Message.Status.COMPLETE
    assert reply.locator(".bubble").inner_text().startswith("Barcelona vs Real Madrid")
    shot(page, "07-after-reload")

    # The socket drops in the middle of the next answer: the page reconnects and resumes.
    ask(page, "And the odds for both teams to score?")
    wait_streaming(page)
    page.evaluate("() => window.chatbet.state.ws.close()")
    expect(page.locator("#conn-status")).to_have_attribute("data-state", "reconnecting")
    shot(page, "08-reconnecting")
    expect(page.locator("#conn-status")).to_have_attribute("data-state", "open")
    reply = last_reply(page)
    expect(reply).to_have_attribute("data-status", "complete")
    final = db(lambda: Message.objects.filter(conversation__guest_id=guest_id, role="assistant").latest("id"))
    assert final.status == Message.Status.COMPLETE
    rendered = " ".join(reply.locator(".bubble").inner_text().split())
    assert final.content.split("\n")[0].replace("**", "") in rendered
    expect(page.locator(".msg--assistant")).to_have_count(2)


def test_untrusted_text_renders_inert(server: str, page: Page, context: BrowserContext) -> None:
    response = page.goto(server)
    assert response is not None
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.click("#age-yes")
    payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> **hi**'
    ask(page, payload)
    expect(page.locator(".msg--user .bubble").last).to_have_text(payload)
    expect(last_reply(page)).to_have_attribute("data-status", "complete")

    # A reply carrying markup (as a model might produce): shown as text, links only http(s).
    guest_id = guest_id_of(context)

    def seed() -> None:
        conversation = Conversation.objects.get(guest_id=guest_id)
        question = Message.objects.create(
            conversation=conversation, role="user", content="Show me", client_message_id="seed-1"
        )
        Message.objects.create(
            conversation=conversation,
            parent=question,
            role="assistant",
            content=(
                '<img src=x onerror="window.__xss=3"> <b>raw</b> [click](javascript:window.__xss=4) '
                "[help](https://www.begambleaware.org)\n\n| Team | Odds |\n|---|---:|\n"
                '| <svg onload="window.__xss=5"> | 2.10 |\n\n- **bold** item\n- `<i>code</i>`'
            ),
        )

    db(seed)
    page.reload()
    reply = last_reply(page)
    expect(reply.locator("table td.align-right")).to_have_text("2.10")
    expect(reply.locator("li strong")).to_have_text("bold")
    expect(reply.locator("code")).to_have_text("<i>code</i>")
    expect(reply.locator(".bubble")).to_contain_text('<img src=x onerror="window.__xss=3">')
    link = reply.locator("a")
    expect(link).to_have_count(1)
    expect(link).to_have_attribute("href", "https://www.begambleaware.org")
    expect(link).to_have_attribute("rel", "noopener noreferrer")
    assert page.locator(".bubble img, .bubble script, .bubble svg, .bubble b").count() == 0
    assert page.evaluate("() => window.__xss") is None
    shot(page, "09-inert-markup")


def test_sidebar_lists_renames_searches_deletes_and_pages_older_messages(
    server: str, page: Page, context: BrowserContext
) -> None:
    open_chat(page, server)
    guest_id = guest_id_of(context)

    def seed() -> list[str]:
        ids = []
        for title, topic, count in (
            ("Premier League chat", "Arsenal against Chelsea", 2),
            ("Long LaLiga thread", "Sevilla against Valencia", 70),
        ):
            conversation = Conversation.objects.create(guest_id=guest_id, title=title)
            for n in range(count // 2):
                question = Message.objects.create(
                    conversation=conversation,
                    role="user",
                    content=f"Question {n} about {topic}",
                    client_message_id=f"q-{n}",
                )
                Message.objects.create(
                    conversation=conversation, parent=question, role="assistant", content=f"Answer {n}"
                )
            ids.append(str(conversation.pk))
        return ids

    premier, laliga = db(seed)
    page.reload()
    items = page.locator("#conv-list .conv-link")
    expect(items).to_have_text(["Long LaLiga thread", "Premier League chat"])

    # Open the long thread: the newest page, then older messages as the reader scrolls up.
    items.first.click()
    assert page.url == f"{server}/c/{laliga}/"
    expect(page.locator("#conv-title")).to_have_text("Long LaLiga thread")
    expect(page.locator("#message-list .msg")).to_have_count(30)
    expect(page.locator("#message-list .msg--user .bubble").last).to_have_text(
        "Question 34 about Sevilla against Valencia"
    )
    page.locator("#messages").evaluate("node => { node.scrollTop = 0; }")
    expect(page.locator("#message-list .msg")).to_have_count(60)
    page.locator("#messages").evaluate("node => { node.scrollTop = 0; }")
    expect(page.locator("#message-list .msg")).to_have_count(70)
    expect(page.locator("#message-list .msg--user .bubble").first).to_have_text(
        "Question 0 about Sevilla against Valencia"
    )

    # Rename with the keyboard only.
    items.filter(has_text="Premier League chat").focus()
    page.keyboard.press("Tab")  # the row's tools appear on focus
    expect(page.get_by_role("button", name="Rename: Premier League chat")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Control+A")
    page.keyboard.type("Arsenal v Chelsea")
    page.keyboard.press("Enter")
    expect(items.filter(has_text="Arsenal v Chelsea")).to_have_count(1)
    assert db(lambda: Conversation.objects.get(pk=premier).title) == "Arsenal v Chelsea"

    # Full-text search over message content.
    page.fill("#conv-search", "Chelsea")
    expect(items).to_have_text(["Arsenal v Chelsea"])
    shot(page, "10-sidebar-search")
    page.fill("#conv-search", "")
    expect(items).to_have_count(2)

    # Delete the open conversation: confirmed in a dialog, then a new chat.
    page.get_by_role("button", name="Delete: Long LaLiga thread").click()
    expect(page.locator("#confirm-delete")).to_be_visible()
    page.locator("#confirm-delete").get_by_role("button", name="Delete").click()
    expect(items).to_have_text(["Arsenal v Chelsea"])
    assert not db(lambda: Conversation.objects.filter(pk=laliga).exists())
    expect(page.locator("#welcome")).to_be_visible()
    assert page.url == f"{server}/"


def test_language_odds_format_and_safety_settings(server: str, page: Page, context: BrowserContext) -> None:
    open_chat(page, server)
    with page.expect_navigation():  # the switcher posts to set_language and comes back in Spanish
        page.select_option("#lang-select", "es")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    page.select_option("#odds-select", "fractional")
    expect(page.locator("#composer-input")).to_have_attribute(
        "placeholder", "Pregunta por partidos, cuotas o mercados…"
    )
    expect(page.locator(".help-lines[data-lang=es]")).to_be_visible()
    expect(page.locator(".help-lines[data-lang=en]")).to_be_hidden()
    page.fill("#composer-input", "¿Cuotas del Barcelona vs Real Madrid?")
    page.keyboard.press("Shift+Enter")  # a new line, not a send
    assert page.locator("#composer-input").input_value().endswith("\n")
    page.keyboard.press("Enter")
    expect(last_reply(page)).to_have_attribute("data-status", "complete")
    guest_id = guest_id_of(context)
    sent = db(lambda: Message.objects.get(conversation__guest_id=guest_id, role="user"))
    assert sent.metadata == {"language": "es", "odds_format": "fractional"}

    page.reload()  # the language in Django's language cookie, the odds format in localStorage
    expect(page.locator("#lang-select")).to_have_value("es")
    expect(page.locator("#composer-input")).to_have_attribute(
        "placeholder", "Pregunta por partidos, cuotas o mercados…"
    )
    expect(page.locator("#odds-select")).to_have_value("fractional")

    page.locator("footer").get_by_role("button", name="Poner límites").click()
    dialog = page.locator("#safety")
    expect(dialog).to_be_visible()
    page.select_option("#limit-period", "daily")
    page.fill("#limit-amount", "20")
    dialog.get_by_role("button", name="Guardar límite").click()
    expect(page.locator("#safety-status")).to_have_text("Límite guardado.")
    expect(page.locator("#limits-current")).to_contain_text("20.00")
    shot(page, "11-safety-settings")
    profile = page.evaluate("() => fetch('/api/v1/betting/profile').then(r => r.json())")
    assert profile["stake_limit_daily"] == "20.00"
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()


def test_phone_viewport(server: str, browser: Browser) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        color_scheme="dark",
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        open_chat(page, server)
        expect(page.locator("#sidebar")).to_be_hidden()
        expect(page.locator("#sidebar-open")).to_be_visible()
        ask(page, ODDS_QUESTION)
        reply = last_reply(page)
        expect(reply).to_have_attribute("data-status", "complete")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390
        box = reply.locator(".table-wrap").bounding_box()
        assert box is not None
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= 390
        composer = page.locator("#composer").bounding_box()
        assert composer is not None
        assert composer["y"] + composer["height"] <= 844
        shot(page, "12-phone-answer-dark")

        page.click("#sidebar-open")
        expect(page.locator("#sidebar")).to_be_visible()
        expect(page.locator("#sidebar-open")).to_have_attribute("aria-expanded", "true")
        expect(page.locator("#conv-list .conv-link")).to_have_count(1)
        shot(page, "13-phone-drawer-dark")
        page.keyboard.press("Escape")
        expect(page.locator("#sidebar")).to_be_hidden()
        expect(page.locator("#sidebar-open")).to_be_focused()
    finally:
        context.close()


def test_download_and_share_from_the_page(server: str, page: Page, browser: Browser) -> None:
    open_chat(page, server)
    expect(page.locator("#open-share")).to_be_hidden()  # nothing to share before the first message
    ask(page, ODDS_QUESTION)
    expect(last_reply(page)).to_have_attribute("data-status", "complete")
    page.click("#open-share")
    dialog = page.locator("#share-dialog")
    expect(dialog).to_be_visible()

    with page.expect_download() as markdown:
        page.click("#export-markdown")
    assert markdown.value.suggested_filename.endswith(".md")
    text = Path(markdown.value.path()).read_text(encoding="utf-8")
    assert text.startswith(f"# {ODDS_QUESTION}\n")
    assert "| Barcelona | 2.10 |" in text
    assert "_Odds as of " in text
    with page.expect_download() as exported:
        page.click("#export-json")
    document = json.loads(Path(exported.value.path()).read_text(encoding="utf-8"))
    assert [m["role"] for m in document["messages"]] == ["user", "assistant"]
    assert document["messages"][1]["odds_as_of"]

    dialog.get_by_role("button", name="Create a link").click()
    link = dialog.locator(".share-url")
    expect(link).to_have_count(1)
    url = link.input_value()
    assert url.startswith(f"{server}/s/")
    shot(page, "14-share-dialog")

    # Someone else opens the link: the conversation, read-only, with the odds' time, nothing else.
    reader_context = browser.new_context(locale="en-GB")
    reader = reader_context.new_page()
    reader_errors: list[str] = []
    reader.on("pageerror", lambda error: reader_errors.append(str(error)))
    try:
        opened = reader.goto(url)
        assert opened is not None
        assert opened.status == 200
        expect(reader.locator(".share-messages .msg--user .bubble")).to_have_text([ODDS_QUESTION])
        expect(reader.locator(".share-messages table td", has_text="2.10")).to_have_count(
            1
        )  # Markdown rendered
        expect(reader.locator(".odds-as-of")).to_contain_text("Odds as of")
        expect(reader.locator("#conv-list, #composer")).to_have_count(0)
        shot(reader, "15-shared-conversation")

        dialog.get_by_role("button", name="Revoke").click()
        expect(link).to_have_count(0)
        expect(page.locator("#share-status")).to_have_text("Link revoked: it no longer opens.")
        gone = reader.goto(url)
        assert gone is not None
        assert gone.status == 404
        assert reader_errors == []
    finally:
        reader_context.close()
