"""Driver for benchmark 7: start studyapp's window on a data dir, open the statistics screen, exit.

Usage: ``python benchmarks/stats_window.py DATA_DIR QUESTIONS_DIR MIN_QUESTIONS``. It goes through the real
start-up (``studyapp.app.start_app``: store, question files, main window), waits for the first
paint, opens the statistics screen (``MainWindow.show_stats``), waits until that screen has been
painted, prints ``VmHWM`` from ``/proc/self/status`` and exits 0. The parent measures the
process's peak RSS itself (``child_meter.py``). Exits 3 if the stats screen is not painted in 30 s,
4 if fewer than MIN_QUESTIONS questions were loaded.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from studyapp.app import start_app
from studyapp.paths import DataPaths


class _QuitOnPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def vm_hwm() -> str:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM"):
            return line.split(":", 1)[1].strip()
    return "?"


def main(argv: list[str]) -> int:
    data_dir, questions, expected = Path(argv[1]), argv[2], int(argv[3])
    app = QApplication([argv[0]])
    settings = QSettings(str(data_dir / "bench-settings.ini"), QSettings.Format.IniFormat)
    running = start_app(DataPaths(data_dir), settings, extra_dirs=[questions])
    window = running.window
    watcher = _QuitOnPaint()
    status = {"code": 3}

    def open_stats() -> None:
        try:
            window.show_stats()
        except Exception:  # noqa: BLE001 - report and stop rather than wait for the timeout
            traceback.print_exc()
            app.quit()
            return
        view = window.stack.currentWidget()
        view.installEventFilter(watcher)
        status["code"] = 0
        view.update()

    window.firstPainted.connect(open_stats)
    QTimer.singleShot(30_000, app.quit)
    window.show()
    app.exec()
    loaded = window.bank.question_count
    print(f"VmHWM {vm_hwm()}; questions {loaded}")
    running.close()
    if loaded < expected:
        print(f"only {loaded} questions loaded, expected {expected}", file=sys.stderr)
        return 4
    return status["code"]


if __name__ == "__main__":
    sys.exit(main(sys.argv))
