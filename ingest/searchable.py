"""Searchable PDFs of scans: each page the scan's image with an invisible text layer on top.

Tesseract can draw the page image into its PDF itself, but that costs it about 85 ms a
page at 300 DPI (it recompresses the whole image with zlib), a tenth of the OCR time; so
it is asked for the text layer only (``textonly_pdf``) and the image is put under it here:
JPEG from Pillow's libjpeg-turbo for grey and colour (~10 ms), Flate for bilevel scans.
The page keeps the physical size Tesseract gave the text layer (pixels / DPI), so text and
image line up.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Mapping, Sequence

import pypdf
from PIL import Image
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
)

JPEG_QUALITY = 70  # scans stay legible; ~0.5 MB for an A4 page at 300 DPI in grey


def page_pdf(image: Image.Image, dpi: int, text_layer: bytes | None = None) -> bytes:
    """A one-page PDF showing ``image`` at ``dpi``, under the text layer's page if given."""
    writer = pypdf.PdfWriter()
    if text_layer:
        page = writer.add_page(pypdf.PdfReader(io.BytesIO(text_layer)).pages[0])
    else:
        page = writer.add_blank_page(image.width * 72 / dpi, image.height * 72 / dpi)
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    image_ref = writer._add_object(_image_xobject(image))
    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else DictionaryObject()
    page[NameObject("/Resources")] = resources
    xobjects = resources.get("/XObject")
    xobjects = xobjects.get_object() if xobjects is not None else DictionaryObject()
    xobjects[NameObject("/HosoScan")] = image_ref
    resources[NameObject("/XObject")] = xobjects
    draw = DecodedStreamObject()
    draw.set_data(f"q {width:.4f} 0 0 {height:.4f} 0 0 cm /HosoScan Do Q\n".encode("ascii"))
    contents = page.get("/Contents")
    existing = [] if contents is None else (
        list(contents.get_object()) if isinstance(contents.get_object(), ArrayObject)
        else [contents])
    page[NameObject("/Contents")] = ArrayObject([writer._add_object(draw), *existing])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def merge_pages(pdfs: Sequence[bytes]) -> bytes:
    """One PDF from one-page PDFs, in order."""
    writer = pypdf.PdfWriter()
    for data in pdfs:
        for page in pypdf.PdfReader(io.BytesIO(data)).pages:
            writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def replace_pages(pdf: bytes, pages: Mapping[int, bytes]) -> bytes:
    """``pdf`` with its page ``n`` (1-based) replaced by the one-page PDF ``pages[n]``."""
    writer = pypdf.PdfWriter()
    for n, page in enumerate(pypdf.PdfReader(io.BytesIO(pdf)).pages, start=1):
        writer.add_page(pypdf.PdfReader(io.BytesIO(pages[n])).pages[0] if n in pages else page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _image_xobject(image: Image.Image) -> DecodedStreamObject:
    """The image as a PDF image stream: bytes already encoded, with the filter that says how."""
    if image.mode == "1":
        data, filt, space, bits = zlib.compress(image.tobytes(), 6), "/FlateDecode", "/DeviceGray", 1
    else:
        if image.mode not in ("L", "RGB"):
            image = image.convert("RGB")
        buf = io.BytesIO()
        image.save(buf, "JPEG", quality=JPEG_QUALITY)
        data, filt, bits = buf.getvalue(), "/DCTDecode", 8
        space = "/DeviceGray" if image.mode == "L" else "/DeviceRGB"
    stream = DecodedStreamObject()
    stream.set_data(data)  # written as is; /Filter tells readers how to decode it
    stream.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Image"),
        NameObject("/Width"): NumberObject(image.width),
        NameObject("/Height"): NumberObject(image.height),
        NameObject("/ColorSpace"): NameObject(space),
        NameObject("/BitsPerComponent"): NumberObject(bits),
        NameObject("/Filter"): NameObject(filt),
    })
    return stream
