"""Before the window starts on Linux/X11: can Qt's ``xcb`` platform plugin load its libraries?

When one of the system libraries the plugin needs is not installed, Qt aborts with a hint
that names ``libxcb-cursor0`` whatever is really missing. Instead, ``xcb_problem`` tries
to load the plugin once (one ``dlopen``, which Qt would do next anyway); only when that
fails does it run ``ldd`` to list every library not found, and says which Debian/Ubuntu
packages provide them, as one ``sudo apt-get install ...`` line.

No Qt import here: the plugin is found through ``importlib.util.find_spec``.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

#: Every system library that Qt's xcb plugin (``libqxcb.so`` and ``libQt6XcbQpa.so.6``)
#: loads, directly or through another one, and the Debian package that provides it (as on
#: Debian 12; docs/guide/install.md lists them).
XCB_PACKAGES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libpng16.so.16": "libpng16-16",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libpcre2-8.so.0": "libpcre2-8-0",
    "libexpat.so.1": "libexpat1",
    "libbrotlicommon.so.1": "libbrotli1",
    "libbrotlidec.so.1": "libbrotli1",
    "libbsd.so.0": "libbsd0",
    "libmd.so.0": "libmd0",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "liblzma.so.5": "liblzma5",
    "liblz4.so.1": "liblz4-1",
    "libsystemd.so.0": "libsystemd0",
    "libcap.so.2": "libcap2",
    "libgcrypt.so.20": "libgcrypt20",
    "libgpg-error.so.0": "libgpg-error0",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
}

_NOT_FOUND = r"(?m)^\s*(\S+)\s+=>\s+not found\s*$"  # compiled only when needed


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will start on its ``xcb`` platform: Linux, an X display, and no other
    platform chosen (``QT_QPA_PLATFORM``) or preferred (a Wayland session)."""
    if not platform.startswith("linux") or not environ.get("DISPLAY"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    return not (environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY"))


def xcb_plugin() -> Path | None:
    """PySide6's ``platforms/libqxcb.so``, found without importing Qt (None if absent)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    plugin = Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def load_error(library: Path) -> str | None:
    """Load ``library`` as Qt would (``RTLD_LAZY``); the loader's message if it cannot."""
    import _ctypes  # the bare dlopen: ``ctypes`` itself costs ~3 ms to import

    try:
        _ctypes.dlopen(str(library), os.RTLD_LAZY)
    except OSError as exc:
        return str(exc)
    return None


def not_found(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` reports as ``not found``, each once, in its order."""
    return list(dict.fromkeys(re.findall(_NOT_FOUND, ldd_output)))


def missing_libraries(libraries: Iterable[Path]) -> list[str]:
    """Every library that ``libraries`` need and the loader cannot find (``ldd``; empty
    when ``ldd`` is not there)."""
    import subprocess  # only when the plugin did not load

    found: list[str] = []
    for library in libraries:
        try:
            done = subprocess.run(["ldd", str(library)], capture_output=True, text=True, timeout=30, check=False)
        except (OSError, subprocess.SubprocessError):
            return []
        found += not_found(done.stdout)
    return list(dict.fromkeys(found))


def install_advice(missing: Iterable[str], packages: Mapping[str, str] = XCB_PACKAGES) -> str:
    """What to install: one ``sudo apt-get install`` line for the libraries a package is
    known for; the others named, to look up."""
    missing = list(missing)
    known = list(dict.fromkeys(packages[name] for name in missing if name in packages))
    qt_own = [name for name in missing if name.startswith("libQt6")]
    unknown = [name for name in missing if name not in packages and name not in qt_own]
    lines = []
    if known:
        lines.append("On Debian or Ubuntu, install them with:\n  sudo apt-get install " + " ".join(known))
    if qt_own:
        lines.append(f"{', '.join(qt_own)} belong to PySide6 itself: reinstall it "
                     "(python -m pip install --force-reinstall PySide6).")
    if unknown:
        lines.append(f"No package is known here for {', '.join(unknown)}: "
                     "install the package that provides each file.")
    return "\n".join(lines)


def xcb_problem(environ: Mapping[str, str], plugin: Path | None = None, platform: str = sys.platform) -> str | None:
    """A message for the user when the window cannot start on X11 for want of libraries, else
    None. Cheap when all is well: one ``dlopen`` of the plugin, which Qt reuses."""
    if not uses_xcb(environ, platform):
        return None
    plugin = plugin or xcb_plugin()
    if plugin is None:
        return None
    error = load_error(plugin)
    if error is None:
        return None
    missing = missing_libraries([plugin, *sorted(plugin.parent.parent.parent.glob("lib/libQt6XcbQpa.so*"))])
    if not missing:  # something else (Qt would fail on the same dlopen): the loader's words
        return f"The window cannot start: Qt's X11 platform plugin {plugin} cannot be loaded: {error}"
    return (f"The window cannot start: Qt's X11 platform plugin needs libraries that are not installed "
            f"({', '.join(missing)}).\n{install_advice(missing)}")
