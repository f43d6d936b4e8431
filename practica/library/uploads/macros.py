"""Office documents that carry code are refused, whatever their extension says.

- Office Open XML (docx, xlsx, pptx): a VBA project (`vbaProject.bin`, its content type or
  relationship), Excel 4 macro sheets, ActiveX controls. Office needs a part's content type
  to load it, so `[Content_Types].xml` names every part that could run.
- OpenDocument (odt, ods, odp): Basic modules under `Basic/` and scripts under `Scripts/`.
- Legacy binary files (doc, xls): a `Macros`, `VBA` or `_VBA_PROJECT_CUR` storage.
"""

import re
import zipfile
from typing import IO

from django.utils.translation import gettext as _

from practica.core.errors import ServiceError

from .archives import read_small_member
from .limits import MIB

OOXML_CODE = re.compile(
    rb"vbaProject|vbaData|macroEnabled|macrosheet|ms-office\.activeX|/activeX", re.I
)
OLE_MACRO_STORAGES = {"macros", "vba", "_vba_project_cur", "_vba_project"}


def _refuse_macros() -> ServiceError:
    return ServiceError(
        _(
            "The document contains macros (program code that runs when it is opened). "
            "Documents with macros are not accepted: save a copy without them (in Word, "
            "Excel or PowerPoint, as .docx, .xlsx or .pptx) and upload that."
        )
    )


def _refuse_activex() -> ServiceError:
    return ServiceError(
        _(
            "The document contains ActiveX controls (program code that runs when it is "
            "opened). Remove them, save a copy and upload that."
        )
    )


def check_ooxml(archive: zipfile.ZipFile) -> None:
    for name in archive.namelist():
        lower = name.lower()
        if lower.rsplit("/", 1)[-1] in ("vbaproject.bin", "vbadata.xml"):
            raise _refuse_macros()
        if "/activex/" in f"/{lower}":
            raise _refuse_activex()
    types = read_small_member(archive, "[Content_Types].xml", limit=2 * MIB) or b""
    found = OOXML_CODE.search(types)
    if found:
        raise _refuse_activex() if b"activex" in found.group().lower() else _refuse_macros()


def check_odf(archive: zipfile.ZipFile) -> None:
    for name in archive.namelist():
        top, _sep, rest = name.partition("/")
        if top == "Scripts" and rest:
            raise _refuse_macros()
        # Basic/script-lc.xml and <library>/script-lb.xml only list libraries; a module
        # (<library>/<module>.xml) holds code.
        if top == "Basic" and rest.count("/") == 1 and not rest.endswith(("/", "/script-lb.xml")):
            raise _refuse_macros()


def check_ole(file: IO[bytes]) -> None:
    """Word and Excel 97-2003 files keep their VBA project in a storage of its own."""
    import olefile

    try:
        with olefile.OleFileIO(file) as ole:
            entries = ole.listdir(streams=True, storages=True)
    except Exception as error:  # olefile raises many kinds on a malformed file
        raise ServiceError(
            _("The document is damaged: it cannot be opened. Save it again and upload the copy.")
        ) from error
    if any(part.lower() in OLE_MACRO_STORAGES for path in entries for part in path):
        raise _refuse_macros()
