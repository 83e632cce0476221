"""The text of a PDF, page by page, through Qt's PDF module (QtPdf).

The core never imports Qt, so it reads PDFs through this module in a child process
(``python -m studyapp.ui.pdf_text FILE`` prints the pages as JSON, see
``studyapp.articles.pdf``): a command such as ``studyapp check`` or ``draft`` starts Qt only
for a PDF, and a PDF that makes the PDF engine crash or hang takes only the child down. The
window, where Qt is running anyway, calls ``pdf_page_texts`` directly.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtPdf import QPdfDocument

_ERRORS = {
    QPdfDocument.Error.FileNotFound: "the file does not exist",
    QPdfDocument.Error.InvalidFileFormat: "not a readable PDF",
    QPdfDocument.Error.IncorrectPassword: "the PDF is protected by a password",
    QPdfDocument.Error.UnsupportedSecurityScheme: "the PDF is protected in a way that cannot be read",
    QPdfDocument.Error.DataNotYetAvailable: "the PDF could not be read completely",
    QPdfDocument.Error.Unknown: "the PDF could not be read",
}


def pdf_page_texts(path: Path) -> list[str]:
    """Each page's text, in order; raises ``ValueError`` with a readable reason."""
    if QCoreApplication.instance() is None:
        raise RuntimeError("pdf_page_texts needs a running Qt application")
    document = QPdfDocument()
    try:
        error = document.load(str(path))
        if error != QPdfDocument.Error.None_:
            raise ValueError(_ERRORS.get(error, "the PDF could not be read"))
        return [document.getAllText(page).text() for page in range(document.pageCount())]
    finally:
        document.close()
        document.deleteLater()


def main(argv: list[str]) -> int:
    """Print ``{"pages": [...]}`` or ``{"error": "..."}`` for the PDF named in ``argv``."""
    app = QCoreApplication.instance() or QCoreApplication(["studyapp-pdf-text"])
    try:
        answer: dict[str, object] = {"pages": pdf_page_texts(Path(argv[0]))}
    except ValueError as exc:
        answer = {"error": str(exc)}
    finally:
        del app
    sys.stdout.write(json.dumps(answer))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
