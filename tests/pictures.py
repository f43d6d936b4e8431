"""Pictures for tests of photos and emblems, made here with Pillow."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def photo(
    name: str = "me.jpg", size: tuple[int, int] = (600, 400), fmt: str = "JPEG", exif: bool = False
) -> SimpleUploadedFile:
    """A landscape picture, half red and half blue; with `exif`, a camera's metadata and
    where it was taken."""
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((30, 30, 200), (size[0] // 2, 0, size[0], size[1]))
    buffer = io.BytesIO()
    params = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "SpyCam Inc"  # Make
        data[0x8825] = {1: "N", 2: (45.0, 30.0, 0.0)}  # GPS: latitude
        params["exif"] = data.tobytes()
    image.save(buffer, fmt, **params)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def open_picture(content: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(content))
    image.load()
    return image
