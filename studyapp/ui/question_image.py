"""A question's picture on screen: decoded through the bounded reader, scaled to fit a box.

``QuestionPicture`` is the one widget the quiz, the review, the browser's preview and the results
show a question's ``image`` with. Its accessible name and description are the question's
``image_alt`` (without one: "Picture", described by the prompt). A picture that cannot be shown
(missing, leading out of the deck's folder, too big, a decompression bomb, not a picture, a FIFO
or device) is replaced by one line of plain text saying so; nothing about it ever raises.
"""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from studyapp.bank.imagefile import MAX_IMAGE_PIXELS, NotAnImage, read_header
from studyapp.bank.model import AnyQuestion, QuestionImage
from studyapp.ui.background_task import BackgroundTask
from studyapp.ui.image_loading import QUESTION_FORMATS, decode_image, read_file, read_image

#: Pictures claiming more pixels than this are decoded on a worker thread (a 12-megapixel PNG
#: takes ~0.4 s to decode, even scaled down); smaller ones at once, without a "loading" line.
SYNC_PIXELS = 4_000_000


def picture_file(image: QuestionImage) -> Path | str:
    """The picture's file, resolved; or why it is refused (it leads out of the deck's folder)."""
    try:
        folder = image.folder.resolve()
        target = image.file.resolve()
    except (OSError, RuntimeError):
        return QCoreApplication.translate("QuestionPicture", "the path cannot be followed")
    if not target.is_relative_to(folder) or target == folder:
        return QCoreApplication.translate("QuestionPicture", "the path leads outside the question file's folder")
    return target


def load_picture(image: QuestionImage, width: int, height: int) -> QImage | str:
    """``image`` decoded to fit ``width`` × ``height``, or why it is not shown."""
    found = picture_file(image)
    return found if isinstance(found, str) else read_image(found, width, height, formats=QUESTION_FORMATS)


def _claimed_pixels(data: bytes) -> int:
    """The pixel count a picture's header declares (0 when it declares none or is no picture)."""
    try:
        header = read_header(io.BytesIO(data))
    except NotAnImage:
        return 0
    return header.width * header.height


class QuestionPicture(QLabel):
    """Shows the picture of the question given to ``show_question`` (hidden when it has none)."""

    def __init__(self, parent: QWidget | None = None, *, width: int = 560, height: int = 320) -> None:
        super().__init__(parent)
        self.box = (width, height)
        self.setObjectName("question-picture")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.refused = ""  # why the current picture is not shown ("" when shown or none)
        self.shown: tuple[QuestionImage, str] | None = None  # what is on screen (one decode per question)
        self.decoding = BackgroundTask(self)  # a large picture's decode, off the UI thread
        self.decoding.finished.connect(self._decoded)
        self.decoding.failed.connect(lambda message: self._decoded(self.tr("cannot be decoded ({reason})").format(reason=message)))
        self._pending: tuple[QuestionImage, str] | None = None  # the picture being decoded, for its text
        self.hide()

    def show_question(self, question: AnyQuestion | None) -> None:
        """Show ``question``'s picture, a one-line notice in its place, or nothing."""
        image = question.image if question is not None else None
        if image is not None and question is not None and self.shown == (image, question.front):
            return  # the same picture again (the back of a card): not decoded twice
        self.decoding.cancel()
        self.clear()
        self.refused = ""
        self.shown = None
        if image is None or question is None:
            self.setAccessibleName("")
            self.setAccessibleDescription("")
            self.hide()
            return
        self.shown = self._pending = (image, question.front)
        ratio = self.devicePixelRatioF() or 1.0
        width, height = round(self.box[0] * ratio), round(self.box[1] * ratio)
        found = picture_file(image)
        data = found if isinstance(found, str) else read_file(found)
        if isinstance(data, bytes) and SYNC_PIXELS < _claimed_pixels(data) <= MAX_IMAGE_PIXELS:  # a bomb: refused at once
            self._show_notice(self.tr("Loading the picture ({path})…").format(path=image.path))
            self.setAccessibleName(image.alt or self.tr("Picture"))
            self.show()
            self.decoding.start(lambda _cancel: decode_image(data, width, height, QUESTION_FORMATS),
                                name="studyapp-picture")
            return
        self._decoded(data if isinstance(data, str) else decode_image(data, width, height, QUESTION_FORMATS))

    def _decoded(self, found: object) -> None:
        """Show a decoded picture, or why it is not shown, for the question asked last."""
        if self._pending is None:
            return
        image, front = self._pending
        if isinstance(found, QImage):
            self._set_wrapping(False)
            pixmap = QPixmap.fromImage(found)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF() or 1.0)
            self.setPixmap(pixmap)
            self.setAccessibleName(image.alt or self.tr("Picture"))
            self.setAccessibleDescription(image.alt or front)
        else:
            self.refused = str(found)
            self._show_notice(self.tr("Picture not shown ({path}): {reason}.").format(path=image.path, reason=found))
            self.setAccessibleName(self.tr("Picture not shown"))
        self.show()

    def _show_notice(self, text: str) -> None:
        self._set_wrapping(True)
        self.setText(text)
        self.setAccessibleDescription(text)

    def _set_wrapping(self, wrap: bool) -> None:
        """Word wrap (and height for width) only for a notice: a wrapping label's height is its
        text's, 0 for a picture, and QLabel keeps the size policy's flag once wrapping set it."""
        self.setWordWrap(wrap)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        policy.setHeightForWidth(wrap)
        self.setSizePolicy(policy)
        font = self.font()
        font.setItalic(wrap)  # a notice reads as a remark, not as part of the question
        self.setFont(font)
