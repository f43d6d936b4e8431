"""Hostile files made on the spot, small on disk: zip bombs, documents with macros, PDFs with
JavaScript, images with something appended."""

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

from PIL import Image

from practica.demo.files import write_pdf

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Override PartName="/{main}" ContentType="application/vnd.openxmlformats-officedocument.'
    '{kind}.main+xml"/>{extra}</Types>'
)
RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="{main}"/></Relationships>'
)
MAIN = {
    "docx": ("word/document.xml", "wordprocessingml.document"),
    "xlsx": ("xl/workbook.xml", "spreadsheetml.sheet"),
    "pptx": ("ppt/presentation.xml", "presentationml.presentation"),
}


@dataclass
class Deflated:
    """A member's raw deflate stream, made without ever holding the whole content."""

    data: bytes
    crc: int
    size: int


def _block(data: bytes, final: bool = False) -> bytes:
    # A fresh compressor and a full flush: the block refers to nothing before it and ends
    # on a byte boundary, so blocks can be repeated and concatenated.
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(
        zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH
    )


def repeated(prefix: bytes, unit: bytes, times: int, suffix: bytes) -> Deflated:
    """`prefix + unit * times + suffix`, deflated: `unit` is compressed once."""
    crc = zlib.crc32(prefix)
    for _ in range(times):
        crc = zlib.crc32(unit, crc)
    crc = zlib.crc32(suffix, crc)
    return Deflated(
        _block(prefix) + _block(unit) * times + _block(suffix, final=True),
        crc,
        len(prefix) + len(unit) * times + len(suffix),
    )


def make_zip(
    members: list[tuple[str, bytes | Deflated]], lie: dict[str, int] | None = None
) -> bytes:
    """A zip file; `lie` gives a smaller decompressed size to declare for some members."""
    out, central = io.BytesIO(), []
    for name, body in members:
        if isinstance(body, Deflated):
            method, raw, crc, size = 8, body.data, body.crc, body.size
        elif name == "mimetype":  # OpenDocument wants it first and stored
            method, raw, crc, size = 0, body, zlib.crc32(body), len(body)
        else:
            compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
            raw = compressor.compress(body) + compressor.flush()
            method, crc, size = 8, zlib.crc32(body), len(body)
        size = (lie or {}).get(name, size)
        encoded, offset = name.encode(), out.tell()
        fields = (method, 0, 0x21, crc, len(raw), size, len(encoded))
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, *fields, 0) + encoded + raw)
        central.append(
            struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, *fields, 0, 0, 0, 0, 0, offset)
            + encoded
        )
    directory = b"".join(central)
    start = out.tell()
    out.write(directory)
    out.write(
        struct.pack(
            "<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), len(directory), start, 0
        )
    )
    return out.getvalue()


def _package(extension: str, extra: str) -> tuple[bytes, bytes]:
    """`[Content_Types].xml` and `_rels/.rels` that name the main part, as Office wants."""
    main, kind = MAIN[extension]
    types = CONTENT_TYPES.format(main=main, kind=kind, extra=extra).encode()
    return types, RELS.format(main=main).encode()


def docx_xml(body: str) -> bytes:
    return f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'.encode()


def paragraphs(*texts: str) -> str:
    return "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts)


def office(
    extension: str,
    main: bytes | Deflated | None = None,
    extra: list[tuple[str, bytes]] = (),
    types: str = "",
) -> bytes:
    """A minimal docx, xlsx, pptx or odt whose text part is `main`."""
    if extension == "docx":
        parts = [("word/document.xml", main or docx_xml(paragraphs("Hello from Word")))]
    elif extension == "xlsx":
        strings = (
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b"<si><t>Hello from Excel</t></si></sst>"
        )
        parts = [
            ("xl/workbook.xml", b"<workbook/>"),
            ("xl/sharedStrings.xml", main or strings),
        ]
    elif extension == "pptx":
        slide = (
            b'<p:sld xmlns:p="urn:p" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/'
            b'main"><a:p><a:r><a:t>Hello from PowerPoint</a:t></a:r></a:p></p:sld>'
        )
        parts = [
            ("ppt/presentation.xml", b"<presentation/>"),
            ("ppt/slides/slide1.xml", main or slide),
        ]
    else:
        content = (
            b'<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
            b'office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
            b"<office:body><office:text><text:p>Hello from Writer</text:p></office:text>"
            b"</office:body></office:document-content>"
        )
        return make_zip(
            [
                ("mimetype", b"application/vnd.oasis.opendocument.text"),
                ("content.xml", main or content),
                ("META-INF/manifest.xml", b"<manifest/>"),
                *extra,
            ]
        )
    content_types, rels = _package(extension, types)
    return make_zip([("[Content_Types].xml", content_types), *parts, ("_rels/.rels", rels), *extra])


def docx_bomb(gib: float = 1.0) -> bytes:
    """About 3 MB on disk per GiB of short paragraphs in its document.xml."""
    unit = paragraphs(*["Zip bomb paragraph"] * 20000).encode()
    times = int(gib * 1024**3 / len(unit))
    prefix, suffix = docx_xml("").split(b"</w:body>")
    return office("docx", repeated(prefix, unit, times, b"</w:body>" + suffix))


def pdf(
    catalog_extra: bytes = b"",
    pages: int = 1,
    content: bytes = b"BT /F1 12 Tf 20 50 Td (Hello) Tj ET",
    content_filter: bytes = b"",
) -> bytes:
    """A PDF of `pages` pages sharing one content stream, with extra catalog entries."""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b" >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Length %d %s >>\nstream\n" % (len(content), content_filter)
        + content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *[
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 3 0 R "
            b"/Resources << /Font << /F1 4 0 R >> >> >>"
        ]
        * pages,
    ]
    return write_pdf(objects)


def image(fmt: str, size: tuple[int, int] = (40, 20), colour=(31, 95, 139), **params) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format=fmt, **params)
    return out.getvalue()


def jar() -> bytes:
    """A Java archive (a zip with a manifest and a class name), as in a GIFAR."""
    return make_zip(
        [
            ("META-INF/MANIFEST.MF", b"Manifest-Version: 1.0\nMain-Class: Evil\n"),
            ("Evil.class", b"\xca\xfe\xba\xbe" + b"\x00" * 64),
        ]
    )


def deflated_members(content: bytes) -> list[tuple[str, bytes | Deflated]]:
    """The members of a zip, each deflate stream kept as it is (to rebuild it with lies)."""
    archive = zipfile.ZipFile(io.BytesIO(content))
    members: list[tuple[str, bytes | Deflated]] = []
    for info in archive.infolist():
        start = info.header_offset + 30 + len(info.filename.encode())
        raw = content[start : start + info.compress_size]
        members.append((info.filename, Deflated(raw, info.CRC, info.file_size)))
    return members


def pdf_bomb(mib: int) -> bytes:
    """A one-page PDF whose content stream inflates to `mib` MiB."""
    unit = b" " * (1024 * 1024)
    stream = repeated(b"", unit, mib, b"")
    adler = 1
    for _ in range(mib):
        adler = zlib.adler32(unit, adler)
    return pdf(
        content=b"\x78\xda" + stream.data + adler.to_bytes(4, "big"),
        content_filter=b"/Filter /FlateDecode",
    )


def word97(macros: bool) -> bytes:
    """A Word 97-2003 file (an OLE2 compound file) whose WordDocument stream starts with the
    Word signature, with a `Macros` storage if asked: where Word keeps a VBA project."""
    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"", 0x3E, 3, 0xFFFE, 9, 6, b"",
        0, 1, 8, 0, 4096, end, 0, end, 0,
    ) + struct.pack("<109I", 9, *[free] * 108)  # fmt: skip

    def entry(name: str, kind: int, child: int = free, right: int = free, start: int = end,
              size: int = 0) -> bytes:  # fmt: skip
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        return struct.pack(
            "<64sHBBIII16sI16sIII",
            encoded, len(encoded), kind, 1, free, right, child, b"", 0, b"", start, size, 0,
        )  # fmt: skip

    document = b"\xec\xa5\xc1\x00" + b"\x00" * 4092  # 8 sectors, beyond the mini stream
    directory = (
        entry("Root Entry", 5, child=1)
        + entry("WordDocument", 2, right=2 if macros else free, start=0, size=len(document))
        + (entry("Macros", 1) if macros else entry("", 0))
        + entry("", 0)
    )
    fat = struct.pack("<10I", 1, 2, 3, 4, 5, 6, 7, end, end, fat_sector) + b"\xff" * 472
    return header + document + directory + fat
