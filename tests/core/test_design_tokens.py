"""The colour tokens of the design system keep text readable and controls visible, in the
light and the dark scheme: text >= 4.5:1 against every background it is set on (WCAG 1.4.3),
control edges and the focus ring >= 3:1 (WCAG 1.4.11, 2.4.13). Read from the stylesheet
itself, so that changing a token to a colour that fails breaks this test."""

import re
from pathlib import Path

import pytest

CSS = (Path(__file__).resolve().parents[2] / "practica/static/css/site.css").read_text()

# (foreground, background) pairs as the stylesheet uses them.
TEXT = [
    *[(fg, bg) for fg in ("text", "muted", "accent") for bg in ("bg", "surface", "sunken")],
    ("text", "accent-subtle"),
    ("accent", "accent-subtle"),
    ("accent-hover", "accent-subtle"),
    ("accent-hover", "surface"),
    ("on-accent", "accent"),
    ("on-accent", "accent-hover"),
    ("danger", "surface"),
    ("danger", "danger-subtle"),
    ("on-danger", "danger"),
    ("text", "danger-subtle"),
    ("success", "surface"),
    ("text", "success-subtle"),
    ("text", "warning-subtle"),
    ("warning", "warning-subtle"),
    ("focus-ink", "focus"),  # a focused link: dark text on the yellow fill
]
UI = [
    ("border-strong", "surface"),
    ("border-strong", "bg"),
    ("border-strong", "sunken"),
    ("accent", "surface"),
    ("accent", "bg"),
    ("danger", "surface"),
    ("warning-border", "warning-subtle"),
    ("success", "success-subtle"),
]
# Backgrounds something focusable can sit on; the ring is yellow inside near-black.
FOCUS_BACKGROUNDS = [
    "bg",
    "surface",
    "sunken",
    "accent",
    "accent-hover",
    "accent-subtle",
    "danger",
    "danger-subtle",
    "success-subtle",
    "warning-subtle",
]


def _tokens(block: str) -> dict[str, str]:
    return dict(re.findall(r"--c-([a-z-]+):\s*(#[0-9a-fA-F]{6})", block))


def _schemes() -> dict[str, dict[str, str]]:
    light = _tokens(CSS.split("@media (prefers-color-scheme: dark)")[0])
    dark_block = CSS.split("@media (prefers-color-scheme: dark)")[1].split("\n}\n")[0]
    return {"light": light, "dark": {**light, **_tokens(dark_block)}}


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_contrast_function_matches_known_values():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#767676", "#ffffff"), 2) == 4.54


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_colours_are_readable_on_their_backgrounds(scheme):
    tokens = _schemes()[scheme]
    failing = [
        f"{fg} on {bg}: {contrast(tokens[fg], tokens[bg]):.2f}"
        for fg, bg in TEXT
        if contrast(tokens[fg], tokens[bg]) < 4.5
    ]
    assert failing == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_control_edges_are_visible(scheme):
    tokens = _schemes()[scheme]
    failing = [
        f"{fg} on {bg}: {contrast(tokens[fg], tokens[bg]):.2f}"
        for fg, bg in UI
        if contrast(tokens[fg], tokens[bg]) < 3
    ]
    assert failing == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_focus_ring_shows_on_every_background(scheme):
    tokens = _schemes()[scheme]
    ring = (tokens["focus"], tokens["focus-ink"])
    weakest = {bg: max(contrast(c, tokens[bg]) for c in ring) for bg in FOCUS_BACKGROUNDS}
    assert {bg: round(c, 2) for bg, c in weakest.items() if c < 3} == {}
