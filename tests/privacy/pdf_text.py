"""Text of a reportlab PDF for assertions, without a PDF library: decode each content stream
(ASCII85 then Flate, reportlab's default) and join the strings shown with ``Tj``/``TJ``."""

from __future__ import annotations

import base64
import re
import zlib

STREAM = re.compile(rb"/Filter \[ /ASCII85Decode /FlateDecode \].*?stream\r?\n(.*?)endstream", re.S)
OCTAL = re.compile(rb"\\([0-7]{3})")
SHOWN = re.compile(rb"\((.*?)(?<!\\)\)\s*Tj")


def pdf_text(data: bytes) -> str:
    parts = []
    for raw in STREAM.findall(data):
        encoded = raw.strip()
        encoded = encoded.removeprefix(b"<~")
        encoded = encoded[: encoded.rfind(b"~>")] if b"~>" in encoded else encoded
        try:
            content = zlib.decompress(base64.a85decode(encoded, adobe=False, ignorechars=b"\r\n "))
        except (ValueError, zlib.error):
            continue
        for shown in SHOWN.findall(content):
            text = OCTAL.sub(lambda m: bytes([int(m.group(1), 8)]), shown)
            text = text.replace(rb"\(", b"(").replace(rb"\)", b")").replace(rb"\\", b"\\")
            parts.append(text.decode("latin-1"))
    return " ".join(parts)
