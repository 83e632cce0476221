"""Child process for the SIGKILL test: records answers in a loop, printing each committed id.

Usage: python recorder_child.py DB BACKUPS PREFIX. Runs until killed.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from studyapp.grading import Outcome
from studyapp.store import Attempt, CardState, Mode, open_store


def main() -> None:
    db, backups, prefix = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    store = open_store(db, backups_dir=backups, tz=timezone.utc).store
    session = store.start_session(Mode.REVIEW, "deck", {}, None, 0, datetime.now(timezone.utc))
    i = 0
    while True:
        now = datetime.now(timezone.utc)
        qid = f"{prefix}-{i % 50}"
        card = CardState("deck", qid, "{}", now + timedelta(days=1), 1.0, 2, now)
        attempt = Attempt("deck", qid, "h", Mode.REVIEW, '"' + "r" * 200 + '"',
                          Outcome.RIGHT if i % 3 else Outcome.WRONG, 1.0 if i % 3 else 0.0, 100, now,
                          session, 3)
        attempt_id = store.record_attempt(attempt, card)
        sys.stdout.write(f"{attempt_id}\n")
        sys.stdout.flush()
        i += 1


if __name__ == "__main__":
    main()
