"""studyapp: study an article with flashcards, quizzes and scores kept locally."""

# The one place the version is written: pyproject.toml reads it from here ([tool.hatch.version]),
# so `studyapp --version`, the wheel's metadata and the AppStream release agree.
__version__ = "0.1.0"

#: The reverse-DNS application id: the desktop file, AppStream metainfo and icon names, and
#: QGuiApplication.desktopFileName, so desktops match the running window to its entry.
APP_ID = "io.github.studyapp.StudyApp"
