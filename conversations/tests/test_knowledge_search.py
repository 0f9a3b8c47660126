"""Knowledge search: tags, full text fused (reciprocal rank fusion) with embedding similarity from the
configured provider (a fake OpenAI-compatible /embeddings endpoint over HTTP), or TF-IDF without one;
re-embedding when an article changes, in admin too."""

from __future__ import annotations

import re
import zlib
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from chatbet_site.celery import app as celery_app
from conversations.knowledge.embeddings import Embedder, embedder
from conversations.knowledge.index import article_passages, knowledge_index_refresh
from conversations.knowledge.search import article_search, reciprocal_rank_fusion
from conversations.models import Article, ArticleChunk
from conversations.tasks import knowledge_embed

pytestmark = pytest.mark.django_db

# A toy embedding model: words map to shared concepts (as a real model places synonyms close),
# other words to a few hashed dimensions of their own.
CONCEPTS = {
    "loss": {"lose", "loses", "losing", "lost", "cost", "costs", "downside", "forfeit"},
    "beyond": {"more", "most", "further", "beyond", "capped", "cap", "extra"},
    "wager": {"bet", "bets", "wager", "wagers", "stake", "stakes"},
    "time": {"kick", "off", "start", "starts", "time", "clock", "minute"},
    "help": {"help", "support", "helpline", "counselling"},
}
HASHED = 24


def toy_embedding(text: str) -> list[float]:
    vector = [0.0] * (len(CONCEPTS) + HASHED)
    for word in re.findall(r"[a-záéíóúãõç]+", text.lower()):
        for index, members in enumerate(CONCEPTS.values()):
            if word in members:
                vector[index] += 1.0
                break
        else:
            vector[len(CONCEPTS) + zlib.crc32(word.encode()) % HASHED] += 0.25
    return vector


QUESTION = "can I lose more than I bet?"
TARGET = (
    "Your downside is capped",
    "Whatever happens in the match, a wager costs at most its own stake: nothing further is ever "
    "taken from your account.",
)
DISTRACTORS = [
    ("Kick-off times", "Every fixture shows its kick-off time in your time zone, to the minute."),
    ("Getting help", "If gambling stops being fun, support is free: call a helpline or try counselling."),
    ("Decimal odds", "Decimal odds show the total return per unit staked, including the stake itself."),
]


def configured() -> Embedder:
    model = embedder()
    assert model is not None
    return model


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


@pytest.fixture
def small_kb() -> Article:
    Article.objects.all().delete()
    for number, (title, body) in enumerate(DISTRACTORS):
        Article.objects.create(
            slug=f"distractor-{number}", language="en", title=title, body=body, tags=["misc"]
        )
    return Article.objects.create(
        slug="downside-capped", language="en", title=TARGET[0], body=TARGET[1], tags=["risk"]
    )


@pytest.fixture
def embeddings(openai_server):
    openai_server.embedder = toy_embedding
    return openai_server


def test_reciprocal_rank_fusion_rewards_agreement():
    assert reciprocal_rank_fusion([[1, 2, 3], [2, 3, 1]]) == [2, 1, 3]
    assert reciprocal_rank_fusion([[1, 2], [3, 2]]) == [2, 1, 3]  # in both lists beats first in one
    assert reciprocal_rank_fusion([[5], []]) == [5]
    assert reciprocal_rank_fusion([[], []]) == []


def test_passages_keep_paragraphs_whole_and_carry_the_title():
    long = "\n\n".join(f"Paragraph {n} " + "word " * 100 for n in range(3))  # ~510 chars each
    short = "\n\n".join(f"Short {n}." for n in range(3))
    passages = article_passages(title="Title", body=long)
    assert len(passages) == 3
    assert all(p.startswith("Title\n\n") for p in passages)
    assert [p.removeprefix("Title\n\n") for p in passages] == [p.strip() for p in long.split("\n\n")]
    assert article_passages(title="Title", body=short) == [f"Title\n\n{short}"]


@pytest.mark.parametrize(
    ("term", "language", "expected_tag"),
    [
        ("double_chance", "en", "double_chance"),
        ("how do accumulators multiply the odds", "en", "combo"),
        ("qué es el hándicap asiático", "es", "handicap"),
        ("como funcionam as odds decimais", "pt", "odds_format"),
        ("handicapp asiatico", "es", "handicap"),  # a typo: TF-IDF on character n-grams still finds it
    ],
)
def test_without_a_provider_articles_are_found_by_tag_full_text_and_tfidf(
    knowledge_base, settings, term, language, expected_tag
):
    settings.GOOGLE_API_KEY = ""
    settings.OPENAI_BASE_URL = None
    settings.LLM_PROVIDER = ""
    assert embedder() is None
    article = article_search(term=term, language=language)
    assert article is not None
    assert article.language == language
    assert expected_tag in article.tags


@pytest.mark.parametrize(
    ("term", "language"),
    [
        ("zzzz qqqq xylophone", "en"),
        ("what is the weather tomorrow", "en"),
        ("previsão do tempo amanhã", "pt"),
    ],
)
def test_an_unrelated_question_finds_nothing(knowledge_base, settings, term, language):
    settings.LLM_PROVIDER = "offline"
    assert article_search(term=term, language=language) is None


def test_a_paraphrase_sharing_no_word_with_its_article_is_found_through_embeddings(small_kb, embeddings):
    target = small_kb
    assert words(QUESTION) & words(f"{target.title} {target.body}") == set()

    report = knowledge_index_refresh(model=configured())
    found = article_search(term=QUESTION, language="en")

    assert set(report.embedded) == set(Article.objects.values_list("pk", flat=True))
    assert found == target
    inputs = embeddings.embedding_requests[-1].body
    assert inputs["input"] == [QUESTION]
    assert inputs["model"] == "text-embedding-3-small"
    assert ArticleChunk.objects.filter(article=target, model="openai:text-embedding-3-small").count() == 1


def test_the_same_paraphrase_is_not_found_by_words_alone(small_kb, settings):
    settings.LLM_PROVIDER = "offline"
    assert article_search(term=QUESTION, language="en") != small_kb


def test_an_edited_article_is_re_embedded_and_only_it(small_kb, embeddings):
    model = configured()
    knowledge_index_refresh(model=model)
    assert knowledge_index_refresh(model=model).embedded == []  # nothing changed, nothing sent
    sent = len(embeddings.embedding_requests)

    small_kb.body = "Kick-off is the time the match starts."
    small_kb.save()
    assert knowledge_embed(article_ids=None) == 1

    assert len(embeddings.embedding_requests) == sent + 1
    chunk = ArticleChunk.objects.get(article=small_kb)
    assert "Kick-off is the time" in chunk.text
    # The edited article now answers about kick-off times, no longer about losses.
    assert article_search(term=QUESTION, language="en") != small_kb


def test_an_article_saved_in_admin_is_re_embedded(
    small_kb, embeddings, client, django_capture_on_commit_callbacks
):
    knowledge_index_refresh(model=configured())
    staff = get_user_model().objects.create_superuser("kb-editor", "kb@example.com", "pw-123456")
    client.force_login(staff)
    celery_app.conf.task_always_eager = True
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                f"/admin/conversations/article/{small_kb.pk}/change/",
                {
                    "slug": small_kb.slug,
                    "language": "en",
                    "title": small_kb.title,
                    "body": "Support is free: call a helpline.",
                    "tags": '["risk"]',
                    "is_published": "on",
                },
            )
    finally:
        celery_app.conf.task_always_eager = False
    assert response.status_code == 302
    assert (
        ArticleChunk.objects.get(article=small_kb).text
        == f"{small_kb.title}\n\nSupport is free: call a helpline."
    )


def test_a_failing_embeddings_endpoint_falls_back_to_words(small_kb, openai_server):
    openai_server.embedder = None  # the endpoint answers 500
    assert embedder() is not None
    found = article_search(term="decimal odds return", language="en")
    assert found is not None
    assert found.title == "Decimal odds"


def test_a_stale_article_is_ranked_by_words_until_it_is_re_embedded(small_kb, embeddings):
    knowledge_index_refresh(model=configured())
    small_kb.body = "Kick-off times for every fixture."
    small_kb.save()
    # Its passages describe the old text: they no longer count for it.
    assert article_search(term=QUESTION, language="en") != small_kb


def test_with_gemini_the_articles_and_the_question_are_embedded_by_its_embedding_model(small_kb, gemini):
    gemini.embedder = toy_embedding
    model = configured()
    assert model.name == "gemini:gemini-embedding-001"

    knowledge_index_refresh(model=model)
    found = article_search(term=QUESTION, language="en")

    assert found == small_kb
    assert {r.model for r in gemini.embedding_requests} == {"gemini-embedding-001"}
    assert gemini.embedding_requests[-1].body["requests"][0]["content"]["parts"][0]["text"] == QUESTION
    assert gemini.requests == []  # no chat request was made


def test_load_articles_embeds_them_and_a_failing_provider_only_warns(embeddings):
    out, err = StringIO(), StringIO()
    call_command("load_articles", stdout=out, stderr=err)
    published = Article.objects.filter(is_published=True).count()
    assert f"embeddings: {published} articles embedded with openai:text-embedding-3-small" in out.getvalue()
    assert ArticleChunk.objects.values("article").distinct().count() == published

    embeddings.embedder = None
    Article.objects.filter(slug="cash-out", language="en").update(body="Cash out ends a bet early.")
    call_command("load_articles", stdout=out, stderr=err)
    assert "embeddings: openai:text-embedding-3-small failed" in err.getvalue()
