"""Static files storage for production: whitenoise's compressed, hashed files.

The npm packages we serve are collected as they are published, and one of them (the Utrecht
design tokens) refers in its CSS to an icon it does not ship. Django's manifest storage stops the
whole ``collectstatic`` on such a reference, so production could not start. A missing file under
``vendor/`` is left as an unhashed URL (the browser gets a 404 for one decorative icon); a missing
file of our own still fails, because that is a bug we must see.
"""

from __future__ import annotations

from typing import Any

from whitenoise.storage import CompressedManifestStaticFilesStorage

VENDOR_PREFIX = "vendor/"


class LontStaticFilesStorage(CompressedManifestStaticFilesStorage):
    def hashed_name(self, name: str, content: Any = None, filename: str | None = None) -> str:
        try:
            return super().hashed_name(name, content, filename)
        except ValueError:
            if name.startswith(VENDOR_PREFIX):
                return name
            raise
