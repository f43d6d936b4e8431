"""Faces for people and communities without a picture: initials on a colour.

The colour comes from a fixed palette in which white text meets WCAG AA (4.5:1) on every
colour, so that initials are readable whatever the name; it is derived from the name with
a stable hash, so the same name always gets the same colour on every server. Pages never
carry a colour in a style attribute (the Content-Security-Policy forbids them): each
palette colour is a class, `face--<key>`, in site.css ("Avatars and emblems").
"""

import hashlib
import unicodedata

from django.utils.translation import gettext_lazy as _

# key → (colour, label). White text on each is at least 4.5:1 (tests/core/test_faces.py).
PALETTE: dict[str, tuple[str, object]] = {
    "red": ("#b42318", _("Red")),
    "orange": ("#b54708", _("Orange")),
    "brown": ("#8a4b12", _("Brown")),
    "olive": ("#4d6b10", _("Olive")),
    "green": ("#067647", _("Green")),
    "teal": ("#0e7070", _("Teal")),
    "cyan": ("#0b6a8a", _("Ocean")),
    "blue": ("#175cd3", _("Blue")),
    "indigo": ("#3e4784", _("Indigo")),
    "violet": ("#6941c6", _("Violet")),
    "purple": ("#8e24aa", _("Purple")),
    "pink": ("#c11574", _("Pink")),
    "slate": ("#475467", _("Slate")),
}
COLOUR_CHOICES = [(key, label) for key, (_hex, label) in PALETTE.items()]
_KEYS = list(PALETTE)

_ZWJ = "\u200d"


def colour_for(seed: str) -> str:
    """The palette key for a name: the same name, the same colour, everywhere."""
    text = unicodedata.normalize("NFC", seed or "").strip().casefold()
    digest = hashlib.sha256(text.encode()).digest()
    return _KEYS[int.from_bytes(digest[:4], "big") % len(_KEYS)]


def colour_hex(key: str) -> str:
    return PALETTE.get(key, PALETTE["slate"])[0]


def _first_letter(word: str) -> str:
    """The first letter or digit of a word, with the marks that belong to it (é as e + ́)."""
    for i, char in enumerate(word):
        if unicodedata.category(char)[0] in "LN":
            end = i + 1
            while end < len(word) and unicodedata.category(word[end])[0] == "M":
                end += 1
            return word[i:end]
    return ""


def _first_cluster(text: str) -> str:
    """The first character as a reader sees it, for names with no letter at all (an emoji
    with its skin tone, variation selector or zero-width-joined parts, a flag's pair)."""
    text = text.strip()
    if not text:
        return ""
    end = 1
    while end < len(text):
        char = text[end]
        if char == _ZWJ and end + 1 < len(text):
            end += 2
        elif unicodedata.category(char) in ("Mn", "Me", "Mc", "Sk") or char == "\ufe0f":
            end += 1
        elif (
            end == 1
            and "\U0001f1e6" <= text[0] <= "\U0001f1ff"
            and "\U0001f1e6" <= char <= "\U0001f1ff"
        ):
            end += 1  # a flag: two regional indicators
        else:
            break
    return text[:end]


def _cased(letter: str) -> bool:
    return letter.upper() != letter.lower()


def initials(name: str) -> str:
    """At most two letters for a name: its first and last words' first letters ("Ruth
    Okonkwo" → "RO", "élodie martin" → "ÉM", "Zoë" → "Z"). Scripts without capitals (Chinese,
    Japanese, Korean, Arabic, Hebrew, Devanagari…) get one character, since two would read as
    a syllable or word. Words without letters (emoji, punctuation) are skipped; a name made
    only of them gets its first symbol; an empty one "?"."""
    text = unicodedata.normalize("NFC", name or "").strip()
    letters = [letter for letter in map(_first_letter, text.split()) if letter]
    if not letters:
        return _first_cluster(text) or "?"
    first, last = letters[0], letters[-1]
    if len(letters) == 1 or not _cased(first) or not _cased(last):
        return _upper_one(first)
    return _upper_one(first) + _upper_one(last)


def _upper_one(letter: str) -> str:
    """Upper case that keeps one letter one letter ("ß".upper() is "SS")."""
    upper = unicodedata.normalize("NFC", letter.upper())
    return upper if len(upper) <= len(letter) else letter
