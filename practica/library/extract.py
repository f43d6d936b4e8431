"""Text from uploaded documents, kept for search: PDF, Word, PowerPoint, Excel, OpenDocument,
plain text and CSV.

It runs in the task worker, so a hostile file must not be able to exhaust it. Everything is
read as a stream: zip parts through `uploads.archives` (directory checked first, each part
bounded while it decompresses), XML with a push parser that builds no tree, PDF with pypdf's
limits. Extraction stops, keeping what it has, at EXTRACT_MAX_TEXT characters,
EXTRACT_MAX_READ decompressed bytes or EXTRACT_MAX_SECONDS.
"""

import codecs
import logging
import re
import time
from typing import IO

from .uploads.archives import ArchiveTooLarge, Budget, open_archive, read_member
from .uploads.limits import (
    EXTRACT_MAX_READ,
    EXTRACT_MAX_SECONDS,
    EXTRACT_MAX_TEXT,
    PDF_MAX_PAGES,
)
from .uploads.pdf import pdf_limits

logger = logging.getLogger(__name__)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
T = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


class _Stop(Exception):
    """A limit is reached: keep the text gathered so far."""


class _Text:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.left = EXTRACT_MAX_TEXT
        self.deadline = time.monotonic() + EXTRACT_MAX_SECONDS

    def add(self, text: str) -> None:
        if len(text) >= self.left:
            self.parts.append(text[: self.left])
            raise _Stop("text")
        self.parts.append(text)
        self.left -= len(text)

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise _Stop("time")

    def value(self) -> str:
        return re.sub(r"\n{3,}", "\n\n", "".join(self.parts)).strip()


class _XmlText:
    """An lxml parser target: gathers the character data inside `text` elements, with a line
    break after each `block` and a tab or a break for the `tab` and `line` elements."""

    def __init__(
        self, out: _Text, text: set[str], block: set[str], tab: set[str], line: set[str]
    ) -> None:
        self.out, self.text, self.block, self.tab, self.line = out, text, block, tab, line
        self.inside = 0

    def start(self, tag: str, attrib: object) -> None:
        if tag in self.text:
            self.inside += 1
        elif self.inside and tag in self.tab:
            self.out.add("\t")
        elif self.inside and tag in self.line:
            self.out.add("\n")

    def end(self, tag: str) -> None:
        if tag in self.text:
            self.inside -= 1
        if tag in self.block:
            self.out.add("\n")

    def data(self, data: str) -> None:
        if self.inside:
            self.out.add(data)

    def close(self) -> None:
        return None


# extension → (which parts, the target's text, block, tab and line elements)
XML_FORMATS: dict[str, tuple[re.Pattern[str], set[str], set[str], set[str], set[str]]] = {
    "docx": (
        re.compile(r"word/(document|footnotes|endnotes)\.xml"),
        {f"{W}t"},
        {f"{W}p"},
        {f"{W}tab"},
        {f"{W}br", f"{W}cr"},
    ),
    "pptx": (re.compile(r"ppt/slides/slide\d+\.xml"), {f"{A}t"}, {f"{A}p"}, set(), {f"{A}br"}),
    "xlsx": (re.compile(r"xl/sharedStrings\.xml"), {f"{S}t"}, {f"{S}si"}, set(), set()),
    **{
        extension: (
            re.compile(r"content\.xml"),
            {f"{T}p", f"{T}h"},
            {f"{T}p", f"{T}h"},
            {f"{T}tab"},
            {f"{T}line-break"},
        )
        for extension in ("odt", "ods", "odp")
    },
}


def extract_text(file: IO[bytes], extension: str) -> str:
    """Best effort: a document that cannot be read yields no text, never an error; one that
    reaches a limit yields the text found until then."""
    out = _Text()
    try:
        if extension == "pdf":
            _pdf(file, out)
        elif extension in XML_FORMATS:
            _archive(file, extension, out)
        elif extension in ("txt", "csv"):
            _plain(file, out)
    except _Stop as stop:
        logger.info("Text extraction stopped at its %s limit", stop)
    except Exception as error:  # a damaged or refused document: keep what was read
        logger.info("Text extraction ended early: %s", type(error).__name__)
    return out.value()


def _archive(file: IO[bytes], extension: str, out: _Text) -> None:
    from lxml import etree

    parts, *elements = XML_FORMATS[extension]
    archive = open_archive(file)
    names = sorted(
        (n for n in archive.namelist() if parts.fullmatch(n)),
        key=lambda n: [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", n)],
    )
    budget = Budget(EXTRACT_MAX_READ)
    for name in names:
        parser = etree.XMLParser(
            target=_XmlText(out, *elements),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
        )
        try:
            for chunk in read_member(archive, archive.getinfo(name), budget):
                parser.feed(chunk)
                out.check_time()
        except ArchiveTooLarge as error:
            raise _Stop("size") from error
        parser.close()


def _pdf(file: IO[bytes], out: _Text) -> None:
    from pypdf import PdfReader

    with pdf_limits():
        reader = PdfReader(file)
        if len(reader.pages) > PDF_MAX_PAGES:
            raise _Stop("pages")
        for page in reader.pages:
            out.check_time()
            try:
                text = page.extract_text() or ""
            except Exception as error:  # one unreadable or over-limit page: go on
                logger.info("Text extraction skipped a page: %s", type(error).__name__)
                continue
            out.add(text + "\n")


def _plain(file: IO[bytes], out: _Text) -> None:
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="replace")
    while chunk := file.read(64 * 1024):
        out.add(decoder.decode(chunk))
    out.add(decoder.decode(b"", final=True))
