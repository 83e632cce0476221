"""studyapp: study an article with flashcards, quizzes and scores kept locally."""

__version__ = "0.1.0"
