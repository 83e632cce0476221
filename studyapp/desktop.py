"""studyapp as a desktop application: its icon, ``.desktop`` entry and AppStream metainfo.

The files ship in ``studyapp/resources/`` (so in the wheel too), named for ``APP_ID``.
``install`` copies them into a user's data home (``$XDG_DATA_HOME``, else ``~/.local/share``),
where menus, launchers and software centres look: ``applications/``, ``metainfo/`` and
``icons/hicolor/<size>/apps/``. The entry's ``Exec`` names the ``studyapp-gui`` beside the
running Python (the venv's, or pipx's), so the menu starts the same installation.

``studyapp desktop install`` (``make install-desktop``) and ``studyapp desktop uninstall``;
``python -m studyapp.desktop`` does the same and can name another launcher.
No Qt here: ``docs/make_icons.py`` renders the PNG sizes from the SVG.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from studyapp import APP_ID

RESOURCES = Path(__file__).resolve().parent / "resources"
#: The PNG sizes shipped beside the SVG (hicolor's usual application sizes).
ICON_SIZES = (16, 32, 48, 64, 128, 256)
_LAUNCHER = "studyapp-gui"
# Characters that make a desktop entry's Exec argument need quoting (Desktop Entry spec, "Exec").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def icon_svg() -> Path:
    """The icon as drawn (scalable)."""
    return RESOURCES / "icons" / f"{APP_ID}.svg"


def icon_png(size: int) -> Path:
    """The icon rendered at ``size``×``size`` pixels."""
    return RESOURCES / "icons" / f"{APP_ID}-{size}.png"


def desktop_file() -> Path:
    """The freedesktop entry, with ``Exec=studyapp-gui`` (``install`` makes it a full path)."""
    return RESOURCES / f"{APP_ID}.desktop"


def metainfo_file() -> Path:
    """The AppStream metainfo (description, screenshots, releases, content rating)."""
    return RESOURCES / f"{APP_ID}.metainfo.xml"


def data_home(environ: Mapping[str, str]) -> Path:
    """``$XDG_DATA_HOME`` when set to an absolute path, else ``~/.local/share`` (XDG spec)."""
    xdg = environ.get("XDG_DATA_HOME", "")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg)
    return Path(environ.get("HOME") or Path.home()) / ".local" / "share"


def installed_files(home: Path) -> dict[Path, Path]:
    """Where each shipped file goes under the data home ``home``: target → source."""
    icons = home / "icons" / "hicolor"
    files = {
        home / "applications" / f"{APP_ID}.desktop": desktop_file(),
        home / "metainfo" / f"{APP_ID}.metainfo.xml": metainfo_file(),
        icons / "scalable" / "apps" / f"{APP_ID}.svg": icon_svg(),
    }
    for size in ICON_SIZES:
        files[icons / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = icon_png(size)
    return files


def find_launcher() -> Path | None:
    """The ``studyapp-gui`` of this installation: beside the running Python, else on PATH."""
    name = _LAUNCHER + (".exe" if sys.platform == "win32" else "")
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return beside.absolute()
    found = shutil.which(_LAUNCHER)
    return Path(found).absolute() if found else None


def exec_argument(program: Path) -> str:
    """``program`` as the Exec key's first argument: quoted and escaped where the spec asks."""
    text = str(program)
    if any(c in _RESERVED for c in text):
        text = '"' + "".join("\\" + c if c in '"`$\\' else c for c in text) + '"'
    # A desktop file's string values escape the backslash once more, and field codes use %.
    return text.replace("\\", "\\\\").replace("%", "%%")


def desktop_entry(launcher: Path) -> str:
    """The shipped entry with its ``Exec`` naming ``launcher``."""
    lines = desktop_file().read_text(encoding="utf-8").splitlines()
    out = [f"Exec={exec_argument(launcher)}" if line.startswith("Exec=") else line for line in lines]
    return "\n".join(out) + "\n"


def install(home: Path, launcher: Path) -> list[Path]:
    """Copy the entry, metainfo and icons under ``home``; return the files written."""
    written = []
    for target, source in installed_files(home).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if source == desktop_file():
            target.write_text(desktop_entry(launcher), encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    return written


def uninstall(home: Path) -> list[Path]:
    """Remove what ``install`` wrote under ``home`` (nothing else); return the files removed."""
    removed = []
    for target in installed_files(home):
        if target.is_file():
            target.unlink()
            removed.append(target)
    return removed


def run_desktop(action: str, environ: Mapping[str, str], launcher: Path | None = None) -> int:
    """``install`` or ``uninstall`` for the user of ``environ``; prints what it did, returns the
    exit status (``studyapp desktop ...`` and ``python -m studyapp.desktop ...``)."""
    home = data_home(environ)
    if action == "uninstall":
        removed = uninstall(home)
        print(f"Removed {len(removed)} files of studyapp's menu entry from {home}.")
        return 0
    launcher = launcher or find_launcher()
    if launcher is None:
        print("studyapp-gui was not found beside this Python or on PATH; install studyapp first "
              "(or name the program with --launcher PATH).", file=sys.stderr)
        return 1
    written = install(home, launcher)
    print(f"Added studyapp to the menu ({len(written)} files under {home}); it starts {launcher}.")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m studyapp.desktop install|uninstall [--launcher PATH]``."""
    parser = argparse.ArgumentParser(prog="python -m studyapp.desktop", description="Add studyapp to the desktop's menu.")
    parser.add_argument("action", choices=["install", "uninstall"])
    parser.add_argument("--launcher", metavar="PATH", help="the program the menu entry starts (default: studyapp-gui)")
    args = parser.parse_args(argv)
    return run_desktop(args.action, os.environ, Path(args.launcher).absolute() if args.launcher else None)


if __name__ == "__main__":
    sys.exit(main())
