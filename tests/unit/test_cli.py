"""The window's quick argument path agrees with the full parser wherever it answers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from studyapp.cli import build_parser, window_args

TOKENS = st.sampled_from(
    ["--exit-when-shown", "--data-dir", "--questions", "--data-dir=d", "--exit", "-h", "--help", "--",
     "check", "stats", "d", "", "-x", "--deck", "x y", "ü"]
)


@given(st.lists(TOKENS, max_size=6))
def test_window_args_is_none_or_what_the_full_parser_gives(argv: list[str]) -> None:
    quick = window_args(argv)
    if quick is not None:
        assert quick == build_parser().parse_args(argv)


def test_plain_window_starts_take_the_quick_path() -> None:
    argv = ["--data-dir", "d", "--questions", "q1", "--exit-when-shown", "--questions", "q2"]
    args = window_args(argv)
    assert args is not None
    assert (args.data_dir, args.questions, args.exit_when_shown, args.command) == ("d", ["q1", "q2"], True, None)
    assert args == build_parser().parse_args(argv)
    assert window_args([]) == build_parser().parse_args([])


def test_commands_help_and_mistakes_go_to_the_full_parser() -> None:
    for argv in (["check"], ["--help"], ["--data-dir"], ["--data-dir", "-x"], ["--data-dir=d"], ["--exit"]):
        assert window_args(argv) is None, argv
