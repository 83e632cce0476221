"""Authoring and interop: draft a deck from an article, import from Anki/Quizlet/Moodle, export to them.

Nothing here imports Qt. ``commands.py`` is the CLI entry; the dialogs in ``studyapp/ui`` call the
same functions (``draft.draft_deck``, ``importer.import_file``, ``yamlwrite.write_deck``).
"""
