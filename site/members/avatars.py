"""Avatar images: checked to be real images, cropped square and resized before they are stored."""

from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
MAX_PIXELS = 40_000_000  # refuse decompression bombs before decoding


def validate_avatar(upload) -> None:
    if upload.size > settings.AVATAR_MAX_BYTES:
        limit_mb = settings.AVATAR_MAX_BYTES // (1024 * 1024)
        raise ValidationError(f"The image is too large: the limit is {limit_mb} MB.", code="too_large")
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError("Upload a JPEG, PNG, WebP or GIF image.", code="format")
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError("The image has too many pixels.", code="too_many_pixels")
            image.verify()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError("This file is not an image we can read.", code="invalid") from error
    finally:
        upload.seek(0)


def resized_avatar(upload) -> ContentFile:
    """A square PNG of AVATAR_SIZE pixels, without the original's metadata (EXIF, location)."""
    size = settings.AVATAR_SIZE
    upload.seek(0)
    with Image.open(upload) as image:
        image = ImageOps.exif_transpose(image).convert("RGBA")
        square = ImageOps.fit(image, (size, size), method=Image.Resampling.LANCZOS)
    buffer = BytesIO()
    square.save(buffer, format="PNG", optimize=True)
    return ContentFile(buffer.getvalue())
