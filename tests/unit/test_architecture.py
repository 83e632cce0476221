"""The core never imports Qt: importing every module outside ``studyapp/ui`` and ``app.py``
must leave PySide6 out of ``sys.modules``. Run in a subprocess, since pytest-qt has
already imported Qt into this one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import studyapp

PACKAGE = Path(studyapp.__file__).resolve().parent

PROBE = r"""
import importlib, json, pkgutil, sys
import studyapp
names = []
for info in pkgutil.walk_packages(studyapp.__path__, "studyapp."):
    if info.name.startswith(("studyapp.ui", "studyapp.app", "studyapp._bundle")) or info.name == "studyapp.__main__":
        continue
    importlib.import_module(info.name)
    names.append(info.name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
print(json.dumps({"imported": names, "qt": qt}))
"""


def test_core_modules_do_not_import_qt() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    assert "studyapp.bank.model" in result["imported"]
    assert "studyapp.cli" in result["imported"]
    assert result["qt"] == []


def test_no_source_file_outside_ui_imports_pyside6() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] in ("ui", "_bundle") or rel.name == "app.py":
            continue
        text = path.read_text(encoding="utf-8")
        if "import PySide6" in text or "from PySide6" in text:
            offenders.append(str(rel))
    assert offenders == []


def test_every_module_has_a_docstring() -> None:
    import ast

    missing = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if p.stat().st_size > 0 and ast.get_docstring(ast.parse(p.read_text(encoding="utf-8"))) is None
    ]
    assert missing == []
