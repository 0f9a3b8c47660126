"""Reading knowledge articles from their Markdown files: front matter (slug, title, tags), then the body.

Files live in `knowledge/articles/<language>/<slug>.md` at the project root. The body is Markdown as
rendered on the page, so a paragraph is one line (no hard wrapping). Pure file parsing, no ORM.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

ARTICLES_DIR = Path(__file__).resolve().parents[2] / "knowledge" / "articles"
LANGUAGES = ("en", "es", "pt")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
TAG = re.compile(r"[a-z0-9_]+")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.DOTALL)


class ArticleFileError(ValueError):
    """A knowledge file that cannot be loaded; the message names the file and the problem."""


@dataclass(frozen=True, slots=True)
class ArticleFile:
    slug: str
    language: str
    title: str
    body: str
    tags: tuple[str, ...]

    @property
    def digest(self) -> str:
        return content_digest(title=self.title, body=self.body, tags=self.tags)


def content_digest(*, title: str, body: str, tags: Iterable[str]) -> str:
    """A fingerprint of what an article says; a row whose digest still matches the one recorded
    when it was loaded has not been edited by an operator since."""
    payload = json.dumps([title.strip(), body.strip(), list(tags)], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def article_parse(*, text: str, language: str, source: str) -> ArticleFile:
    match = _FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if match is None:
        raise ArticleFileError(f"{source}: no front matter (a '---' block with slug, title, tags)")
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        raise ArticleFileError(f"{source}: front matter is not valid YAML ({exc})") from exc
    if not isinstance(meta, dict):
        raise ArticleFileError(f"{source}: front matter must be a mapping")
    slug, title, tags = meta.get("slug"), meta.get("title"), meta.get("tags")
    if not isinstance(slug, str) or not SLUG.fullmatch(slug):
        raise ArticleFileError(f"{source}: slug must be lower-case words joined by '-'")
    if not isinstance(title, str) or not title.strip():
        raise ArticleFileError(f"{source}: title is missing")
    if not isinstance(tags, list) or not all(isinstance(t, str) and TAG.fullmatch(t) for t in tags):
        raise ArticleFileError(f"{source}: tags must be a list of lower_case words")
    body = match.group(2).strip()
    if not body:
        raise ArticleFileError(f"{source}: the body is empty")
    return ArticleFile(slug=slug, language=language, title=title.strip(), body=body, tags=tuple(tags))


def articles_read(*, root: Path = ARTICLES_DIR) -> list[ArticleFile]:
    """Every article under `root`, by language folder; a file's name must be its slug."""
    articles: list[ArticleFile] = []
    for language in LANGUAGES:
        for path in sorted((root / language).glob("*.md")):
            article = article_parse(
                text=path.read_text(encoding="utf-8"), language=language, source=str(path)
            )
            if article.slug != path.stem:
                raise ArticleFileError(f"{path}: the file name must be the slug ({article.slug}.md)")
            articles.append(article)
    return articles
