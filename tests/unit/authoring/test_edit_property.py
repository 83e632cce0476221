"""Property: any valid edit, saved and loaded again, gives the question as edited and leaves every
other byte of the file unchanged (the bytes before and after the edited question's span)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.authoring.draft import Draft, draft_of
from studyapp.authoring.editcheck import EditKind, apply_edit
from studyapp.authoring.questionfile import QuestionFile
from studyapp.authoring.session import EditSession
from studyapp.bank.loader import read_file

from test_question_edits import FILE

_CHARS = "abcXYZ019 :#'\"-{}[],&*!|>%@`ŁŭžéЖ?"
words = st.text(alphabet=_CHARS, min_size=0, max_size=12).map(lambda s: "q" + s.strip() + "z")
distinct = st.lists(words, min_size=5, max_size=5).map(lambda ws: [f"{w} n{i}" for i, w in enumerate(ws)])
tags = st.lists(st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True), max_size=3, unique=True)


@st.composite
def drafts(draw: st.DrawFn) -> Draft:
    kind = draw(st.sampled_from(["choice", "text", "truefalse", "card", "order", "match", "multi", "cloze"]))
    d: Draft = {"id": draw(st.from_regex(r"[a-z0-9][a-z0-9_-]{0,10}", fullmatch=True).filter(lambda i: i not in ("q1", "q3"))),
                "type": kind}
    if kind != "cloze":
        d["prompt"] = draw(words)
    if kind in ("choice", "multi"):
        choices = draw(distinct)[: draw(st.integers(2, 5))]
        d["choices"] = choices
        if kind == "choice":
            d["answer"] = draw(st.sampled_from(choices))
        else:
            d["answers"] = draw(st.lists(st.sampled_from(choices), min_size=1, unique=True))
    elif kind == "truefalse":
        d["answer"] = draw(st.booleans())
    elif kind == "text":
        answers = draw(distinct)[: draw(st.integers(1, 3))]
        d["answer"] = answers[0] if len(answers) == 1 else answers
    elif kind == "card":
        d["answer"] = draw(words)
    elif kind == "order":
        d["items"] = draw(distinct)[: draw(st.integers(3, 5))]
    elif kind == "match":
        lefts = draw(distinct)[:3]
        rights = draw(distinct)[:3]
        d["pairs"] = dict(zip(lefts, rights))
    elif kind == "cloze":
        d["text"] = draw(words).replace("{", "(").replace("}", ")") + " {{" + draw(words).replace("{", "").replace("}", "").replace("|", "") + "}}"
    if draw(st.booleans()):
        d["explanation"] = draw(words)
    t = draw(tags)
    if t:
        d["tags"] = t
    return d


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(draft=drafts())
def test_valid_edit_round_trips_and_touches_nothing_else(tmp_path_factory: object, draft: Draft) -> None:
    folder = tmp_path_factory.mktemp("prop")  # type: ignore[attr-defined]
    path = folder / "demo.yaml"
    original = FILE.encode()
    path.write_bytes(original)
    old = QuestionFile.parse(original).span("q2")
    whole = apply_edit(path, original, EditKind.REPLACE, "q2", draft)
    assert whole.ok, (whole.problems, whole.elsewhere)
    session = EditSession.open(path)
    result = session.check(EditKind.REPLACE, "q2", draft)  # the fast check says what the whole check says
    assert result.ok and result.data == whole.data
    session.save(result, folder / "history")
    deck = read_file(path).deck
    assert deck is not None
    q = deck.question(str(draft["id"]))
    assert q is not None and draft_of(q) == _canonical(draft)
    text = path.read_bytes().decode()
    start, end = result.span
    assert text[:start] == FILE[: old.start]
    assert text[end:] == FILE[old.end :]


def _canonical(d: Draft) -> Draft:
    from studyapp.authoring.editcheck import canonical

    return canonical(d)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(["edit", "add", "delete", "rename"]), st.integers(0, 50)),
                      min_size=1, max_size=8))
def test_a_session_of_edits_knows_where_every_question_is(tmp_path_factory: object, steps: list[tuple[str, int]]) -> None:
    """After any sequence of saved edits, the session's idea of each question's place is what a
    fresh read of the file finds, and the file loads with exactly the questions expected."""
    folder = tmp_path_factory.mktemp("seq")  # type: ignore[attr-defined]
    path = folder / "demo.yaml"
    path.write_bytes(FILE.encode())
    session = EditSession.open(path)
    expected = {"q1": "Which?", "q2": "Capital of Belarus?", "q3": "Front"}
    fresh_id = iter(f"n{i}" for i in range(100))
    for op, pick in steps:
        ids = list(expected)
        qid = ids[pick % len(ids)]
        deck = read_file(path).deck
        assert deck is not None
        q = deck.question(qid)
        assert q is not None
        if op == "delete" and len(ids) > 1:
            result = session.check(EditKind.DELETE, qid)
            del expected[qid]
        elif op == "add":
            new = next(fresh_id)
            result = session.check(EditKind.ADD, None, {"id": new, "type": "card", "prompt": f"P {new}", "answer": "A"})
            expected[new] = f"P {new}"
        else:
            d = draft_of(q)
            d["prompt"] = f"edited {pick} " * (pick % 4 + 1)
            if op == "rename":
                d["id"] = next(fresh_id)
            result = session.check(EditKind.REPLACE, qid, d)
            expected = {(str(d["id"]) if k == qid else k): (str(d["prompt"]) if k == qid else v) for k, v in expected.items()}
        assert result.ok, (op, result.problems)
        session.save(result, folder / "history")
        fresh = QuestionFile.parse(path.read_bytes())
        assert [(s.question_id, s.start, s.end) for s in fresh.spans] == [
            (s.question_id, s.start, s.end) for s in (session.file._now(x) for x in session.file.spans)]
    deck = read_file(path).deck
    assert deck is not None
    assert {q.id: q.prompt for q in deck.questions} == expected
