"""timeline.export.metadata: provenance written into PNG, SVG, PDF and HTML files."""

import io
import struct
import xml.etree.ElementTree as ET
import zlib

import pytest
from PIL import Image

from timeline.export import metadata

FIELDS = {"Filters": "category=troop-deployment&from=2024-06", "Data version": "git abc1234"}


def tiny_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (3, 2), "white").save(out, "PNG")
    return out.getvalue()


def test_png_gets_text_chunks_that_image_readers_see():
    data = metadata.png(tiny_png(), FIELDS, title="Troops “in” Kursk", description="Alt text")
    text = metadata.png_text(data)
    assert text["timeline:Filters"] == FIELDS["Filters"]
    assert text["timeline:Data version"] == "git abc1234"
    assert text["Title"] == "Troops “in” Kursk"
    image = Image.open(io.BytesIO(data))
    image.load()  # every chunk's checksum holds
    assert image.size == (3, 2)
    assert image.text["timeline:Filters"] == FIELDS["Filters"]


def test_png_chunks_have_valid_checksums():
    data = metadata.png(tiny_png(), FIELDS, title="T", description="D")
    at = 8
    while at < len(data):
        length = struct.unpack(">I", data[at : at + 4])[0]
        kind_and_body = data[at + 4 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert zlib.crc32(kind_and_body) & 0xFFFFFFFF == crc
        at += 12 + length


def test_svg_gets_title_desc_and_escaped_metadata():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>'
    fields = {"Source": "A <b>bold</b> & “quoted” source"}
    data = metadata.svg(svg, fields, title="<T>", description="D & E")
    root = ET.fromstring(data)
    ns = {"svg": "http://www.w3.org/2000/svg", "p": metadata.SVG_NAMESPACE}
    assert root.find("svg:title", ns).text == "<T>"
    assert root.find("svg:desc", ns).text == "D & E"
    (field,) = root.findall("svg:metadata/p:provenance/p:field", ns)
    assert (field.get("name"), field.text) == ("Source", fields["Source"])
    assert root.find("svg:rect", ns) is not None


def test_something_else_is_refused():
    with pytest.raises(ValueError, match="not a PNG"):
        metadata.png(b"GIF89a", FIELDS, title="T", description="D")
    with pytest.raises(ValueError, match="cross-reference"):
        metadata.pdf(b"%PDF-1.4\n", FIELDS, title="T", description="D")


def test_html_meta_tags_are_escaped():
    tags = metadata.html_meta({"Filters": 'q="x"&y'}, description="<alt>")
    assert '<meta name="description" content="&lt;alt&gt;">' in tags
    assert '<meta name="timeline:filters" content="q=&quot;x&quot;&amp;y">' in tags
