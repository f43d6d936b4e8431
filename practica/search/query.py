"""What a person typed, read as web search: words, "quoted phrases" and -excluded words.

Everything else (SQL, FTS syntax such as NEAR( * ^ col:) is read as spaces, so nothing
typed reaches an engine as syntax. A query too long, empty or only made of exclusions
is refused with a message for the page.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .text import words

MAX_LENGTH = 300
MAX_TERMS = 12
_TOKEN = re.compile(r'(-?)"([^"]*)"|(-?)([^\s"]+)')


@dataclass(frozen=True)
class Query:
    text: str
    # Each required term is a tuple of folded words: one word, or a phrase.
    include: tuple[tuple[str, ...], ...] = ()
    exclude: tuple[tuple[str, ...], ...] = ()
    problem: str = ""
    # Any of the terms rather than all (for "similar to this title").
    any_term: bool = False

    @property
    def ok(self) -> bool:
        return not self.problem and bool(self.include)

    def positive_words(self) -> set[str]:
        return {w for term in self.include for w in term}


def parse(raw: str) -> Query:
    text = (raw or "").strip()
    if not text:
        return Query(text="", problem=str(_("Type a word or two to search for.")))
    if len(text) > MAX_LENGTH:
        return Query(
            text=text[:MAX_LENGTH],
            problem=str(
                _("That search is too long: use at most %(n)d characters.") % {"n": MAX_LENGTH}
            ),
        )
    if text.count('"') % 2:
        text = text + '"'  # an unclosed quote runs to the end, as web search engines read it
    include: list[tuple[str, ...]] = []
    exclude: list[tuple[str, ...]] = []
    for match in _TOKEN.finditer(text):
        minus = bool(match.group(1) or match.group(3))
        chunk = match.group(2) if match.group(2) is not None else match.group(4)
        term = tuple(words(chunk))
        if not term:
            continue
        (exclude if minus else include).append(term)
    include = list(dict.fromkeys(include))[:MAX_TERMS]
    exclude = list(dict.fromkeys(exclude))[:MAX_TERMS]
    if not include:
        problem = (
            _("Say what to look for, not only what to leave out: add a word without a minus.")
            if exclude
            else _("There are no words to search for in that: try letters or numbers.")
        )
        return Query(text=text, exclude=tuple(exclude), problem=str(problem))
    return Query(text=text, include=tuple(include), exclude=tuple(exclude))


# Words too common to say two titles are alike (the engines rank the rest).
_COMMON = {
    *[
        "a",
        "an",
        "and",
        "are",
        "can",
        "do",
        "does",
        "for",
        "from",
        "has",
        "have",
        "how",
        "i",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "our",
        "should",
    ],
    *[
        "the",
        "there",
        "this",
        "to",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "your",
        "about",
        "any",
    ],
    *[
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "et",
        "ou",
        "de",
        "du",
        "en",
        "est",
        "que",
        "qui",
        "pour",
        "dans",
        "sur",
        "avec",
        "comment",
    ],
    *["el", "los", "las", "y", "o", "del", "para", "por", "con", "como", "cual"],
}


def similar_to(text: str) -> Query:
    """A query for things like `text` (a title being typed): any of its telling words."""
    kept = [w for w in words(text[:MAX_LENGTH]) if w not in _COMMON and len(w) > 2]
    terms = tuple((w,) for w in dict.fromkeys(kept))[:MAX_TERMS]
    return Query(text=text[:MAX_LENGTH], include=terms, any_term=True)
