"""Initials and colours for people and communities without a picture."""

import re
from pathlib import Path

import pytest

from practica.core.faces import PALETTE, colour_for, initials

SITE_CSS = Path(__file__).resolve().parents[2] / "practica" / "static" / "css" / "site.css"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ruth Okonkwo", "RO"),
        ("Jean-Luc de la Fontaine", "JF"),  # first and last words
        ("Zoë", "Z"),  # one word, one letter
        ("élodie martin", "ÉM"),  # accents kept, upper case
        ("e\u0301lodie Martin", "ÉM"),  # the same written with a combining accent
        ("Σωκράτης Παπαδόπουλος", "ΣΠ"),
        ("Мария Иванова", "МИ"),
        ("李小龙", "李"),  # scripts without capitals: one character
        ("山田 太郎", "山"),
        ("محمد علي", "م"),
        ("김민수", "김"),
        ("अमित शर्मा", "अ"),
        ("🦊 Fox Mulder", "FM"),  # emoji words are skipped…
        ("🦊", "🦊"),  # …unless the name is nothing else
        ("👩🏽‍⚖️", "👩🏽‍⚖️"),  # kept whole: skin tone, zero-width joiner, variation selector
        ("  ", "?"),
        ("", "?"),
    ],
)
def test_initials(name, expected):
    assert initials(name) == expected


def test_a_name_always_gets_the_same_colour_and_names_spread_over_the_palette():
    assert colour_for("Ruth Okonkwo") == colour_for("Ruth Okonkwo") == colour_for(" ruth okonkwo")
    colours = {colour_for(f"Person {n}") for n in range(200)}
    assert len(colours) == len(PALETTE)


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("key", list(PALETTE))
def test_white_initials_meet_4_5_to_1_on_every_palette_colour(key):
    contrast = 1.05 / (_luminance(PALETTE[key][0]) + 0.05)
    assert contrast >= 4.5, f"{key}: {contrast:.2f}"


def test_the_style_sheet_has_exactly_the_palette_colours():
    css = SITE_CSS.read_text()
    found = dict(re.findall(r"\.face--([a-z]+) \{ --face: (#[0-9a-f]{6}); \}", css))
    assert found == {key: colour for key, (colour, _label) in PALETTE.items()}
