"""Draw Practica's icons (favicon, home-screen and app icons) into practica/static/icons/.

The icons are committed; run this again only to change them. One drawing, described once
below, becomes the SVG favicon and, through Pillow, every PNG and the ICO, so that they
never drift apart. The mark is a "P" with a dot beside it, a word and a reply."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw

BLUE = "#1c5a85"  # --c-accent in site.css: white on it is 7:1
GOLD = "#ffdd00"  # --c-focus in site.css
WHITE = "#ffffff"
GRID = 512  # every coordinate below is on a 512 by 512 grid
CORNER = 96  # rounded corners of the "any" icons; maskable ones are full squares
# The mark stays inside the central circle of radius 0.4 * 512 that a maskable icon keeps.
STEM = (176, 128, 232, 384)
BOWL = (176, 128, 256, 288, 80)  # left, top, right of the straight part, bottom, radius
HOLE = (232, 184, 256, 232, 24)
DOT = (320, 352, 32)  # centre x, centre y, radius

SVG = f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {GRID} {GRID}">
<rect width="{GRID}" height="{GRID}" rx="{CORNER}" fill="{BLUE}"/>
<path fill="{WHITE}" fill-rule="evenodd" d="M{BOWL[0]} {BOWL[1]}H{BOWL[2]}\
A{BOWL[4]} {BOWL[4]} 0 0 1 {BOWL[2]} {BOWL[3]}H{STEM[2]}V{STEM[3]}H{STEM[0]}Z\
M{HOLE[0]} {HOLE[1]}V{HOLE[3]}H{HOLE[2]}A{HOLE[4]} {HOLE[4]} 0 0 0 {HOLE[2]} {HOLE[1]}Z"/>
<circle cx="{DOT[0]}" cy="{DOT[1]}" r="{DOT[2]}" fill="{GOLD}"/>
</svg>
"""


def draw(size: int, *, maskable: bool) -> Image.Image:
    """The icon at `size` pixels, drawn four times larger and reduced, for smooth edges."""
    scale = size * 4 / GRID

    def box(*coords: float) -> list[float]:
        return [c * scale for c in coords]

    image = Image.new("RGBA", (size * 4, size * 4), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if maskable:
        pen.rectangle(box(0, 0, GRID, GRID), fill=BLUE)
    else:
        pen.rounded_rectangle(box(0, 0, GRID, GRID), radius=CORNER * scale, fill=BLUE)
    left, top, right, bottom, r = BOWL
    pen.rectangle(box(left, top, right, bottom), fill=WHITE)
    pen.ellipse(box(right - r, top, right + r, bottom), fill=WHITE)
    left, top, right, bottom, r = HOLE
    pen.rectangle(box(left, top, right, bottom), fill=BLUE)
    pen.ellipse(box(right - r, top, right + r, bottom), fill=BLUE)
    pen.rectangle(box(*STEM), fill=WHITE)
    x, y, r = DOT
    pen.ellipse(box(x - r, y - r, x + r, y + r), fill=GOLD)
    return image.resize((size, size), Image.Resampling.LANCZOS)


class Command(BaseCommand):
    help = "Draw the favicon and app icons into practica/static/icons/."

    def handle(self, *args: Any, **options: Any) -> None:
        folder = Path(settings.BASE_DIR) / "practica" / "static" / "icons"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "favicon.svg").write_text(SVG)
        draw(192, maskable=False).save(folder / "icon-192.png", optimize=True)
        draw(512, maskable=False).save(folder / "icon-512.png", optimize=True)
        draw(512, maskable=True).save(folder / "icon-maskable-512.png", optimize=True)
        draw(192, maskable=True).save(folder / "icon-maskable-192.png", optimize=True)
        # iOS rounds the corners itself and shows transparency as black: a full square.
        draw(180, maskable=True).convert("RGB").save(folder / "apple-touch-icon.png")
        draw(48, maskable=False).save(folder / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
        self.stdout.write(f"Icons written to {folder}")
