"""html_to_text(markup) -> (text, Meta): the visible text of a web page and the metadata in its head."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Doctype, PageElement, ProcessingInstruction

from ..core.errors import InputError
from ..core.records import Meta
from .frontmatter import published_date

_INVISIBLE = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "button", "form"}
_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul", "title",
}


def html_to_text(markup: str, path: Path) -> tuple[str, Meta]:
    """Visible text of the page's <article> (else <main>, else <body>), one line per block; head metadata."""
    try:
        soup = BeautifulSoup(markup, "html.parser")
        meta = _head_meta(soup)
        root = soup.find("article") or soup.find("main") or soup.body or soup
        parts: list[str] = []
        _collect(root, parts)
    except RecursionError:  # our walk is iterative; this guards BeautifulSoup's own
        raise InputError(f"{path}: HTML nested too deeply to read") from None
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(parts).split("\n"))
    text = "\n\n".join(line for line in lines if line)
    return text, meta


def _collect(root: Tag, parts: list[str]) -> None:
    """The visible strings below `root` in document order, a block's between newlines; iterative, since pages
    nest tags ten thousand deep (or leave a thousand <p> unclosed, which nests them)."""
    stack: list[Iterator[PageElement] | str] = [iter(root.children)]
    while stack:
        top = stack[-1]
        if isinstance(top, str):  # the newline that closes a block
            parts.append(stack.pop())
            continue
        child = next(top, None)
        if child is None:
            stack.pop()
        elif isinstance(child, (Comment, Doctype, ProcessingInstruction)):
            continue
        elif isinstance(child, NavigableString):
            parts.append(re.sub(r"\s+", " ", str(child)))
        elif isinstance(child, Tag) and child.name not in _INVISIBLE and not child.has_attr("hidden"):
            if child.name in _BLOCK:
                parts.append("\n")
                stack.append("\n")
            stack.append(iter(child.children))


def _head_meta(soup: BeautifulSoup) -> Meta:
    def content(**attrs: str) -> str | None:
        tag = soup.find("meta", attrs=attrs)
        value = tag.get("content") if tag else None
        return value.strip() if isinstance(value, str) and value.strip() else None

    title = content(property="og:title") or (soup.title.get_text(" ", strip=True) if soup.title else None)
    published = content(property="article:published_time") or content(name="date") or content(name="pubdate")
    canonical = soup.find("link", rel="canonical")
    url = content(property="og:url") or (canonical.get("href") if canonical else None)
    html = soup.find("html")
    lang = html.get("lang", "").split("-")[0].lower() if html else ""
    description = content(name="description")
    return Meta(
        title=title or None,
        source=content(property="og:site_name") or content(name="author"),
        published=_published(published),
        url=url,
        lang=lang if lang in ("en", "ru") else None,
        extra={"description": description} if description else {},
    )


def _published(value: str | None) -> str | None:
    """A page's published date as an ISO date; None if it is none (a page's metadata is not worth refusing)."""
    try:
        return published_date(value) if value else None
    except ValueError:
        return None
