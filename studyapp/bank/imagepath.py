"""How a question's ``image:`` path may be written: inside the deck's folder, a picture's extension.

Only the text is judged here (loading never opens the picture, so a deck with a missing picture
still loads and its questions show a notice in the picture's place). The file itself — that it
exists, stays inside the folder through links, is small enough and is a picture — is checked by
``imagefile`` for ``studyapp check`` and the editor.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from studyapp.messages import QT_TRANSLATE_NOOP, Message

#: The picture formats a question may show, by extension (lowercase).
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".svg")
#: The one subfolder pictures may live in, next to the deck file.
MEDIA_FOLDER = "media"


def image_path_problem(written: str) -> Message | None:
    """Why ``written`` cannot be a question's ``image`` path, or None when it is fine.

    Allowed: a file beside the deck file (``map.png``) or under the ``media/`` folder next to it
    (``media/map.png``, ``media/maps/belarus.png``); never absolute, never ``..``.
    """
    if re.match(r"[A-Za-z]:", written) or written.startswith(("/", "\\")):
        return Message(QT_TRANSLATE_NOOP("Core", "image must be a path relative to this file's folder (like 'media/map.png'), "
                                                 "not the absolute path '{path}'"), path=written)
    pure = PurePosixPath(written.replace("\\", "/"))
    parts = [p for p in pure.parts if p != "."]
    if ".." in parts:
        return Message(QT_TRANSLATE_NOOP("Core", "image '{path}' may not leave this file's folder ('..'); put the picture "
                                                 "beside the file or in 'media/'"), path=written)
    if not parts or written.endswith(("/", "\\")):
        return Message(QT_TRANSLATE_NOOP("Core", "image '{path}' names a folder, not a picture file"), path=written)
    if len(parts) > 1 and parts[0] != MEDIA_FOLDER:
        return Message(QT_TRANSLATE_NOOP("Core", "image '{path}' must be beside this file or in its '{folder}/' folder "
                                                 "(like 'media/{name}')"), path=written, folder=MEDIA_FOLDER, name=parts[-1])
    suffix = PurePosixPath(parts[-1]).suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        found = (Message(QT_TRANSLATE_NOOP("Core", "a {suffix} file"), suffix=suffix) if suffix
                 else Message(QT_TRANSLATE_NOOP("Core", "a name without an extension")))
        return Message(QT_TRANSLATE_NOOP("Core", "image '{path}' must be a PNG, JPEG, WebP or SVG file ({suffixes}), not {found}"),
                       path=written, suffixes=" ".join(IMAGE_SUFFIXES), found=found)
    return None
