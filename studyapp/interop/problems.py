"""What a conversion produced: questions, plus the problems found on the way (``path:line: message``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from studyapp.bank.model import AnyQuestion
from studyapp.interop.fit import rule_problem
from studyapp.messages import QT_TRANSLATE_NOOP, Message


@dataclass(frozen=True, slots=True)
class InteropProblem:
    """Something that could not be converted, at a 1-based line (0 when no line applies)."""

    path: Path
    line: int
    message: str  # English, as the command line prints it
    wording: Message | None = None  # the same for the window, marked for the translators

    def __str__(self) -> str:
        return self.located(self.message)

    def located(self, text: str) -> str:
        """``path:line: text`` (``path: text`` when no line applies): ``str()`` with ``text`` as
        the message (the window passes it in its own language)."""
        return f"{self.path}:{self.line}: {text}" if self.line else f"{self.path}: {text}"


def _problem(path: Path, line: int, message: str | Message) -> InteropProblem:
    return InteropProblem(path, line, str(message), message if isinstance(message, Message) else None)


@dataclass(slots=True)
class Conversion:
    """Questions converted so far and the problems met; converters append to both."""

    questions: list[AnyQuestion] = field(default_factory=list)
    problems: list[InteropProblem] = field(default_factory=list)
    failed: bool = False  # the whole file was unusable: its one problem says why
    media: dict[str, bytes] = field(default_factory=dict)  # pictures to write under media/: file name → bytes

    def fail(self, path: Path, message: str | Message, line: int = 0) -> None:
        """Nothing of ``path`` can be used: drop what was converted, keep ``message`` as the one problem."""
        self.questions.clear()
        self.media.clear()
        self.problems[:] = [_problem(path, line, message)]
        self.failed = True

    def problem(self, path: Path, line: int, message: str | Message) -> None:
        """Report ``message`` at ``line`` of ``path`` (a ``Message`` is shown translated in the window)."""
        self.problems.append(_problem(path, line, message))

    def add(self, question: AnyQuestion, path: Path, line: int) -> bool:
        """Keep ``question`` if it fits the file format; otherwise report why, at ``line``, and skip it."""
        why = rule_problem(question)
        if why is not None:
            self.problem(path, line, Message(QT_TRANSLATE_NOOP("Core", "{problem}; skipped"), problem=why))
            return False
        self.questions.append(question)
        return True
