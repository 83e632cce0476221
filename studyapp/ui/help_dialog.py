"""Help → Question file format: the format reference, rendered from the project's own Markdown.

The reference ships with the package (``studyapp/bank/format_reference.md``); it is our text,
not the user's, so rendering it as Markdown is safe. Links are not followed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

FORMAT_REFERENCE = Path(__file__).resolve().parent.parent / "bank" / "format_reference.md"


def format_reference_text(path: Path = FORMAT_REFERENCE) -> str:
    """The reference's Markdown, or a short pointer when the file is missing."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return (
            "# Question file format\n\nThe format reference was not found next to the program "
            f"({path}). See docs/guide/question-files.md in studyapp's source."
        )


class FormatHelpDialog(QDialog):
    """A non-modal window with the format reference."""

    def __init__(self, parent: QWidget | None = None, path: Path = FORMAT_REFERENCE) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Question file format"))
        self.setAccessibleName(self.tr("Question file format"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Format reference"))
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setMarkdown(format_reference_text(path))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(900, 680)
