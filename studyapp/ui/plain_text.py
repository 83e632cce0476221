"""Text from question files, imports, file names and the user, made safe for every place Qt shows text.

A QLabel has a plain-text switch (``Qt.TextFormat.PlainText``, see ``plain_label``), but several
places of Qt have none and guess rich text from the text itself (``Qt::mightBeRichText``):
tooltips (also an item view's ``ToolTipRole``), QtCharts titles, axis titles and category labels
(always rendered as HTML), and the ``[*]`` placeholder of window titles. Rendered as rich text, an
``<img src="file:///dev/zero">`` in a tag or a title makes Qt read that file. Every such place goes
through one of these functions, so the text is shown as written and nothing in it is ever loaded.
"""

from __future__ import annotations

#: Longest text put into a tooltip; a tooltip is a hint, the screen shows the whole text.
TOOLTIP_MAX = 2000
#: Longest text put into a chart label (a tag on the "Accuracy per tag" axis).
CHART_LABEL_MAX = 60
#: Longest deck title shown as a name (headings, the deck list, menus of decks): a title of a
#: million characters took seconds to lay out, and crashed the statistics' deck chooser.
TITLE_MAX = 200


def escape_markup(text: str) -> str:
    """``html.escape(text, quote=False)``: ``&``, ``<`` and ``>`` as entities. Written out because
    importing ``html`` loads its table of 2,200 named entities (~1-2 ms), and the deck list's
    tooltips are escaped before the first paint (a test compares the two)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending in "…" when it was cut."""
    return text if len(text) <= limit else text[: max(0, limit - 1)] + "…"


def title_text(title: str) -> str:
    """A deck title as shown where it names the deck (at most ``TITLE_MAX`` characters)."""
    return shorten(title, TITLE_MAX)


def tooltip(text: str, limit: int = TOOLTIP_MAX) -> str:
    """A tooltip that shows ``text`` literally, line breaks kept.

    Qt renders a tooltip as rich text whenever it looks like markup, so the text is escaped and
    always wrapped in a paragraph: Qt then always renders it as rich text whose only content is
    the literal characters (nothing is guessed either way).
    """
    body = escape_markup(shorten(text, limit)).replace("\n", "<br>")
    return f'<p style="white-space:pre-wrap">{body}</p>'


def chart_text(text: str, limit: int = CHART_LABEL_MAX) -> str:
    """``text`` for a QtCharts title, axis title or category: QtCharts renders those as HTML."""
    return escape_markup(" ".join(shorten(text, limit).split()))


def window_title(text: str) -> str:
    """``text`` for ``setWindowTitle``: a ``[*]`` in it would be taken as the "modified" mark."""
    return text.replace("[*]", "[*][*]")
