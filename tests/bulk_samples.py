"""Two small question files for the bulk-change tests (core and window): comments, blank
lines and two indentation styles that an edit must leave as they are."""

ALPHA = """\
# Alpha: a comment that stays
deck: alpha
title: Alpha
questions:
  - id: a1
    type: card
    prompt: First   # keep me
    answer: One

  - id: a2
    type: text
    prompt: "Second?"
    answer: [two, 2]
    tags: [old]

  # between a2 and a3
  - id: a3
    type: truefalse
    prompt: Third is true
    answer: true
"""

BETA = """\
deck: beta
title: Beta
questions:
- id: b1
  type: card
  prompt: Beta one
  answer: B
- id: b2
  type: card
  prompt: Beta two
  answer: C
"""
