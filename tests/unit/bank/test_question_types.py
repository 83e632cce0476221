"""Every question type: what loads, and each way it can be wrong, at its exact line and column."""

from __future__ import annotations

from collections.abc import Callable
from textwrap import dedent, indent

import pytest
from bankhelpers import HEAD, Checked

from studyapp.bank.model import (
    CardQuestion,
    ChoiceQuestion,
    ClozeGap,
    ClozeQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    QuestionType,
    TextQuestion,
    TrueFalseQuestion,
)

Check = Callable[..., Checked]


def deck(body: str) -> str:
    """A deck whose only question starts at line 4 (fields at column 5)."""
    return HEAD + indent(dedent(body), "  ")


def test_choice_loads_with_every_common_field(check: Check) -> None:
    d, problems = check(
        deck("""\
          - id: pm-january-17
            type: choice
            prompt: Who said it?
            choices: [Raman Hałoŭčanka, Maksim Ryžankoŭ, Ihar Karpienka]
            answer: Raman Hałoŭčanka
            explanation: He is the Prime Minister.
            quote: anything (no source to check against)
            tags: [people, dates]
        """)
    )
    assert problems == []
    assert d is not None and d.id == "test-deck" and d.title == "Test deck"
    (q,) = d.questions
    assert q == ChoiceQuestion(
        deck="test-deck",
        id="pm-january-17",
        prompt="Who said it?",
        choices=("Raman Hałoŭčanka", "Maksim Ryžankoŭ", "Ihar Karpienka"),
        answer="Raman Hałoŭčanka",
        explanation="He is the Prime Minister.",
        quote="anything (no source to check against)",
        tags=("people", "dates"),
        line=4,
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("choices: [a, b]\n    answer: c", "8:13: answer 'c' is not one of the choices"),
        (
            "choices: [Minsk, b]\n    answer: minsk",
            "8:13: answer 'minsk' is not one of the choices (did you mean 'Minsk'?)",
        ),
        ("choices: [a]\n    answer: a", "7:14: 'choices' needs 2 to 8 choices, found 1"),
        ("choices: [a, b, c, d, e, f, g, h, i]\n    answer: a", "7:14: 'choices' needs 2 to 8 choices, found 9"),
        (
            "choices: [Łukašenka, b, lukasenka]\n    answer: b",
            "7:29: duplicate choice 'lukasenka': same as 'Łukašenka' at line 7 (case, accents and punctuation are ignored)",
        ),
        ("choices: [a, b, a]\n    answer: b", "7:21: duplicate choice 'a', first defined at line 7"),
        (
            "choices: a or b\n    answer: a",
            "7:14: 'choices' must be a list ('[a, b]' or '- a' lines), not the text 'a or b'",
        ),
        ("choices: [a, [b]]\n    answer: a", "7:18: item 2 of 'choices' must be text, not a list"),
        ("choices: [a, ~]\n    answer: a", "7:18: item 2 of 'choices' is empty"),
        ("choices: [a, b]\n    answer: [a]", "8:13: 'answer' must be text, not a list"),
        ("choices: [a, b]", "4:5: missing field 'answer' in question 'q1'"),
        ("answer: a", "4:5: missing field 'choices' in question 'q1'"),
    ],
)
def test_choice_problems(check: Check, body: str, expected: str) -> None:
    d, problems = check(
        HEAD + f"  - id: q1\n    type: choice\n    {body}\n".replace("type: choice\n", "type: choice\n    prompt: P\n")
    )
    assert problems == [expected]
    assert d is None


def test_multi_loads_and_checks_answers(check: Check) -> None:
    good = deck("""\
      - id: m1
        type: multi
        prompt: Which?
        choices: [a, b, c]
        answers: [a, c]
    """)
    d, problems = check(good)
    assert problems == []
    assert d is not None and d.questions[0] == MultiQuestion(
        deck="test-deck", id="m1", prompt="Which?", choices=("a", "b", "c"), answers=("a", "c"), line=4
    )
    assert check(good.replace("[a, c]", "[a, d]"))[1] == ["8:18: answer 'd' is not one of the choices"]
    assert check(good.replace("[a, c]", "[a, a]"))[1] == ["8:18: duplicate answer 'a', first defined at line 8"]
    assert check(good.replace("[a, c]", "[]"))[1] == ["8:14: 'answers' is empty; list at least one right choice"]
    assert check(good.replace("[a, c]", "a"))[1] == [
        "8:14: 'answers' must be a list ('[a, b]' or '- a' lines), not the text 'a'"
    ]
    # 'answer' instead of 'answers': both the missing field and the hint.
    assert check(good.replace("answers:", "answer:"))[1] == [
        "4:5: missing field 'answers' in question 'm1'",
        "8:5: 'answer' is not used by type 'multi' — did you mean 'answers'?",
    ]


@pytest.mark.parametrize(
    ("written", "value"), [("true", True), ("false", False), ("True", True), ("FALSE", False), ("tRuE", True)]
)
def test_truefalse_takes_unquoted_true_or_false_in_any_case(check: Check, written: str, value: bool) -> None:
    d, problems = check(HEAD + f"  - id: t\n    type: truefalse\n    prompt: P\n    answer: {written}\n")
    assert problems == []
    assert d is not None and d.questions[0] == TrueFalseQuestion(
        deck="test-deck", id="t", prompt="P", answer=value, line=4
    )


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("yes", "answer must be true or false, not 'yes' (write true or false)"),
        ("on", "answer must be true or false, not 'on' (write true or false)"),
        ("No", "answer must be true or false, not 'No' (write true or false)"),
        ('"true"', "answer must be an unquoted true or false; remove the quotes around 'true'"),
        ("'false'", "answer must be an unquoted true or false; remove the quotes around 'false'"),
        ("!!str true", "answer must be an unquoted true or false; remove the '!!str' tag before 'true'"),
        ("maybe", "answer must be true or false, not the text 'maybe'"),
        ("[true]", "answer must be true or false, not a list"),
    ],
)
def test_truefalse_problems(check: Check, written: str, expected: str) -> None:
    _d, problems = check(HEAD + f"  - id: t\n    type: truefalse\n    prompt: P\n    answer: {written}\n")
    assert problems == [f"7:13: {expected}"]


def test_text_answer_is_text_or_a_list_and_stays_as_written(check: Check) -> None:
    d, problems = check(
        deck("""\
          - id: year
            type: text
            prompt: Which year?
            answer: 2020
          - id: city
            type: text
            prompt: Which city?
            answer: [Minsk, Miensk, Minsk]
        """)
    )
    assert problems == []
    assert d is not None
    assert d.questions[0] == TextQuestion(deck="test-deck", id="year", prompt="Which year?", answers=("2020",), line=4)
    assert d.questions[1].answers == ("Minsk", "Miensk")  # type: ignore[union-attr]
    base = HEAD + "  - id: x\n    type: text\n    prompt: P\n    answer: {}\n"
    assert check(base.format("{a: b}"))[1] == ["7:13: answer must be text or a list of accepted texts, not a mapping"]
    assert check(base.format("[]"))[1] == ["7:13: answer is an empty list; give at least one accepted answer"]
    assert check(base.format("~"))[1] == ["7:13: field 'answer' in question 'x' is empty ('~' is YAML for no value)"]
    # an answer of punctuation alone would accept a blank response
    assert check(base.format("[Minsk, '?!']"))[1] == [
        "7:13: accepted answer '?!' has no letters or digits, so a typed answer cannot be compared with it"
    ]


def test_cloze_parses_gaps_and_takes_an_optional_prompt(check: Check) -> None:
    d, problems = check(
        deck("""\
          - id: c1
            type: cloze
            prompt: Fill the gaps.
            text: On January {{26|twenty-six}}, he lashed out at the {{West}}.
          - id: c2
            type: cloze
            text: No prompt {{needed}}
        """)
    )
    assert problems == []
    assert d is not None
    c1 = d.questions[0]
    assert isinstance(c1, ClozeQuestion) and c1.prompt == "Fill the gaps."
    assert c1.parts == (
        "On January ",
        ClozeGap(("26", "twenty-six")),
        ", he lashed out at the ",
        ClozeGap(("West",)),
        ".",
    )
    assert d.questions[1].prompt is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In {{2020 the West", "7:14: cloze text: unclosed gap '{{' (close it with '}}')"),
        ("In {{}} the West", "7:14: cloze text: empty gap '{{}}'"),
        ("In {{war|}} the West", "7:14: cloze text: empty alternative in gap '{{war|}}'"),
        ("In 2020 the West", "7:11: cloze text: a cloze text needs at least one gap like {{answer}}"),
        ('"In {{}} quoted"', "7:11: cloze text: empty gap '{{}}'"),  # quoted: at the text's start
        ("[a]", "7:11: 'text' must be text, not a list"),
        (
            "In {{2020|...}}",
            "7:11: accepted answer '...' has no letters or digits, so a typed answer cannot be compared with it",
        ),
    ],
)
def test_cloze_problems(check: Check, text: str, expected: str) -> None:
    _d, problems = check(HEAD + f"  - id: c\n    type: cloze\n    prompt: P\n    text: {text}\n")
    assert problems == [expected]


def test_order_items_keep_their_order_and_are_checked(check: Check) -> None:
    base = HEAD + "  - id: o\n    type: order\n    prompt: P\n    items: {}\n"
    d, problems = check(base.format("[third, first, second]"))
    assert problems == []
    assert d is not None and d.questions[0] == OrderQuestion(
        deck="test-deck", id="o", prompt="P", items=("third", "first", "second"), line=4
    )
    assert check(base.format("[a, b]"))[1] == ["7:12: 'items' needs 3 to 8 items, found 2"]
    assert check(base.format("[a, b, c, d, e, f, g, h, i]"))[1] == ["7:12: 'items' needs 3 to 8 items, found 9"]
    assert check(base.format("[a, b, 'A.']"))[1] == [
        "7:19: duplicate item 'A.': same as 'a' at line 7 (case, accents and punctuation are ignored)"
    ]


def test_match_pairs_keep_file_order_and_are_checked(check: Check) -> None:
    base = HEAD + "  - id: m\n    type: match\n    prompt: P\n    pairs:\n{}"
    pairs = "      Hałoŭčanka: Prime Minister\n      Ryžankoŭ: Foreign Minister\n      Biden: US President\n"
    d, problems = check(base.format(pairs))
    assert problems == []
    assert d is not None and d.questions[0] == MatchQuestion(
        deck="test-deck",
        id="m",
        prompt="P",
        pairs=(("Hałoŭčanka", "Prime Minister"), ("Ryžankoŭ", "Foreign Minister"), ("Biden", "US President")),
        line=4,
    )
    assert check(base.format(pairs.replace("US President", "prime minister")))[1] == [
        "10:14: duplicate match value 'prime minister': same as 'Prime Minister' at line 8 (case, accents and punctuation are ignored)"
    ]
    assert check(base.format(pairs.replace("Biden", "Ryžankoŭ")))[1] == [
        "10:7: duplicate left side 'Ryžankoŭ', first defined at line 9"
    ]
    assert check(base.format(pairs.replace("Biden", "ryzankou")))[1] == [
        "10:7: duplicate left side 'ryzankou': same as 'Ryžankoŭ' at line 9 (case, accents and punctuation are ignored)"
    ]
    two = "".join(pairs.splitlines(keepends=True)[:2])
    assert check(base.format(two))[1] == ["8:7: 'pairs' needs 3 to 8 pairs, found 2"]
    assert check(HEAD + "  - id: m\n    type: match\n    prompt: P\n    pairs: [a, b, c]\n")[1] == [
        "7:12: 'pairs' must be a mapping of left: right lines, not a list"
    ]
    assert check(base.format(pairs.replace("US President", "[a, b]")))[1] == [
        "10:14: 'pairs: Biden' must be text, not a list"
    ]


def test_card_is_prompt_and_answer(check: Check) -> None:
    d, problems = check(HEAD + "  - id: k\n    type: card\n    prompt: Front\n    answer: Back\n")
    assert problems == []
    assert d is not None and d.questions[0] == CardQuestion(
        deck="test-deck", id="k", prompt="Front", answer="Back", line=4
    )
    assert check(HEAD + "  - id: k\n    type: card\n    answer: Back\n")[1] == [
        "4:5: missing field 'prompt' in question 'k'"
    ]


@pytest.mark.parametrize("qtype", list(QuestionType))
def test_every_type_reports_each_missing_required_field_at_the_question(check: Check, qtype: QuestionType) -> None:
    _d, problems = check(HEAD + "  - tags: [x]\n  - id: q\n    type: " + qtype.value + "\n")
    required = {
        QuestionType.CHOICE: ["prompt", "choices", "answer"],
        QuestionType.MULTI: ["prompt", "choices", "answers"],
        QuestionType.TRUEFALSE: ["prompt", "answer"],
        QuestionType.TEXT: ["prompt", "answer"],
        QuestionType.CLOZE: ["text"],
        QuestionType.ORDER: ["prompt", "items"],
        QuestionType.MATCH: ["prompt", "pairs"],
        QuestionType.CARD: ["prompt", "answer"],
    }[qtype]
    assert problems == [
        "4:5: missing field 'id'",
        "4:5: missing field 'type'",
        *[f"5:5: missing field '{name}' in question 'q'" for name in required],
    ]


_FILLED = {  # each type's required fields, filled in validly, in the order they are checked
    QuestionType.CHOICE: {"prompt": "P", "choices": "[a, b]", "answer": "a"},
    QuestionType.MULTI: {"prompt": "P", "choices": "[a, b]", "answers": "[a]"},
    QuestionType.TRUEFALSE: {"prompt": "P", "answer": "true"},
    QuestionType.TEXT: {"prompt": "P", "answer": "Minsk"},
    QuestionType.CLOZE: {"text": "In {{Minsk}}"},
    QuestionType.ORDER: {"prompt": "P", "items": "[a, b, c]"},
    QuestionType.MATCH: {"prompt": "P", "pairs": "{a: 1, b: 2, c: 3}"},
    QuestionType.CARD: {"prompt": "P", "answer": "B"},
}


@pytest.mark.parametrize(("empty", "hint"), [("", ""), ('""', ""), ("''", ""), ("null", " ('null' is YAML for no value)"),
                                             ("~", " ('~' is YAML for no value)")])
@pytest.mark.parametrize("qtype", list(QuestionType))
def test_an_empty_required_field_is_reported_as_empty_at_its_value(
        check: Check, qtype: QuestionType, empty: str, hint: str) -> None:
    # The field is there, so "missing" would send the reader looking for the wrong thing.
    for n, name in enumerate(_FILLED[qtype]):
        fields = {**_FILLED[qtype], name: empty}
        lines = "".join(f"    {k}: {v}\n".replace(": \n", ":\n") for k, v in fields.items())
        _d, problems = check(HEAD + f"  - id: q\n    type: {qtype.value}\n" + lines)
        column = 5 + len(name) + (2 if empty else 1)
        assert problems == [f"{6 + n}:{column}: field '{name}' in question 'q' is empty{hint}"]


@pytest.mark.parametrize(("field", "text", "where"), [
    ("deck", "deck: ''\ntitle: T\nquestions: [{id: k, type: card, prompt: F, answer: B}]\n", "1:7"),
    ("title", "deck: d\ntitle: null\nquestions: [{id: k, type: card, prompt: F, answer: B}]\n", "2:8"),
    ("id", HEAD + "  - id: ~\n    type: card\n    prompt: F\n    answer: B\n", "4:9"),
    ("type", HEAD + "  - id: k\n    type:\n    prompt: F\n    answer: B\n", "5:10"),
])
def test_an_empty_deck_title_id_or_type_is_reported_at_its_value(check: Check, field: str, text: str, where: str) -> None:
    _d, problems = check(text)
    assert len(problems) == 1 and problems[0].startswith(f"{where}: field '{field}' ")
    assert "is empty" in problems[0]


@pytest.mark.parametrize(
    ("qtype", "field"),
    [
        ("text", "choices"),
        ("card", "choices"),
        ("truefalse", "items"),
        ("choice", "pairs"),
        ("order", "text"),
        ("match", "answer"),
        ("cloze", "answer"),
    ],
)
def test_a_field_another_type_uses_is_an_error(check: Check, qtype: str, field: str) -> None:
    _d, problems = check(HEAD + f"  - id: q\n    type: {qtype}\n    {field}: x\n")
    assert f"6:5: '{field}' is not used by type '{qtype}'" in problems


def test_common_fields_on_every_type_and_their_shapes(check: Check) -> None:
    base = HEAD + "  - id: k\n    type: card\n    prompt: F\n    answer: B\n"
    d, problems = check(base + "    explanation: Why\n    quote: Q\n    tags: [a, 2025, a]\n")
    assert problems == []
    assert d is not None and d.questions[0].tags == ("a", "2025")
    assert check(base + "    tags: a, b\n")[1] == [
        "8:11: 'tags' must be a list ('[a, b]' or '- a' lines), not the text 'a, b'"
    ]
    assert check(base + "    explanation: {a: b}\n")[1] == ["8:18: 'explanation' must be text, not a mapping"]
    assert check(base + "    quote: [a]\n")[1] == ["8:12: 'quote' must be text, not a list"]
    d, problems = check(base + "    explanation: ~\n    tags:\n")
    assert problems == [] and d is not None and d.questions[0].explanation is None


def test_question_ids(check: Check) -> None:
    one = "  - id: {}\n    type: card\n    prompt: F\n    answer: B\n"
    d, problems = check(HEAD + one.format("42") + one.format("a_b-c"))
    assert problems == [] and d is not None and [q.id for q in d.questions] == ["42", "a_b-c"]
    assert check(HEAD + one.format("pm-january-17") + one.format("pm-january-17"))[1] == [
        "8:9: duplicate id 'pm-january-17', first defined at line 4"
    ]
    assert check(HEAD + one.format("Bad Id"))[1] == [
        "4:9: id 'Bad Id' may only use lowercase letters, digits, '_' and '-'"
    ]


def test_unknown_fields_and_types_get_hints(check: Check) -> None:
    base = HEAD + "  - id: q\n    type: card\n    prompt: F\n    answer: B\n"
    assert check(base + "    anwser: B\n")[1] == ["8:5: unknown field 'anwser' — did you mean 'answer'?"]
    assert check(base + "    colour: red\n")[1] == [
        "8:5: unknown field 'colour' (fields of type 'card': id, type, prompt, answer, image, image_alt, explanation, quote, tags)"
    ]
    assert check(base.replace("type: card", "type: flashcard"))[1] == [
        "5:11: unknown type 'flashcard' (one of: choice, multi, truefalse, text, cloze, order, match, card)"
    ]
    assert check(base.replace("type: card", "type: Choise"))[1] == [
        "5:11: unknown type 'Choise' — did you mean 'choice'?"
    ]


def test_choices_of_punctuation_alone_are_compared_as_written(check: Check) -> None:
    d, problems = check(
        HEAD + "  - id: p\n    type: choice\n    prompt: Which sign?\n    choices: ['?', '!']\n    answer: '!'\n"
    )
    assert problems == [] and d is not None and d.questions[0].choices == ("?", "!")  # type: ignore[union-attr]


def test_a_file_with_very_many_problems_stops_after_100(check: Check) -> None:
    _d, problems = check(HEAD + "  - id: k\n    type: card\n" * 150)
    assert len(problems) == 101
    assert problems[0] == "4:5: missing field 'prompt' in question 'k'"
    assert problems[-1].endswith(": more than 100 problems; stopped checking this file")


def test_long_texts_are_cut_in_messages(check: Check) -> None:
    long = "x" * 1000  # YAML allows keys of up to 1,024 characters
    _d, problems = check(HEAD + f"  - id: k\n    type: card\n    prompt: F\n    answer: B\n    {long}: y\n")
    assert problems == [
        f"8:5: unknown field '{'x' * 59}…' (fields of type 'card': id, type, prompt, answer, image, image_alt, explanation, quote, tags)"
    ]
    _d, problems = check(HEAD + f"  - id: k\n    type: card\n    prompt: F\n    answer: !{long} B\n")
    assert len(problems) == 1 and len(problems[0]) < 200
