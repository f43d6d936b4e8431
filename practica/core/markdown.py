"""User Markdown to safe HTML: CommonMark (with tables) rendered, then sanitised by nh3.

@mentions become links to the person's profile when `resolve` knows the handle.
"""

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "abbr": {"title"},
    "th": {"align"},
    "td": {"align"},
}
MENTION = re.compile(r"(?<![\w@/.])@([a-z0-9][a-z0-9-]{0,39})", re.IGNORECASE)

Resolver = Callable[[list[str]], dict[str, str]]


def _mentions_rule(state: StateCore) -> None:
    """Split text tokens at @handles; the env's resolver decides which are people."""
    resolve: Resolver | None = state.env.get("resolve_mentions")
    if resolve is None:
        return
    candidates = {
        m.group(1).lower()
        for token in state.tokens
        if token.type == "inline" and token.children
        for child in token.children
        if child.type == "text"
        for m in MENTION.finditer(child.content)
    }
    if not candidates:
        return
    urls = resolve(sorted(candidates))
    found: set[str] = state.env.setdefault("mentioned", set())
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        children: list[Token] = []
        in_link = 0
        for child in token.children:
            if child.type == "link_open":
                in_link += 1
            elif child.type == "link_close":
                in_link -= 1
            if child.type != "text" or in_link:
                children.append(child)
                continue
            position = 0
            for match in MENTION.finditer(child.content):
                url = urls.get(match.group(1).lower())
                if url is None:
                    continue
                found.add(match.group(1).lower())
                if match.start() > position:
                    children.append(_text(child.content[position : match.start()]))
                link = Token("link_open", "a", 1)
                link.attrs = {"href": url, "class": "mention"}
                children += [link, _text(match.group(0)), Token("link_close", "a", -1)]
                position = match.end()
            if position < len(child.content):
                children.append(_text(child.content[position:]))
        token.children = children


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # html=False: raw HTML in the source is shown as text, never passed through.
    md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    md.core.ruler.push("mentions", _mentions_rule)
    return md


def _clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow ugc noopener",
    )


def render_markdown(source: str) -> str:
    """Return sanitised HTML for `source`; safe to mark safe in a template."""
    return _clean(_parser().render(source or ""))


def render_with_mentions(source: str, resolve: Resolver) -> tuple[str, set[str]]:
    """Sanitised HTML with @mentions linked, and the handles that were mentioned.

    `resolve` receives candidate handles and returns {handle: profile URL} for real people.
    """
    env: dict[str, Any] = {"resolve_mentions": resolve}
    html = _parser().render(source or "", env)
    return _clean(html), set(env.get("mentioned", set()))
