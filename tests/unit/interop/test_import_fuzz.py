"""Arbitrary input never crashes an importer, and whatever it converts loads with zero problems."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from interophelpers import load_clean

from studyapp.interop.ankitext import parse_anki_text
from studyapp.interop.gift import parse_gift
from studyapp.interop.problems import Conversion
from studyapp.interop.yamlwrite import dump_deck, write_text_atomic

GIFTISH = st.lists(
    st.sampled_from(["::t::", "{", "}", "=", "~", "#", "####", "->", "%50%", "\\", ":", "T", "FALSE", "//", "[tag:x]",
                     "\n", "\n\n", " ", "a", "Ł", "{{", "}}", "|", "[html]", "<b>", "&amp;", "\t", ";", ",", '"', "#separator:tab\n"]),
    max_size=40,
).map("".join)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(GIFTISH, st.text(max_size=200)))
def test_importers_never_raise_and_output_always_loads(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for parse in (parse_gift, parse_anki_text):
            conversion = Conversion()
            parse(Path(tmp) / "in.txt", text, "fuzz", conversion)
            if conversion.questions:
                out = Path(tmp) / "fuzz.yaml"
                write_text_atomic(out, dump_deck("fuzz", "Fuzz", conversion.questions))
                load_clean(out)
