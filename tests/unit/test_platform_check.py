"""The X11 start-up check: which libraries Qt's xcb plugin lacks, and the apt-get line that installs them."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from studyapp.platform_check import (
    XCB_PACKAGES,
    install_advice,
    load_error,
    missing_libraries,
    not_found,
    uses_xcb,
    xcb_plugin,
    xcb_problem,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "platform"
LINUX_X11 = {"DISPLAY": ":0"}


def _plugin() -> Path:
    plugin = xcb_plugin()
    assert plugin is not None and plugin.name == "libqxcb.so"
    return plugin


def test_ldd_output_of_a_debian_machine_missing_two_libraries() -> None:
    # Captured on Debian 12 with PySide6's wheel: the situation of a fresh desktop install.
    output = (DATA / "ldd-libqxcb-debian12.txt").read_text(encoding="utf-8")
    missing = not_found(output)
    assert missing == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    advice = install_advice(missing)
    assert advice.splitlines()[-1] == "  sudo apt-get install libxcb-icccm4 libxcb-keysyms1"
    assert "cursor" not in advice  # not the package Qt's own message names


def test_every_system_library_of_the_plugin_has_its_package_in_the_table() -> None:
    done = subprocess.run(["ldd", str(_plugin())], capture_output=True, text=True, check=True)
    names = set(re.findall(r"(?m)^\s*(\S+)\s+=>", done.stdout))
    assert "libxcb.so.1" in names and len(names) > 30
    libc = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1"}  # always there
    own = {n for n in names if n.startswith(("libQt6", "libicu"))}  # shipped inside PySide6
    assert sorted(names - libc - own - set(XCB_PACKAGES)) == []


@pytest.mark.parametrize(("environ", "platform", "expected"), [
    ({"DISPLAY": ":0"}, "linux", True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb:nomitshm"}, "linux", True),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland;xcb"}, "linux", False),
    ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ({"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11", "WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
    ({}, "linux", False),
    ({"DISPLAY": ""}, "linux", False),
    ({"DISPLAY": ":0"}, "darwin", False),
    ({"DISPLAY": ":0"}, "win32", False),
])
def test_only_a_start_on_x11_is_checked(environ: dict[str, str], platform: str, expected: bool) -> None:
    assert uses_xcb(environ, platform) is expected


def _plugin_copy(tmp_path: Path, *, without: str = "", rename: tuple[bytes, bytes] | None = None) -> Path:
    """PySide6's plugin laid out as in the wheel (``Qt/plugins/platforms`` next to ``Qt/lib``,
    which it finds through its RUNPATH), with one Qt library left out or one needed name
    changed, so that loading it really fails."""
    real = _plugin()
    real_lib = real.parents[2] / "lib"
    lib = tmp_path / "Qt" / "lib"
    lib.mkdir(parents=True)
    for item in real_lib.iterdir():
        if item.name != without:
            (lib / item.name).symlink_to(item)
    platforms = tmp_path / "Qt" / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    copy = platforms / real.name
    data = real.read_bytes()
    if rename:
        old, new = rename
        assert len(old) == len(new) and old + b"\0" in data
        data = data.replace(old + b"\0", new + b"\0")
    copy.write_bytes(data)
    return copy


def test_a_missing_system_library_is_found_and_named(tmp_path: Path) -> None:
    # The plugin needs a library no system has (its name changed in a copy): the loader
    # really fails, ldd really reports it, and the message names it.
    plugin = _plugin_copy(tmp_path, rename=(b"libxcb-icccm.so.4", b"libxcb-zzzzz.so.4"))
    assert load_error(plugin) is not None
    assert "libxcb-zzzzz.so.4" in missing_libraries([plugin])
    message = xcb_problem(LINUX_X11, plugin=plugin, platform="linux")
    assert message is not None
    assert message.startswith("The window cannot start: Qt's X11 platform plugin needs libraries")
    assert "libxcb-zzzzz.so.4" in message
    with_package = install_advice(["libxcb-zzzzz.so.4"], {**XCB_PACKAGES, "libxcb-zzzzz.so.4": "libxcb-zzzzz4"})
    assert with_package == "On Debian or Ubuntu, install them with:\n  sudo apt-get install libxcb-zzzzz4"
    assert "No package is known here for libxcb-zzzzz.so.4" in install_advice(["libxcb-zzzzz.so.4"])


def test_a_missing_qt_library_says_to_reinstall_pyside6(tmp_path: Path) -> None:
    plugin = _plugin_copy(tmp_path, without="libQt6XcbQpa.so.6")
    message = xcb_problem(LINUX_X11, plugin=plugin, platform="linux")
    assert message is not None
    assert "libQt6XcbQpa.so.6" in message and "reinstall" in message and "PySide6" in message


def test_nothing_is_checked_when_the_window_will_not_use_x11(tmp_path: Path) -> None:
    plugin = _plugin_copy(tmp_path, without="libQt6XcbQpa.so.6")  # would fail if it were looked at
    assert xcb_problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, plugin=plugin, platform="linux") is None
    assert xcb_problem({}, plugin=plugin, platform="linux") is None


def test_a_library_that_loads_is_passed_without_running_ldd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Qt's offscreen plugin needs nothing this machine lacks (the tests run on it).
    offscreen = _plugin().with_name("libqoffscreen.so")
    bin_dir, ran = tmp_path / "bin", tmp_path / "ldd-ran"
    bin_dir.mkdir()
    (bin_dir / "ldd").write_text(f"#!/bin/sh\n: > '{ran}'\n")
    (bin_dir / "ldd").chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    assert load_error(offscreen) is None
    assert xcb_problem(LINUX_X11, plugin=offscreen, platform="linux") is None
    assert not ran.exists()  # one dlopen, nothing more
    missing_libraries([offscreen])
    assert ran.exists()  # (the stand-in ldd is the one that would have run)
