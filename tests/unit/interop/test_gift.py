"""Moodle GIFT: every supported kind imports, unsupported ones are reported by line, round trips keep questions."""

from __future__ import annotations

import io
from argparse import Namespace
from pathlib import Path

from interophelpers import SAMPLES, load_clean

from studyapp.bank.model import (
    AnyQuestion,
    ChoiceQuestion,
    ClozeQuestion,
    Deck,
    MatchQuestion,
    MultiQuestion,
    TextQuestion,
    TrueFalseQuestion,
)
from studyapp.interop.commands import run_interop
from studyapp.interop.giftwrite import deck_to_gift, escape
from studyapp.interop.importer import import_file, imported_text
from studyapp.interop.yamlwrite import write_text_atomic


def test_moodle_examples_import_with_only_formatting_reported(tmp_path: Path) -> None:
    path = SAMPLES / "moodle_examples.gift"
    conv = import_file(path, "moodle")
    assert [str(p) for p in conv.problems] == [
        f"{path}:52: not carried over (plain text only): Markdown emphasis",
        f"{path}:54: not carried over (plain text only): bold",
    ]
    out = tmp_path / "moodle.yaml"
    write_text_atomic(out, imported_text(conv, "moodle_examples.gift", "moodle", "Moodle"))
    qs = {q.id: q for q in load_clean(out).questions}
    tomb = qs["grants-tomb"]
    assert isinstance(tomb, ChoiceQuestion) and tomb.answer == "Grant" and len(tomb.choices) == 5
    assert tomb.tags == ("Presidents", "history", "usa")  # $CATEGORY's part, then the comment's tags
    assert tomb.explanation is not None and tomb.explanation.splitlines() == [
        "Why not No one: Was true for 12 years, but Grant's remains were buried in the tomb in 1897",
        "Why not Napoleon: He was buried in France", "Why not Churchill: He was buried in England",
        "Why not Mother Teresa: She was buried in India"]
    missing = qs["grant-missing-word"]
    assert isinstance(missing, ChoiceQuestion) and missing.prompt == "Grant is _____ in Grant's tomb." and missing.answer == "entombed"
    tf = qs["truestatement-about-grant"]
    assert isinstance(tf, TrueFalseQuestion) and tf.answer is True and tf.explanation == (
        "Grant's Tomb is in Manhattan.\nYes, in Riverside Park.\nWhy not False: No, he was.")
    assert isinstance(qs["falsestatement-about-sun"], TrueFalseQuestion) and qs["falsestatement-about-sun"].answer is False
    short = qs["nobody"]
    assert isinstance(short, TextQuestion) and short.answers == ("no one", "nobody")
    assert short.explanation == "Grant and his wife are entombed, not buried."
    gap = qs["two-plus-two"]
    assert isinstance(gap, ClozeQuestion) and gap.text == "Two plus two equals {{four|4}}."
    match = qs["capitals"]
    assert isinstance(match, MatchQuestion) and ("India", "New Delhi") in match.pairs and len(match.pairs) == 4
    multi = qs["grant-s-tomb-people"]
    assert isinstance(multi, MultiQuestion) and set(multi.answers) == {"Grant", "Grant's wife"}
    esc = qs["escapes"]
    assert isinstance(esc, ChoiceQuestion) and esc.prompt == "In C, what does { x = 1; } do?"
    assert esc.explanation == "a single = assigns." and "sets x to ~1" in esc.choices
    assert qs["which-planet-is-the-red-one"].prompt == "Which planet is the red one?"
    assert qs["html-question"].prompt == "What is the capital of France?"


def test_unsupported_kinds_are_reported_by_line_and_skipped() -> None:
    path = SAMPLES / "unsupported.gift"
    conv = import_file(path, "u")
    assert [str(p) for p in conv.problems] == [
        f"{path}:2: tolerance ±5 not carried over: only 1822 exactly is accepted",
        f"{path}:4: essay questions are not supported; skipped",
        f"{path}:6: a description (no answers in {{...}}); skipped",
        f"{path}:8: unmatched '{{' or '}}' (escape literal braces as \\{{ \\}}); skipped",
    ]
    grant, good = conv.questions
    assert isinstance(grant, TextQuestion) and grant.answers == ("1822",)
    assert isinstance(good, ChoiceQuestion) and good.prompt == "The capital of Belarus is _____." and good.line == 10


def test_escape() -> None:
    assert escape("a:b=c~d#e{f}g\\h\ni") == "a\\:b\\=c\\~d\\#e\\{f\\}g\\\\h\\ni"


def _same(a: AnyQuestion, b: AnyQuestion) -> None:
    assert (a.type, a.id, a.prompt, a.explanation, a.tags) == (b.type, b.id, b.prompt, b.explanation, b.tags)
    assert a.content_hash == b.content_hash  # same answers / choices / pairs / cloze text


def test_yaml_gift_yaml_round_trip_keeps_every_expressible_question(tmp_path: Path, every_type: Deck) -> None:
    gift, skipped = deck_to_gift(every_type.questions, every_type.title)
    assert skipped == []  # order as matching, card as essay, a two-gap cloze as two missing-word questions
    gift_path = tmp_path / "every.gift"
    gift_path.write_text(gift, encoding="utf-8")
    conv = import_file(gift_path, every_type.id)
    assert conv.problems == []
    back = tmp_path / "back.yaml"
    write_text_atomic(back, imported_text(conv, "every.gift", every_type.id, every_type.title))
    again = {q.id: q for q in load_clean(back).questions}
    expressible = [q for q in every_type.questions if q.id not in {s.id for s, _ in skipped}]
    assert sorted(again) == sorted(q.id for q in expressible)
    for q in expressible:
        _same(q, again[q.id])


def test_cli_export_gift_reports_what_gift_cannot_hold(tmp_path: Path) -> None:
    qdir = tmp_path / "questions"
    qdir.mkdir()
    arrow_left = """
  - id: arrow-match
    type: match
    prompt: Match the arrows.
    pairs:
      "a -> b": right
      c: left
      e: up
"""
    (qdir / "every.yaml").write_text((SAMPLES / "every_type.yaml").read_text(encoding="utf-8") + arrow_left,
                                     encoding="utf-8")
    out = io.StringIO()
    target = tmp_path / "out.gift"
    args = Namespace(command="export", deck="every-type", format="gift", out=str(target),
                     data_dir=str(tmp_path / "data"), questions=[str(qdir)])
    assert run_interop(args, {}, out) == 1
    text = out.getvalue()
    assert (f"{qdir / 'every.yaml'}:64: question 'arrow-match' not exported: a left side holds '->', "
            "which GIFT cannot escape in a matching question") in text
    assert "Exported 12 of 13 questions" in text
    assert "::pm-choice::" in target.read_text(encoding="utf-8")
    args.deck, args.out = "nope", str(tmp_path / "nope.gift")
    out = io.StringIO()
    assert run_interop(args, {}, out) == 1 and "no deck 'nope'" in out.getvalue()
    assert not (tmp_path / "nope.gift").exists()
