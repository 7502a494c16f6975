"""Where an exported file comes from, written into the file itself: the exact filters, the
data version and hash, every seed in full. The picture carries two lines for readers; the
metadata carries what a fact-checker needs to make the same file again.

PNG gets ``iTXt`` chunks (UTF-8 text, keyword ``timeline:<field>``), SVG a ``<metadata>``
element (with ``<title>`` and ``<desc>`` for screen readers), PDF an Info dictionary added by
an incremental update (the drawing is left byte for byte), HTML ``<meta>`` tags.
"""

from __future__ import annotations

import html
import re
import struct
import zlib
from collections.abc import Mapping

PREFIX = "timeline:"
# The same fields under the names each format's readers know.
PNG_STANDARD = {"Title": "Title", "Description": "Description"}
PDF_NAMES = {
    "Source": "Sources",
    "Filters": "Filters",
    "Data version": "DataVersion",
    "Data SHA-256": "DataSHA256",
    "Data as of": "DataAsOf",
    "Exported": "Exported",
}
SVG_NAMESPACE = "https://github.com/timeline/provenance"


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def _itxt(keyword: str, text: str) -> bytes:
    # keyword (Latin-1, 1-79 bytes), NUL, no compression, method 0, no language, no
    # translated keyword, then the UTF-8 text.
    name = keyword.encode("latin-1", "replace")[:79]
    return _chunk(b"iTXt", name + b"\0\0\0\0\0" + text.encode("utf-8"))


def png(data: bytes, fields: Mapping[str, str], *, title: str, description: str) -> bytes:
    """The PNG with a text chunk per field, after its header chunk."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    header_end = 8 + 12 + struct.unpack(">I", data[8:12])[0]
    chunks = [_itxt("Title", title), _itxt("Description", description)]
    chunks += [_itxt(PREFIX + key, value) for key, value in fields.items()]
    return data[:header_end] + b"".join(chunks) + data[header_end:]


def png_text(data: bytes) -> dict[str, str]:
    """The iTXt and tEXt chunks of a PNG: keyword -> text."""
    found, at = {}, 8
    while at < len(data):
        length = struct.unpack(">I", data[at : at + 4])[0]
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        if kind == b"iTXt":
            keyword, rest = body.split(b"\0", 1)
            text = rest[2:].split(b"\0", 2)[2]  # past the flags, language and translated key
            found[keyword.decode("latin-1")] = text.decode("utf-8")
        elif kind == b"tEXt":
            keyword, text = body.split(b"\0", 1)
            found[keyword.decode("latin-1")] = text.decode("latin-1")
        at += 12 + length
    return found


def svg(data: bytes, fields: Mapping[str, str], *, title: str, description: str) -> bytes:
    """The SVG with ``<title>``, ``<desc>`` and ``<metadata>`` as its first children."""
    text = data.decode("utf-8")
    opening = re.search(r"<svg\b[^>]*>", text)
    if opening is None:
        raise ValueError("not an SVG")
    entries = "".join(
        f'<field name="{html.escape(key, quote=True)}">{html.escape(value)}</field>'
        for key, value in fields.items()
    )
    added = (
        f"<title>{html.escape(title)}</title><desc>{html.escape(description)}</desc>"
        f'<metadata><provenance xmlns="{SVG_NAMESPACE}">{entries}</provenance></metadata>'
    )
    return (text[: opening.end()] + added + text[opening.end() :]).encode("utf-8")


def _pdf_text(value: str) -> str:
    """A PDF text string: UTF-16 with its byte-order mark, in hexadecimal (nothing to escape)."""
    return "<" + ("\ufeff" + value).encode("utf-16-be").hex().upper() + ">"


def pdf(data: bytes, fields: Mapping[str, str], *, title: str, description: str) -> bytes:
    """The PDF with an Info dictionary of the fields, added as an incremental update."""
    trailer = data[data.rfind(b"trailer") :]
    size = re.search(rb"/Size\s+(\d+)", trailer)
    root = re.search(rb"/Root\s+(\d+\s+\d+\s+R)", trailer)
    previous = re.search(rb"startxref\s+(\d+)", trailer)
    if not (size and root and previous):
        raise ValueError("not a PDF with a cross-reference table")
    number = int(size.group(1))
    entries = {"Title": title, "Subject": description, "Creator": "python -m timeline export"}
    entries |= {PDF_NAMES.get(key, re.sub(r"\W", "", key)): value for key, value in fields.items()}
    info = "".join(f"/{name} {_pdf_text(value)}\n" for name, value in entries.items())
    body = data if data.endswith(b"\n") else data + b"\n"
    offset = len(body)
    obj = f"{number} 0 obj\n<<\n{info}>>\nendobj\n".encode("ascii")
    xref_at = offset + len(obj)
    update = (
        f"xref\n{number} 1\n{offset:010d} 00000 n \n"
        f"trailer\n<</Size {number + 1} /Root {root.group(1).decode()} /Info {number} 0 R "
        f"/Prev {previous.group(1).decode()}>>\nstartxref\n{xref_at}\n%%EOF\n"
    ).encode("ascii")
    return body + obj + update


def html_meta(fields: Mapping[str, str], *, description: str) -> str:
    """``<meta>`` tags: the description, then one per field."""
    tags = [f'<meta name="description" content="{html.escape(description, quote=True)}">']
    tags += [
        f'<meta name="{PREFIX}{html.escape(key.lower().replace(" ", "-"), quote=True)}" '
        f'content="{html.escape(value, quote=True)}">'
        for key, value in fields.items()
    ]
    return "\n".join(tags) + "\n"
