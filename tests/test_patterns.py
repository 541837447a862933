"""The saved regular expressions: the same patterns as `re.compile`, and a fallback when absent or stale."""

from __future__ import annotations

import marshal
import re
from pathlib import Path

import pytest

import muistio.extraction  # noqa: F401  (compiles the rules' patterns through `regex`)
from muistio import patterns
from muistio.extraction.parts import ODD_FOLD, CaseBlind, may_hold

TEST_PATTERN = "muistio-test-"


def _fresh(pattern: str, flags: int) -> re.Pattern[str]:
    """A compile that bypasses both our cache and `re`'s own."""
    compiled: re.Pattern[str] = patterns._compiler.compile(pattern, flags)
    return compiled


def test_every_saved_form_compiles_to_the_pattern_re_would_build() -> None:
    stamp, entries = marshal.loads(patterns.snapshot())
    assert tuple(stamp) == patterns._stamp()
    assert len(entries) == patterns.compiled_count() > 400
    for (pattern, flags), saved in entries:
        rebuilt = patterns._from_saved(pattern, saved)
        assert rebuilt == _fresh(pattern, flags), pattern[:80]
        assert rebuilt is not None and rebuilt.groupindex == _fresh(pattern, flags).groupindex


def test_the_installed_cache_is_current_and_covers_every_rule() -> None:
    if not patterns.CACHE_FILE.exists():
        pytest.skip("muistio/patterns.cache is written by `make` (make test builds it first)")
    saved = patterns._load(patterns.CACHE_FILE)
    assert saved, "the cache was written by another interpreter or is unreadable: run make"
    missing = [key for key in patterns._COMPILED if key not in saved and TEST_PATTERN not in key[0]]
    assert not missing, f"{len(missing)} patterns not in the cache (stale: run make): {missing[0][0][:60]}"
    for (pattern, flags), form in saved.items():
        assert patterns._from_saved(pattern, form) == _fresh(pattern, flags)


def test_a_cache_from_another_interpreter_or_a_broken_file_is_ignored(tmp_path: Path) -> None:
    other = tmp_path / "other.cache"
    other.write_bytes(marshal.dumps(((0x030A00F0, 1, 4), [(("a", 0), patterns.saved_form("a", 0))])))
    assert patterns._load(other) == {}
    broken = tmp_path / "broken.cache"
    broken.write_bytes(b"\x00not marshal")
    assert patterns._load(broken) == {}
    assert patterns._load(tmp_path / "absent.cache") == {}


def test_a_pattern_not_saved_is_compiled_as_usual_and_kept() -> None:
    first = patterns.regex(rf"(?P<who>{TEST_PATTERN}\d+)", re.I)
    assert first.match("MUISTIO-test-42") is not None
    assert first.match("MUISTIO-test-42").group("who") == "MUISTIO-test-42"  # type: ignore[union-attr]
    assert patterns.regex(rf"(?P<who>{TEST_PATTERN}\d+)", re.I) is first


def test_the_cheap_pretest_knows_every_letter_that_folds_unlike_lower() -> None:
    """`may_hold` may say no only where a case-blind pattern cannot match: every odd fold is known."""
    letters = re.compile("[a-zåäö]", re.I)
    lower = "abcdefghijklmnopqrstuvwxyzåäö"
    odd = {c for c in map(chr, range(0x110000)) if letters.fullmatch(c) and c.lower() not in lower}
    assert odd == set(ODD_FOLD)
    for c in odd:
        word = "kirje" if re.fullmatch("i", c, re.I) else "sopimus"
        text = word.replace("i" if word == "kirje" else "s", c, 1).upper()
        assert re.search(word, text, re.I)
        assert may_hold(text, [word])
    assert not may_hold("Pöytäkirja hyväksyttiin", ["sopimus"])


def test_a_case_blind_pattern_run_as_its_lower_case_twin_answers_as_the_pattern_itself() -> None:
    """`CaseBlind` only saves time: every method gives what the case-blind pattern gives, odd folds too."""
    rx = re.compile(r"(?<=[.:] )(?P<label>läsnä|present|närvarande)\b\s*:?", re.I)
    blind = CaseBlind(rx)
    texts = [
        "Kokous. LÄSNÄ: Aino",
        "x: Present Bo, then: present: Cy",
        "Möte. NÄRVARANDE Anna",
        "nobody here",
        "no. PRESENT",  # the lookbehind sees the text before the match, as the pattern does
        "a. Pre\u017fent: the long s folds to s only case-blind",
        "a. PRE\u017fENT: the same in capitals",
    ]
    for text in texts:
        for method in ("match", "fullmatch", "search"):
            got, want = getattr(blind, method)(text), getattr(rx, method)(text)
            assert (got and got.span()) == (want and want.span()), (method, text)
        assert [m.span() for m in blind.finditer(text)] == [m.span() for m in rx.finditer(text)], text
    assert blind.search(texts[-2]) is not None  # 'ſ' matches 's' case-blind, which lower() does not show


def test_only_a_wholly_case_blind_pattern_gets_a_lower_case_twin() -> None:
    """A case-sensitive part or an upper-case letter would make the twin miss what the pattern finds."""
    for pattern, flags in (("present", 0), ("(?-i:A)bc", re.I), ("[A-Z]bc", re.I)):
        with pytest.raises(ValueError):
            CaseBlind(re.compile(pattern, flags))
    assert CaseBlind(re.compile(r"(?P<who>\w+)\s+\S", re.I)).search("Kate WILL") is not None
