"""The start-up baseline: the least a PySide6 app can do to show a window, then exit.

Imports QtWidgets, shows a ``QMainWindow`` holding one ``QLabel``, and quits as soon as the
window has been painted once (the same moment ``studyapp --exit-when-shown`` waits for).
Run as a child process by ``bench_startup``; its wall time and peak RSS are the baseline.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class _QuitOnPaint(QObject):
    """Quits the application after the first paint event of the watched widget."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("bare")
    label = QLabel("Hello")
    window.setCentralWidget(label)
    watcher = _QuitOnPaint()
    window.installEventFilter(watcher)
    window.resize(900, 600)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
