"""A pseudo translation of the window: every text of the template lengthened and marked.

``pseudo_text("Start quiz")`` is ``"[‹Start quiz····›]"``: about 40 % longer (as German or
Finnish texts often are), wrapped in markers that show a text went through the translator,
with its placeholders (``%1``, ``%n``, ``{name}``), mnemonics (``&``) and a menu entry's key
after a tab left as they are. ``extract_template`` runs ``pyside6-lupdate`` over the package's
sources (the window's and the texts the core marks) as ``make translations`` does; ``compile_pseudo`` writes the pseudo ``.ts`` and compiles it
with ``pyside6-lrelease``. The fixtures ``pseudo_qm`` (compiled once a module) and ``pseudo`` (the
translator installed for one test) are imported by the sweeps' test modules.
"""

from __future__ import annotations

import math
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = REPO / "studyapp" / "resources" / "translations" / "studyapp.ts"
OPEN, CLOSE, PAD = "[‹", "›]", "·"
GROWTH = 0.4


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def lupdate_command(ts: Path) -> list[str]:
    """The command ``make translations`` runs (kept in step with the Makefile by a test)."""
    return [_tool("pyside6-lupdate"), "-silent", "-source-language", "en", "-locations", "none", "-no-obsolete",
            "-extensions", "py", "studyapp", "-ts", str(ts)]


def extract_template(ts: Path) -> Path:
    """Extract the window's texts into a fresh template at ``ts``."""
    subprocess.run(lupdate_command(ts), cwd=REPO, check=True, capture_output=True, text=True)
    return ts


def messages(ts: Path) -> set[tuple[str, str]]:
    """Every (context, source text) of a ``.ts`` file."""
    root = ET.parse(ts).getroot()
    return {(c.findtext("name", ""), m.findtext("source", ""))
            for c in root.iter("context") for m in c.iter("message")}


def pseudo_text(source: str) -> str:
    """``source`` marked and ~40 % longer; what follows a tab (a menu entry's key) stays outside."""
    text, tab, key = source.partition("\t")
    pad = max(0, math.ceil(len(text) * (1 + GROWTH)) - len(text) - len(OPEN) - len(CLOSE))
    return f"{OPEN}{text}{PAD * pad}{CLOSE}{tab}{key}"


def compile_pseudo(template: Path, folder: Path) -> Path:
    """The pseudo translation of ``template`` compiled into ``folder/studyapp_pseudo.qm``."""
    tree = ET.parse(template)
    root = tree.getroot()
    root.set("language", "en")  # two plural forms, as English
    for message in root.iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            for _form in range(2):
                ET.SubElement(translation, "numerusform").text = pseudo_text(source)
        else:
            translation.text = pseudo_text(source)
    ts = folder / "studyapp_pseudo.ts"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = folder / "studyapp_pseudo.qm"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return qm


@pytest.fixture(scope="module")
def pseudo_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pseudo translation, extracted and compiled once a test module."""
    folder = tmp_path_factory.mktemp("pseudo")
    return compile_pseudo(extract_template(folder / "studyapp.ts"), folder)


@pytest.fixture
def pseudo(qapp: QApplication, pseudo_qm: Path) -> Iterator[QTranslator]:
    """The pseudo translation installed as the application's translator for one test."""
    translator = QTranslator()
    assert translator.load(str(pseudo_qm))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)
