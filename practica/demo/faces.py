"""Faces for the demo: portraits for some members, colours for every community and emblems
for a few, all drawn here (nothing copied) and put through the same pipeline as uploads."""

import io
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

from practica.accounts.models import User
from practica.accounts.services import profile_update
from practica.communities.models import Community
from practica.core.faces import PALETTE
from practica.core.pictures import replace_pictures, square_pictures

SKIN = [(241, 194, 167), (224, 172, 105), (198, 134, 66), (141, 85, 36), (94, 59, 34)]
HAIR = [(35, 24, 21), (90, 56, 37), (181, 130, 72), (150, 150, 150), (20, 20, 20)]
BACKDROPS = [(214, 228, 240), (232, 222, 210), (220, 236, 222), (238, 226, 236), (225, 225, 230)]
CLOTHES = [(40, 60, 90), (90, 40, 50), (50, 80, 60), (70, 70, 80), (120, 90, 40)]


def _jpeg(image: Image.Image, name: str) -> SimpleUploadedFile:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def portrait(rng: random.Random) -> SimpleUploadedFile:
    """A simple drawn head and shoulders, like an illustrated profile picture."""
    image = Image.new("RGB", (320, 320), rng.choice(BACKDROPS))
    draw = ImageDraw.Draw(image)
    skin, hair = rng.choice(SKIN), rng.choice(HAIR)
    draw.ellipse((60, 215, 260, 420), fill=rng.choice(CLOTHES))  # shoulders
    draw.rectangle((140, 180, 180, 230), fill=skin)  # neck
    long_hair = rng.random() < 0.5
    if long_hair:
        draw.rounded_rectangle((92, 70, 228, 235), radius=60, fill=hair)
    draw.ellipse((105, 80, 215, 205), fill=skin)  # face
    draw.pieslice((100, 62, 220, 170), 180, 360, fill=hair)  # hair on top
    for x in (137, 183):  # eyes
        draw.ellipse((x - 5, 135, x + 5, 145), fill=(40, 30, 30))
    draw.arc((140, 150, 180, 180), 20, 160, fill=(120, 60, 60), width=3)  # smile
    if rng.random() < 0.3:  # glasses
        for x in (137, 183):
            draw.ellipse((x - 15, 126, x + 15, 154), outline=(30, 30, 30), width=3)
        draw.line((152, 140, 168, 140), fill=(30, 30, 30), width=3)
    return _jpeg(image, "portrait.jpg")


def emblem_picture(rng: random.Random, colour: str) -> SimpleUploadedFile:
    """A geometric emblem on the community's colour: rings, a chevron or a diamond."""
    rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    image = Image.new("RGB", (256, 256), rgb)
    draw = ImageDraw.Draw(image)
    white = (255, 255, 255)
    shape = rng.choice(["rings", "chevron", "diamond"])
    if shape == "rings":
        for r in (90, 60, 30):
            draw.ellipse((128 - r, 128 - r, 128 + r, 128 + r), outline=white, width=12)
    elif shape == "chevron":
        draw.line([(48, 170), (128, 80), (208, 170)], fill=white, width=28, joint="curve")
        draw.line([(48, 215), (128, 125), (208, 215)], fill=white, width=16, joint="curve")
    else:
        draw.polygon([(128, 30), (226, 128), (128, 226), (30, 128)], outline=white, width=14)
        draw.ellipse((104, 104, 152, 152), fill=white)
    return _jpeg(image, "emblem.jpg")


def seed_faces(rng: random.Random) -> None:
    """Photos for about a third of the members (the demo logins included, but the
    applicant, who stays on initials), a colour for every community, emblems for some."""
    people = list(User.objects.filter(is_active=True).exclude(display_name="").order_by("pk"))
    for person in people:
        if person.email == "applicant@example.org":
            continue
        if person.email in ("chair@example.org", "member@example.org") or rng.random() < 0.33:
            profile_update(user=person, photo=portrait(rng))
    colours = list(PALETTE)
    for index, community in enumerate(Community.objects.order_by("pk")):
        community.colour = colours[(index * 5) % len(colours)]
        if index % 3 == 0:
            upload = emblem_picture(rng, PALETTE[community.colour][0])
            replace_pictures(community, ("emblem", "emblem_small"), square_pictures(upload))
        community.save()
