"""Text from uploaded documents, kept for search (PDF, Word, OpenDocument, plain text)."""

import io

MAX_TEXT = 1_000_000


def extract_text(content: bytes, extension: str) -> str:
    """Best effort: a document that cannot be read yields no text, never an error."""
    try:
        if extension == "pdf":
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(content))
            text = "\n".join(page.extract_text() or "" for page in reader.pages)
        elif extension == "docx":
            from docx import Document

            document = Document(io.BytesIO(content))
            text = "\n".join(p.text for p in document.paragraphs)
        elif extension in ("odt", "odp", "ods"):
            from odf import teletype
            from odf import text as odf_text
            from odf.opendocument import load

            document = load(io.BytesIO(content))
            text = "\n".join(
                teletype.extractText(p) for p in document.getElementsByType(odf_text.P)
            )
        elif extension in ("txt", "csv"):
            text = content.decode("utf-8-sig", errors="replace")
        else:
            return ""
    except Exception:
        return ""
    return text[:MAX_TEXT]
