"""Which inbox files a look claims: settled ones only, whatever the timing of the looks."""

from __future__ import annotations

import os
from pathlib import Path

from services.inbox import CLAIMED, claim_settled


def _drop(inbox: Path, name: str, mtime: float) -> Path:
    path = inbox / name
    path.write_text("Pöytäkirja\n", encoding="utf-8")
    os.utime(path, (mtime, mtime))
    return path


def test_a_file_older_than_the_settle_time_is_claimed_at_the_first_look(tmp_path: Path) -> None:
    _drop(tmp_path, "vanha.txt", 1_000.0)
    assert claim_settled(tmp_path, now=1_031.0, settle_seconds=30) == [str(tmp_path / CLAIMED / "vanha.txt")]


def test_two_looks_a_moment_apart_do_not_take_a_fresh_file(tmp_path: Path) -> None:
    fresh = _drop(tmp_path, "kesken.txt", 1_000.0)
    assert claim_settled(tmp_path, now=1_001.0, settle_seconds=30) == []
    assert claim_settled(tmp_path, now=1_002.0, settle_seconds=30) == []
    assert fresh.exists()


def test_a_file_dated_ahead_of_our_clock_is_claimed_once_it_stayed_the_same_for_the_settle_time(
    tmp_path: Path,
) -> None:
    ahead = _drop(tmp_path, "jako.txt", 5_000.0)  # a share whose clock runs ahead
    assert claim_settled(tmp_path, now=1_000.0, settle_seconds=30) == []
    assert claim_settled(tmp_path, now=1_020.0, settle_seconds=30) == []
    assert claim_settled(tmp_path, now=1_030.0, settle_seconds=30) == [str(tmp_path / CLAIMED / "jako.txt")]
    assert not ahead.exists()


def test_a_file_that_changed_between_looks_starts_its_wait_again(tmp_path: Path) -> None:
    growing = _drop(tmp_path, "kasvaa.txt", 5_000.0)
    assert claim_settled(tmp_path, now=1_000.0, settle_seconds=30) == []
    growing.write_text("Pöytäkirja\nLäsnä\n", encoding="utf-8")
    os.utime(growing, (5_020.0, 5_020.0))
    assert claim_settled(tmp_path, now=1_025.0, settle_seconds=30) == []
    assert claim_settled(tmp_path, now=1_040.0, settle_seconds=30) == []  # 15 s unchanged, not 30
    assert claim_settled(tmp_path, now=1_055.0, settle_seconds=30) == [str(tmp_path / CLAIMED / "kasvaa.txt")]


def test_partial_downloads_and_dotfiles_are_never_claimed(tmp_path: Path) -> None:
    _drop(tmp_path, "lataus.txt.part", 1_000.0)
    _drop(tmp_path, ".piilo.txt", 1_000.0)
    assert claim_settled(tmp_path, now=9_000.0, settle_seconds=30) == []
