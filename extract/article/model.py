"""What reading an article gives: :class:`Article` with its :class:`Paragraph` and
:class:`Sentence` spans, and the two errors, :class:`ArticleError` and :class:`ManifestError`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.article.sentences import split_sentences


class ArticleError(Exception):
    """A file that cannot be read as an article. ``str(e) == f"{path}: {reason}"``."""

    def __init__(self, path: str | Path | None, reason: str):
        self.path = path
        self.reason = " ".join(str(reason).split())  # always one line
        super().__init__(f"{path if path is not None else '<text>'}: {self.reason}")


class ManifestError(ValueError):
    """A sources.yaml manifest (or a manifest entry) that is not as expected."""


@dataclass
class Paragraph:
    start: int
    end: int
    text: str
    furniture: bool
    # body | title | byline | dateline | header | chrome | caption | related | front-matter |
    # stamp (a store's "date YYYY-MM-DD" ahead of the text)
    kind: str = "body"


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index into Article.paragraphs


@dataclass
class Article:
    path: Path | None
    file: str | None
    text: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None
    published_text: str | None = None
    url: str | None = None
    language: str = "en"
    paragraphs: list[Paragraph] = field(default_factory=list)
    published_from: str | None = None  # 'manifest' | 'text' | 'html-metadata' | None
    fmt: str = "txt"
    encoding: str | None = None
    detected: dict[str, Any] = field(default_factory=dict)  # metadata before manifest overrides
    # what a web page says of itself (og:site_name, canonical link, base href): claims
    page_says: dict[str, str] = field(default_factory=dict)

    def body(self) -> list[Paragraph]:
        """Paragraphs that are the article's own text (not furniture)."""
        return [p for p in self.paragraphs if not p.furniture]

    def sentences(self) -> list[Sentence]:
        """Sentences of the body paragraphs, with offsets into ``self.text``."""
        out: list[Sentence] = []
        for i, p in enumerate(self.paragraphs):
            if p.furniture:
                continue
            for s, e in split_sentences(p.text, p.start):
                out.append(Sentence(s, e, self.text[s:e], i))
        return out
