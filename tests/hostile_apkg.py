"""Crafted Anki packages for the import's tests: hostile input (unit, command line and window),
and notes whose pictures it cannot carry.

Each builder writes a legacy-format package (``collection.anki21``: plain SQLite with the note
types as JSON in ``col.models``) whose collection was shaped by SQL or by patching its pages.
"""

from __future__ import annotations

import json
import sqlite3
import struct
import zipfile
from pathlib import Path

PAGE = 4096
BASIC_MODELS = json.dumps({"1": {"name": "Basic", "type": 0, "flds": [{"name": "Front", "ord": 0}, {"name": "Back", "ord": 1}]}})
RECURSIVE_NOTES = (
    "CREATE VIEW notes AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
    "SELECT n AS id, 1 AS mid, '' AS tags, printf('%.*c', 1000, 'x') || char(31) || 'b' AS flds FROM r"
)


def collection(db: Path, *statements: str, models: str | None = BASIC_MODELS, notes: str | None = None) -> Path:
    """A legacy collection: ``col`` (with ``models``), ``notes`` (or the ``notes`` statement), then ``statements``."""
    con = sqlite3.connect(db)
    try:
        con.execute(f"PRAGMA page_size = {PAGE}")
        con.execute("CREATE TABLE col (id INTEGER PRIMARY KEY, models TEXT)")
        if models is not None:
            con.execute("INSERT INTO col VALUES (1, ?)", (models,))
        con.execute(notes or "CREATE TABLE notes (id INTEGER PRIMARY KEY, mid INTEGER, tags TEXT, flds TEXT)")
        for sql in statements:
            con.execute(sql)
        con.commit()
    finally:
        con.close()
    return db


def package(target: Path, db: Path, member: str = "collection.anki21") -> Path:
    """Zip ``db`` as ``member`` of a package at ``target``."""
    with zipfile.ZipFile(target, "w") as z:
        z.write(db, member)
    return target


def repeat_pages(db: Path, table: str, depth: int = 3, fanout: int = 500) -> Path:
    """Make ``table``'s b-tree a chain of interior pages whose every child pointer names the next page.

    The file grows by a few pages, but a scan of the table meets its original rows
    ``fanout ** depth`` times: a tiny file that reads as billions of plain-table rows.
    """
    con = sqlite3.connect(db)
    try:
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    finally:
        con.close()
    data = bytearray(db.read_bytes())
    assert struct.unpack(">H", data[16:18])[0] == PAGE

    def span(n: int) -> slice:
        return slice((n - 1) * PAGE, n * PAGE)

    def interior(child: int) -> bytes:
        page = bytearray(PAGE)
        cells = PAGE - fanout * 5  # each cell: 4-byte child page, 1-byte key
        page[0] = 0x05  # interior table b-tree page
        struct.pack_into(">HHB", page, 3, fanout, cells, 0)
        struct.pack_into(">I", page, 8, child)  # right-most child
        for i in range(fanout):
            struct.pack_into(">H", page, 12 + 2 * i, cells + 5 * i)
            struct.pack_into(">IB", page, cells + 5 * i, child, 1)
        return bytes(page)

    data += data[span(root)]  # the original leaf, moved to a new last page
    child = len(data) // PAGE
    for _ in range(depth - 1):
        data += interior(child)
        child = len(data) // PAGE
    data[span(root)] = interior(child)
    struct.pack_into(">I", data, 28, len(data) // PAGE)  # the header's page count
    db.write_bytes(bytes(data))
    return db


def recursive_view_package(folder: Path) -> Path:
    """The reported attack: ``notes`` is a view over an endless recursive CTE."""
    folder.mkdir(parents=True, exist_ok=True)
    return package(folder / "recursive.apkg", collection(folder / "recursive.sqlite", notes=RECURSIVE_NOTES))


def endless_sort_package(folder: Path) -> Path:
    """Plain tables only, but ``notes`` (not keyed by id, so ``ORDER BY id`` sorts) repeats its rows endlessly."""
    folder.mkdir(parents=True, exist_ok=True)
    db = collection(folder / "sorted.sqlite", notes="CREATE TABLE notes (id INTEGER, mid INTEGER, tags TEXT, flds TEXT)")
    con = sqlite3.connect(db)
    try:
        con.executemany("INSERT INTO notes VALUES (?, 1, '', ?)", [(i, f"front {i}\x1fback {i}") for i in range(20)])
        con.commit()
    finally:
        con.close()
    return package(folder / "sorted.apkg", repeat_pages(db, "notes"))


def package_with_pictures(target: Path, db: Path, notes: list[tuple[str, str]], media: dict[str, bytes]) -> Path:
    """A package of Basic ``notes`` (front, back) with ``media`` (name → bytes) in its media map."""
    con = sqlite3.connect(collection(db))
    try:
        con.executemany("INSERT INTO notes VALUES (?, 1, '', ?)",
                        [(n, f"{front}\x1f{back}") for n, (front, back) in enumerate(notes, start=1)])
        con.commit()
    finally:
        con.close()
    package(target, db)
    with zipfile.ZipFile(target, "a") as z:
        z.writestr("media", json.dumps({str(i): name for i, name in enumerate(media)}))
        for i, data in enumerate(media.values()):
            z.writestr(str(i), data)
    return target


# Notes whose pictures cannot be carried (not in the package, not a picture, a second one), and
# a front of pictures only, so empty: what it held is listed with "; ".
PICTURE_NOTES = [
    ('Gone <img src="nowhere.png">', "Lost"),
    ('Which? <img src="fake.png">', "Refused"),
    ('<img src="notes.txt"><img src="nowhere.png">', "Empty front"),
    ('Two <img src="fake.png"> <img src="other.png">', "Only one shown"),
]


def pictures_package(folder: Path) -> Path:
    """A package of ``PICTURE_NOTES``: every note's picture is one the import cannot carry."""
    return package_with_pictures(folder / "pictures.apkg", folder / "collection.anki21", PICTURE_NOTES,
                                 {"fake.png": b"not a picture at all", "notes.txt": b"text"})
