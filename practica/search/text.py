"""Words as the index sees them: without accents or case, stemmed by the text's language.

Both engines and the highlighter share this, so what is marked in a snippet is what matched.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Content languages with a stemmer; "" is "no stemming" (names, places).
STEMMED = {"en": "english", "fr": "french", "es": "spanish"}
LANGUAGES = ("en", "fr", "es", "")
_WORD = re.compile(r"[^\W_]+")
_NAMES = {
    "en": ("en", "english", "anglais", "inglés", "ingles"),
    "fr": ("fr", "french", "français", "francais"),
    "es": ("es", "spanish", "español", "espanol", "espagnol", "castellano"),
}


def fold(text: str) -> str:
    """Lower case without accents: "Équité" → "equite"."""
    if text.isascii():  # most text: nothing to take off
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


@lru_cache(maxsize=8)
def _stemmer(language: str):  # type: ignore[no-untyped-def]
    return snowballstemmer.stemmer(STEMMED[language])


_STEMS: dict[str, dict[str, str]] = {code: {} for code in STEMMED}
_CACHE_MAX = 200_000  # words per language; natural text repeats a small vocabulary


def stem(word: str, language: str) -> str:
    cache = _STEMS.get(language)
    if cache is None:
        return word
    found = cache.get(word)
    if found is None:
        found = str(_stemmer(language).stemWord(word))
        if len(cache) < _CACHE_MAX:
            cache[word] = found
    return found


def stems(text: str, language: str) -> list[str]:
    if language not in STEMMED:
        return words(text)
    return [stem(w, language) for w in words(text)]


def language_code(value: str, default: str = "en") -> str:
    """A content language code from a code or a name ("Français" → "fr")."""
    folded = fold(value or "").strip()
    for code, names in _NAMES.items():
        if folded in {fold(n) for n in names} or folded.startswith(code + "-"):
            return code
    return default
