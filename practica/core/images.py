"""Images are decoded and written again by Pillow, and only the new bytes are kept.

That drops whatever else the file carried: metadata (location, camera, comments), markup or
an archive hidden in it, and any trick aimed at a browser's content sniffing. PNG, GIF and
WebP files with data appended after the image's end are refused outright, to tell the
uploader; JPEG files are not, because many cameras and phones append data of their own, which
re-encoding drops. Animations (GIF, animated PNG and WebP) keep their frames and timing within
limits; EXIF orientation is applied before the EXIF data goes; colours in an embedded ICC
profile are converted to sRGB.
"""

import contextlib
import io
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from practica.core.errors import ServiceError

if TYPE_CHECKING:
    from PIL import Image

# Images are decoded and written again; these bound the memory that takes.
IMAGE_MAX_PIXELS = 40_000_000  # one frame: about 120 MB of RGB
ANIMATION_MAX_FRAMES = 500
ANIMATION_MAX_PIXELS = 25_000_000  # all frames together

PILLOW_FORMATS = {"png": "PNG", "jpg": "JPEG", "gif": "GIF", "webp": "WEBP"}
MODES = {
    "png": {"1", "L", "LA", "P", "RGB", "RGBA", "I", "I;16"},
    "jpg": {"L", "RGB"},
    "gif": {"L", "P", "RGB", "RGBA"},
    "webp": {"RGB", "RGBA"},
}


def _damaged() -> ServiceError:
    return ServiceError(_("The image is damaged or not really an image."))


def reencode_image(content: bytes, extension: str) -> bytes:
    """The image written again from its pixels, or ServiceError saying why it is refused."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    appended = appended_bytes(content, extension)
    if appended:
        raise ServiceError(
            _(
                "The image has %(n)s bytes of other data appended after its end (such as "
                "markup, a script or an archive). It is not accepted: save the image again "
                "from an image editor and upload that."
            )
            % {"n": appended}
        )
    try:
        with Image.open(io.BytesIO(content), formats=[PILLOW_FORMATS[extension]]) as image:
            _check_size(image.size, getattr(image, "n_frames", 1))
            frames, durations = [], []
            for frame in ImageSequence.Iterator(image):
                durations.append(frame.info.get("duration", 100))
                frames.append(_clean(frame, extension, animated=len(durations) > 1))
            loop = image.info.get("loop")
        out = io.BytesIO()
        params: dict[str, object] = {}
        if extension in ("jpg", "webp"):
            params["quality"] = 90
        if len(frames) > 1:
            params.update(save_all=True, append_images=frames[1:], duration=durations)
            if loop is not None:
                params["loop"] = loop
        frames[0].save(out, PILLOW_FORMATS[extension], **params)
    except ServiceError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError) as error:
        raise _damaged() from error
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError) as error:
        raise _damaged() from error
    return out.getvalue()


def _check_size(size: tuple[int, int], frames: int) -> None:
    width, height = size
    if width * height > IMAGE_MAX_PIXELS:
        raise ServiceError(
            _(
                "The image is %(w)s by %(h)s pixels; at most %(mp)s million pixels are "
                "accepted. Make it smaller and upload it again."
            )
            % {"w": width, "h": height, "mp": IMAGE_MAX_PIXELS // 1_000_000}
        )
    if frames > 1 and (
        frames > ANIMATION_MAX_FRAMES or frames * width * height > ANIMATION_MAX_PIXELS
    ):
        raise ServiceError(
            _(
                "The animation has %(n)s frames of %(w)s by %(h)s pixels; at most %(frames)s "
                "frames and %(mp)s million pixels in all are accepted. Shorten it or make it "
                "smaller."
            )
            % {
                "n": frames,
                "w": width,
                "h": height,
                "frames": ANIMATION_MAX_FRAMES,
                "mp": ANIMATION_MAX_PIXELS // 1_000_000,
            }
        )


def _clean(frame: "Image.Image", extension: str, animated: bool) -> "Image.Image":
    """A copy of the frame that carries pixels and nothing else."""
    from PIL import ImageCms, ImageOps

    image = frame.copy() if animated else ImageOps.exif_transpose(frame)
    profile = image.info.get("icc_profile")
    if profile and image.mode in ("RGB", "RGBA"):
        # An unreadable profile: keep the pixels as they are.
        with contextlib.suppress(ImageCms.PyCMSError, OSError, ValueError):
            converted = ImageCms.profileToProfile(
                image,
                ImageCms.ImageCmsProfile(io.BytesIO(profile)),
                ImageCms.createProfile("sRGB"),
                outputMode=image.mode,
            )
            image = converted or image
    if "transparency" in image.info:  # kept as an alpha channel, since `info` goes
        image = image.convert("RGBA")
    if image.mode not in MODES[extension]:
        has_alpha = image.mode in ("LA", "PA", "RGBA", "RGBa", "La") or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha and extension != "jpg" else "RGB")
    if image is frame:
        image = image.copy()
    image.info = {}
    return image


def appended_bytes(content: bytes, extension: str) -> int:
    """How many bytes follow the end of a PNG, GIF or WebP image (0 if none, or unknown)."""
    try:
        if extension == "png":
            end = _png_end(content)
        elif extension == "gif":
            end = _gif_end(content)
        elif extension == "webp":
            size = int.from_bytes(content[4:8], "little")
            end = 8 + size + (size & 1)
        else:
            return 0
    except IndexError:
        return 0  # truncated: Pillow decides whether it is an image at all
    return max(len(content) - end, 0)


def _png_end(content: bytes) -> int:
    position = 8
    while True:
        length = int.from_bytes(content[position : position + 4], "big")
        kind = content[position + 4 : position + 8]
        if len(kind) < 4:
            raise IndexError
        position += 12 + length
        if kind == b"IEND":
            return position


def _gif_end(content: bytes) -> int:
    def skip_blocks(position: int) -> int:
        while size := content[position]:
            position += 1 + size
        return position + 1

    position = 13
    if content[10] & 0x80:  # global colour table
        position += 3 * (2 << (content[10] & 7))
    while True:
        marker = content[position]
        if marker == 0x3B:  # trailer
            return position + 1
        if marker == 0x21:  # extension: label, then data blocks
            position = skip_blocks(position + 2)
        elif marker == 0x2C:  # image: descriptor, local colour table, LZW size, data blocks
            flags = content[position + 9]
            position += 10
            if flags & 0x80:
                position += 3 * (2 << (flags & 7))
            position = skip_blocks(position + 1)
        else:
            raise IndexError
