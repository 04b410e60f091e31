"""Checking and cleaning uploaded screenshots and video stills before anything is stored.

The type is decided by the content (Pillow must open and fully decode it), never by the name or the
browser's content type. The stored file is a fresh encoding of the pixels only, so EXIF (GPS,
camera, time), XMP and ICC text never reach the disk.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

ALLOWED_FORMATS = {
    "PNG": ("png", "image/png"),
    "JPEG": ("jpg", "image/jpeg"),
    "WEBP": ("webp", "image/webp"),
}
# A decompression bomb is refused as corrupt rather than decoded.
MAX_PIXELS = 50_000_000


@dataclass(frozen=True)
class CleanImage:
    content: ContentFile
    extension: str
    content_type: str
    width: int
    height: int


def clean_image(upload: UploadedFile) -> CleanImage:
    """The upload re-encoded without metadata, or a ValidationError in plain Dutch."""
    limit = int(settings.LONT_UPLOAD_MAX_BYTES)
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("Het bestand is te groot (maximaal %(mb)s MB).") % {"mb": limit // (1024 * 1024)}
        )
    data = upload.read()
    if len(data) > limit:
        raise ValidationError(
            _("Het bestand is te groot (maximaal %(mb)s MB).") % {"mb": limit // (1024 * 1024)}
        )
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format or ""
            if kind not in ALLOWED_FORMATS:
                raise ValidationError(
                    _("Alleen afbeeldingen in PNG, JPEG of WebP zijn toegestaan.")
                )
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(_("De afbeelding is te groot om te verwerken."))
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            pixels = _pixels_only(image)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _(
                "Het bestand is geen geldige afbeelding of is beschadigd. Kies een PNG-, JPEG- of WebP-bestand."
            )
        ) from None
    extension, content_type = ALLOWED_FORMATS[kind]
    out = io.BytesIO()
    if kind == "JPEG":
        pixels.convert("RGB").save(out, format="JPEG", quality=90)
    else:
        pixels.save(out, format=kind)
    return CleanImage(
        content=ContentFile(out.getvalue(), name=f"upload.{extension}"),
        extension=extension,
        content_type=content_type,
        width=pixels.width,
        height=pixels.height,
    )


def _pixels_only(image: Image.Image) -> Image.Image:
    """A new image with the same pixels and no info dict (EXIF, XMP, ICC, text chunks)."""
    mode = image.mode if image.mode in ("RGB", "RGBA", "L", "LA") else "RGBA"
    source = image.convert(mode)
    clean = Image.new(mode, source.size)
    clean.paste(source)
    return clean
