"""Knowledge articles as files: coverage per language, length, tags, paragraphs and responsible wording."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from urllib.parse import urlparse

import pytest

from betting.harm import banned_phrases, harm_signals, help_resources
from conversations.knowledge.files import LANGUAGES, ArticleFile, articles_read

MARKET_KEYS = ("1x2", "double_chance", "both_teams_to_score", "over_under", "handicap", "half_time_result")
TOPIC_TAGS = ("odds_format", "responsible_gambling", "help", "combo")
ARTICLES = articles_read()


def _by_slug() -> dict[str, dict[str, ArticleFile]]:
    grouped: dict[str, dict[str, ArticleFile]] = defaultdict(dict)
    for article in ARTICLES:
        grouped[article.slug][article.language] = article
    return grouped


def test_at_least_33_topics_in_every_language() -> None:
    grouped = _by_slug()
    assert len(grouped) >= 33
    assert len(ARTICLES) == len(grouped) * len(LANGUAGES)
    for slug, versions in grouped.items():
        assert set(versions) == {"en", "es", "pt"}, slug


def test_slug_language_pairs_are_unique_and_slugs_are_clean() -> None:
    pairs = Counter((a.slug, a.language) for a in ARTICLES)
    assert max(pairs.values()) == 1
    for article in ARTICLES:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", article.slug), article.slug


def test_translations_share_tags() -> None:
    for slug, versions in _by_slug().items():
        assert len({v.tags for v in versions.values()}) == 1, slug


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: f"{a.slug}-{a.language}")
def test_body_length_and_shape(article: ArticleFile) -> None:
    words = len(article.body.split())
    assert 60 <= words <= 150, f"{article.slug}/{article.language}: {words} words"
    assert article.title
    assert article.title.strip() == article.title
    assert article.body == article.body.strip()
    assert article.tags
    assert all(re.fullmatch(r"[a-z0-9_]+", tag) for tag in article.tags)


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: f"{a.slug}-{a.language}")
def test_no_promotional_language(article: ArticleFile) -> None:
    assert banned_phrases(article.title) == []
    assert banned_phrases(article.body) == []


def test_articles_do_not_read_as_harm_signals() -> None:
    # The assistant quotes these; they must not trip the detector it runs on user messages.
    for article in ARTICLES:
        if "help" not in article.tags:
            assert harm_signals(article.body).signals == (), (article.slug, article.language)


@pytest.mark.parametrize("key", MARKET_KEYS + TOPIC_TAGS)
def test_every_market_key_and_topic_is_tagged(key: str) -> None:
    tagged = {a.slug for a in ARTICLES if key in a.tags}
    assert tagged, key


def test_spanish_and_portuguese_are_translated() -> None:
    # A body copied from English would share most of its words; translations share few.
    for slug, versions in _by_slug().items():
        english = set(versions["en"].body.lower().split())
        for language in ("es", "pt"):
            other = set(versions[language].body.lower().split())
            assert len(english & other) / len(other) < 0.5, (slug, language)


def test_help_article_lists_the_help_resources() -> None:
    for language, article in _by_slug()["getting-help"].items():
        for resource in help_resources(language):
            domain = urlparse(resource.url).netloc.removeprefix("www.")
            assert domain in article.body, (language, domain)
            if resource.phone:
                assert resource.phone in article.body, (language, resource.phone)


def test_combo_example_matches_the_api() -> None:
    for article in _by_slug()["combo-bets"].values():
        assert "3.738" in article.body
        assert "37.38" in article.body


_BLOCK_LINE = re.compile(r"(?:[-*] |\d+\. |\|)")


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: f"{a.slug}-{a.language}")
def test_paragraphs_are_not_hard_wrapped(article: ArticleFile) -> None:
    # The page renders a single newline as a line break: a paragraph must be one line; only list
    # items and table rows may follow each other line by line.
    for block in article.body.split("\n\n"):
        lines = block.split("\n")
        if len(lines) > 1:
            stray = [line for line in lines[1:] if not _BLOCK_LINE.match(line)]
            assert stray == [], (article.slug, article.language, stray)
