"""The desktop entry and AppStream metainfo pass the freedesktop validators, name what ships,
and ``make install-desktop`` / ``make uninstall-desktop`` put them in (and take them out of)
the user's data home."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import studyapp
from studyapp import APP_ID
from studyapp.cli import main
from studyapp.desktop import (
    ICON_SIZES,
    desktop_entry,
    desktop_file,
    exec_argument,
    icon_png,
    icon_svg,
    install,
    installed_files,
    metainfo_file,
    uninstall,
)

REPO = Path(__file__).resolve().parents[2]


def _tool(name: str) -> str:
    """The validator's path; CI (.ci/run) installs desktop-file-utils and appstream."""
    found = shutil.which(name)
    assert found, f"{name} is missing: apt-get install desktop-file-utils appstream (.ci/run does)"
    return found


def _entry(text: str) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(text)
    return dict(parser["Desktop Entry"])


def test_the_desktop_entry_passes_desktop_file_validate() -> None:
    done = subprocess.run([_tool("desktop-file-validate"), str(desktop_file())], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == "", done.stdout + done.stderr
    entry = _entry(desktop_file().read_text(encoding="utf-8"))
    assert (entry["Exec"], entry["Icon"], entry["Terminal"]) == ("studyapp-gui", APP_ID, "false")


def test_the_metainfo_passes_appstreamcli_validate() -> None:
    done = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(metainfo_file())], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert not re.search(r"^[EW]:", done.stdout, re.MULTILINE), done.stdout  # no error, no warning


def test_the_metainfo_names_this_app_its_release_and_real_screenshots() -> None:
    root = ET.parse(metainfo_file()).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.find("content_rating") is not None
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == studyapp.__version__
    images = [i.text or "" for i in root.iter("image")]
    assert len(images) >= 3
    for url in images:  # each points at a screenshot that exists in docs/screenshots/
        assert url.startswith("https://") and "/docs/screenshots/" in url
        assert (REPO / "docs" / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url


def test_the_license_file_is_mit_as_pyproject_says() -> None:
    text = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "studyapp contributors" in text
    assert re.search(r'^license = "MIT"$', (REPO / "pyproject.toml").read_text(encoding="utf-8"), re.MULTILINE)


def test_every_icon_size_is_a_png_of_that_size() -> None:
    assert icon_svg().read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in ICON_SIZES:
        data = icon_png(size).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (size, size)  # IHDR width, height


def test_exec_quotes_a_path_with_spaces_as_the_spec_asks(tmp_path: Path) -> None:
    assert exec_argument(Path("/opt/studyapp/bin/studyapp-gui")) == "/opt/studyapp/bin/studyapp-gui"
    assert exec_argument(Path("/home/a b/$x/studyapp-gui")) == '"/home/a b/\\\\$x/studyapp-gui"'
    assert exec_argument(Path("/100%/studyapp-gui")) == "/100%%/studyapp-gui"
    launcher = tmp_path / "my apps" / "studyapp-gui"
    text = desktop_entry(launcher)
    written = tmp_path / f"{APP_ID}.desktop"
    written.write_text(text, encoding="utf-8")
    done = subprocess.run([_tool("desktop-file-validate"), str(written)], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout == "", done.stdout
    assert _entry(text)["Exec"] == f'"{launcher}"'


def test_install_then_uninstall_leaves_the_data_home_as_it_was(tmp_path: Path) -> None:
    home = tmp_path / "share"
    mine = home / "applications" / "someone-else.desktop"
    mine.parent.mkdir(parents=True)
    mine.write_text("[Desktop Entry]\n", encoding="utf-8")
    written = install(home, Path("/opt/studyapp/bin/studyapp-gui"))
    assert sorted(written) == sorted(installed_files(home))
    assert (home / "icons/hicolor/256x256/apps" / f"{APP_ID}.png").read_bytes() == icon_png(256).read_bytes()
    assert (home / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    assert len(uninstall(home)) == len(written)
    assert [p for p in home.rglob("*") if p.is_file()] == [mine]
    assert uninstall(home) == []  # twice is harmless


def test_make_install_desktop_and_uninstall_desktop(tmp_path: Path) -> None:
    """The make targets, run with HOME in a scratch folder, as a user would run them."""
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_DATA_HOME", "MAKEFLAGS", "MAKELEVEL")}
    # Point make at this Python's venv, already installed (a stamp made now says so): the
    # targets must not reinstall anything while the test runs.
    venv = Path(sys.executable).parent.parent
    stamp = tmp_path / "installed"
    stamp.touch()
    make = [shutil.which("make") or "make", "-s", "-C", str(REPO), f"HOME={home}", f"VENV={venv}", f"STAMP_RUN={stamp}"]
    done = subprocess.run([*make, "install-desktop"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    share = home / ".local" / "share"
    entry_path = share / "applications" / f"{APP_ID}.desktop"
    entry = _entry(entry_path.read_text(encoding="utf-8"))
    launcher = Path(entry["Exec"])
    assert launcher.name == "studyapp-gui" and launcher.is_absolute() and launcher.is_file()
    assert launcher.parent == Path(sys.executable).parent  # the venv's own launcher
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    for size in ICON_SIZES:
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    check = subprocess.run([_tool("desktop-file-validate"), str(entry_path)], capture_output=True, text=True)
    assert check.returncode == 0 and check.stdout == "", check.stdout

    done = subprocess.run([*make, "uninstall-desktop"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert [p for p in home.rglob("*") if p.is_file()] == []


def test_studyapp_desktop_install_and_uninstall_for_the_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert main(["desktop", "install"]) == 0
    entry = _entry((tmp_path / "share" / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8"))
    assert Path(entry["Exec"]) == Path(sys.executable).parent / "studyapp-gui"  # beside this Python
    assert "Added studyapp to the menu" in capsys.readouterr().out
    assert main(["desktop", "uninstall"]) == 0
    assert [p for p in (tmp_path / "share").rglob("*") if p.is_file()] == []
    assert main(["desktop", "reinstall"]) == 2  # a usage error, not a traceback
