"""``python -m studyapp`` runs the same entry point as the ``studyapp`` command."""

import sys

if getattr(sys, "frozen", False):  # the bundled app: a process it starts (the FSRS fit) runs here
    import multiprocessing

    multiprocessing.freeze_support()

from studyapp.cli import main

sys.exit(main())
