"""Checking uploaded files: size, a type decided from the content, nothing active, nothing
built to expand, names without tricks.

The allowlist holds documents, spreadsheets, presentations, plain text, CSV and common
images. HTML, SVG, scripts and executables are never accepted, whatever their name says;
documents with macros are refused; images are re-encoded and only the new bytes kept.
"""

from .check import CheckedFile, check_upload
from .types import ALLOWED

__all__ = ["ALLOWED", "CheckedFile", "check_upload"]
