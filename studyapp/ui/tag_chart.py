"""What the statistics' "Accuracy per tag" chart shows: the weakest tags, their labels, its caption.

Plain functions (no chart is built here), so the choice of tags and the label text can be read
and tested apart from QtCharts. A label is escaped: QtCharts renders category labels as HTML.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontMetrics

from studyapp.stats import TagAccuracy
from studyapp.ui.plain_text import chart_text

MAX_TAGS = 10
#: Room for a tag on the axis, in average characters; a longer tag is cut with "…".
TAG_LABEL_CHARS = 22


def weakest_tags(tags: tuple[TagAccuracy, ...], limit: int = MAX_TAGS) -> list[TagAccuracy]:
    """The ``limit`` answered tags with the lowest accuracy, weakest first (as ``studyapp stats``
    orders them: by accuracy, then by name)."""
    answered = (t for t in tags if t.accuracy.answers)
    return sorted(answered, key=lambda t: (t.accuracy.ratio or 0.0, t.tag))[:limit]


def tag_categories(tags: list[TagAccuracy], metrics: QFontMetrics) -> list[str]:
    """One category label per tag: the tag, cut to ``TAG_LABEL_CHARS`` average characters of
    ``metrics`` (QtCharts clips a label wider than its room), escaped (QtCharts renders labels as
    HTML), and the number of answers behind its bar; kept unique, as a category axis needs."""
    room = metrics.averageCharWidth() * TAG_LABEL_CHARS
    labels: list[str] = []
    for t in tags:
        label = f"{chart_text(metrics.elidedText(t.tag, Qt.TextElideMode.ElideRight, room))} ({t.accuracy.answers})"
        while label in labels:  # two long tags cut to the same text
            label += "\u200b"
        labels.append(label)
    return labels


def tags_caption(shown: int, answered: int) -> str:
    """What the "Accuracy per tag" chart shows, said truly."""
    translate = QCoreApplication.translate
    which = (translate("StatsView", "each tag") if shown == answered
             else translate("StatsView", "the {shown} weakest of your {answered} answered tags").format(
                 shown=shown, answered=answered))
    return translate("StatsView", "Share of right answers for questions with {which}, weakest at the bottom; "
                     "the number after a tag is how many answers its bar counts (hover a bar for the whole "
                     "tag).").format(which=which)
