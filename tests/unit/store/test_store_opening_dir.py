"""Something other than a file where the database should be: a clear ``DataDirError``, nothing touched."""

from __future__ import annotations

from pathlib import Path

import pytest
from storehelpers import MINSK, T0

from studyapp.store import DataDirError, StoreError, open_store


def test_a_folder_where_the_database_should_be_is_a_data_dir_error(db_path: Path, backups_dir: Path) -> None:
    db_path.mkdir()
    (db_path / "keep.txt").write_text("the user's own file", encoding="utf-8")
    with pytest.raises(DataDirError) as raised:
        open_store(db_path, backups_dir=backups_dir, now=T0, tz=MINSK)
    assert isinstance(raised.value, StoreError)
    assert str(db_path) in str(raised.value)
    assert "is a folder" in str(raised.value)
    # left exactly where it was: not moved aside as "damaged", nothing written into it
    assert sorted(p.name for p in db_path.iterdir()) == ["keep.txt"]
    assert [p.name for p in db_path.parent.iterdir()] == [db_path.name]
