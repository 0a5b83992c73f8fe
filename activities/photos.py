"""Photo uploads: checked by their content (not their name), limited in size, re-encoded smaller.

Re-encoding also drops EXIF data such as the GPS position of the phone that took the picture.
"""

import io
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}


def validate_photo(upload):
    if upload.size > settings.PHOTO_MAX_BYTES:
        raise ValidationError(
            _("De foto is te groot (%(size)s MB). Kies een foto van hoogstens %(max)s MB."),
            params={"size": round(upload.size / 1024 / 1024, 1), "max": settings.PHOTO_MAX_BYTES // 1024 // 1024},
        )
    try:
        upload.seek(0)
        # Opening reads only the header; verify() checks the file without decoding its pixels.
        with Image.open(upload) as image:
            image_format, (width, height) = image.format, image.size
            image.verify()
    except Image.DecompressionBombError as error:  # Pillow's own limit, far above ours
        raise _too_many_pixels() from error
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        raise ValidationError(_("Dit bestand is geen foto. Kies een JPG-, PNG- of WebP-bestand.")) from error
    finally:
        upload.seek(0)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("Kies een foto in JPG, PNG of WebP. Dit bestand is %(format)s."), params={"format": image_format}
        )
    # A small file can hold a huge image (one colour compresses well); decoding it takes 4 bytes a pixel.
    if width * height > settings.PHOTO_MAX_SOURCE_PIXELS:
        raise _too_many_pixels(_(" (%(width)s × %(height)s beeldpunten)") % {"width": width, "height": height})


def _too_many_pixels(size=""):
    return ValidationError(
        _(
            "De foto is te groot%(size)s. Kies een foto van hoogstens %(max)s miljoen beeldpunten, "
            "bijvoorbeeld een kleinere versie."
        ),
        params={"size": size, "max": settings.PHOTO_MAX_SOURCE_PIXELS // 1_000_000},
    )


def resized_photo(upload):
    """A JPEG no larger than PHOTO_MAX_PIXELS on its longest side."""
    upload.seek(0)
    with Image.open(upload) as image:
        image = ImageOps.exif_transpose(image)
        image.thumbnail((settings.PHOTO_MAX_PIXELS, settings.PHOTO_MAX_PIXELS))
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, format="JPEG", quality=82, optimize=True)
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.jpg")
