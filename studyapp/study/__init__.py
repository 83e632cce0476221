"""Studying: quiz building and sessions, flashcard review, FSRS scheduling."""
