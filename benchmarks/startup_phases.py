"""Where start-up time goes, phase by phase (written with ``run.py --profile``).

``python benchmarks/startup_phases.py bare`` or ``... studyapp DATA_DIR`` prints one JSON line of
milliseconds per phase, measured with ``perf_counter`` inside the process:

* bare: import QtWidgets, ``QApplication``, build the window, show it until its first paint;
* studyapp: import QtWidgets, import ``studyapp.app`` (everything it pulls in), ``QApplication``
  with the theme (as ``run_window`` does), ``start_app`` (data dir, lock, ``open_store``, question
  files, ``MainWindow``), show until ``firstPainted``.

Interpreter start-up itself (before this script's first line) is not in either; ``bench_startup``
measures whole processes. ``phases(ctx)`` runs both several times, interleaved, and writes the
medians to the profile folder.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

T0 = time.perf_counter()


def _bare() -> dict[str, float]:
    out: dict[str, float] = {}
    t = time.perf_counter()
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    out["import QtWidgets"] = time.perf_counter() - t
    t = time.perf_counter()
    app = QApplication([sys.argv[0]])
    out["QApplication"] = time.perf_counter() - t
    t = time.perf_counter()
    window = QMainWindow()
    window.setCentralWidget(QLabel("Hello"))
    window.resize(900, 600)
    out["build window"] = time.perf_counter() - t

    class Quit(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, app.quit)
            return False

    q = Quit()
    window.installEventFilter(q)
    t = time.perf_counter()
    window.show()
    app.exec()
    out["show → first paint → quit"] = time.perf_counter() - t
    return out


def _studyapp(data_dir: str) -> dict[str, float]:
    out: dict[str, float] = {}
    t = time.perf_counter()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    out["import QtWidgets"] = time.perf_counter() - t
    t = time.perf_counter()
    from studyapp.ui import pyside_hook

    pyside_hook.install()  # as cli.main does before importing studyapp.app
    from studyapp.app import start_app
    from studyapp.paths import DataPaths

    out["import studyapp.app"] = time.perf_counter() - t
    t = time.perf_counter()
    from studyapp.ui.theme import FUSION, apply_scheme, system_scheme

    app = QApplication([sys.argv[0], "-style", FUSION])  # as run_window creates it
    apply_scheme(app, system_scheme(), set_style=False)
    out["QApplication + theme"] = time.perf_counter() - t
    # Time the parts of start_app by wrapping the functions it calls (instrumentation only).
    import studyapp.app as app_module

    inner: dict[str, float] = {"  of which open_store": 0.0, "  of which load_bank (bundled, cold)": 0.0}

    def timing(fn, key):  # type: ignore[no-untyped-def]
        def wrapped(*args, **kwargs):  # type: ignore[no-untyped-def]
            t1 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                inner[key] += time.perf_counter() - t1
        return wrapped

    app_module.open_store = timing(app_module.open_store, "  of which open_store")
    app_module.StudyCore.load_bank = timing(app_module.StudyCore.load_bank, "  of which load_bank (bundled, cold)")
    t = time.perf_counter()
    settings = QSettings(str(Path(data_dir) / "bench-settings.ini"), QSettings.Format.IniFormat)
    running = start_app(DataPaths(Path(data_dir)), settings)
    out["start_app (store, question files, MainWindow)"] = time.perf_counter() - t
    out.update(inner)
    window = running.window
    window.firstPainted.connect(app.quit)
    t = time.perf_counter()
    window.show()
    app.exec()
    out["show → first paint → quit"] = time.perf_counter() - t
    running.close()
    return out


def phases(python: str, data_root: Path, rounds: int = 5) -> str:
    """Run both sides ``rounds`` times, interleaved; the medians per phase as text."""
    import shutil

    from bench_startup import compile_bytecode

    compile_bytecode(python, Path(__file__).resolve().parent.parent)  # as bench_startup does
    results: dict[str, list[dict[str, float]]] = {"bare": [], "studyapp": []}
    for i in range(rounds + 1):
        for side in ("bare", "studyapp"):
            d = data_root / f"phases-{i}"
            argv = [python, __file__, side] + ([str(d)] if side == "studyapp" else [])
            done = subprocess.run(argv, capture_output=True, text=True, check=False)
            shutil.rmtree(d, ignore_errors=True)
            if done.returncode != 0:
                return f"{side} failed: {done.stderr[-500:]}"
            if i > 0:  # the first round only warms the caches
                results[side].append(json.loads(done.stdout.strip().splitlines()[-1]))
    lines = [f"Start-up phases, median of {rounds} runs each (ms, inside the process):"]
    for side, runs in results.items():
        lines.append(f"  {side}:")
        total = 0.0
        for phase in runs[0]:
            ms = statistics.median(r[phase] for r in runs) * 1000
            total += 0.0 if phase.startswith(" ") else ms
            lines.append(f"    {ms:8.1f}  {phase}")
        lines.append(f"    {total:8.1f}  total")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    result = _bare() if sys.argv[1] == "bare" else _studyapp(sys.argv[2])
    print(json.dumps(result))
