"""Avatar images: decoded in full and re-encoded as a fresh PNG before anything is stored.

Whatever was uploaded (a GIF that is also a script, a truncated file, EXIF with a location), what
is kept is only pixels Pillow decoded itself. The size is limited in bytes and in pixels
(AVATAR_MAX_PIXELS, read from the header before decoding): a small file can unpack to gigabytes.
Every failure is a form error, raised before the old picture is touched.
"""

import warnings
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext, gettext_lazy
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
UNREADABLE = gettext_lazy("This file is not an image we can read. Upload a JPEG, PNG, WebP or GIF picture.")


def _too_many_pixels() -> ValidationError:
    megapixels = settings.AVATAR_MAX_PIXELS // 1_000_000
    return ValidationError(
        gettext("The image has too many pixels: the limit is %(limit)s megapixels.") % {"limit": megapixels},
        code="too_many_pixels",
    )


def avatar_from_upload(upload) -> ContentFile:
    """A square PNG of AVATAR_SIZE pixels made from the upload, or a ValidationError saying why not."""
    if upload.size > settings.AVATAR_MAX_BYTES:
        limit_mb = settings.AVATAR_MAX_BYTES // (1024 * 1024)
        raise ValidationError(
            gettext("The image is too large: the limit is %(limit)s MB.") % {"limit": limit_mb},
            code="too_large",
        )
    size = settings.AVATAR_SIZE
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                if image.format not in ALLOWED_FORMATS:
                    raise ValidationError(gettext("Upload a JPEG, PNG, WebP or GIF image."), code="format")
                if image.width * image.height > settings.AVATAR_MAX_PIXELS:
                    raise _too_many_pixels()
                image.load()  # decodes every byte: a truncated or corrupt file fails here
                picture = ImageOps.exif_transpose(image).convert("RGBA")
        square = ImageOps.fit(picture, (size, size), method=Image.Resampling.LANCZOS)
        buffer = BytesIO()
        square.save(buffer, format="PNG", optimize=True)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels() from error  # Pillow's own, higher limit, met while opening
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError) as error:
        raise ValidationError(UNREADABLE, code="invalid") from error
    finally:
        upload.seek(0)
    return ContentFile(buffer.getvalue(), name="avatar.png")
