"""Regular expressions compiled from a saved form: start-up without re-parsing hundreds of patterns.

Python's `re` parses and assembles every pattern in pure Python; the extraction rules hold over 500
of them, which cost ~0.45 s at each start of `muistio extract` (most of its wall time). The saved
form is what `re` would hand to the C engine (`_sre.compile`) for the same pattern and flags, kept
in `patterns.cache` beside this file, written by `python -m services.patterns` (run by `make`) and
valid only for the interpreter that wrote it (version and engine magic are checked). A pattern that
is not in it, or any mismatch, falls back to `re.compile`, so the cache changes speed, never results
(tests/test_patterns.py compares every saved entry with a fresh `re.compile`).
"""

from __future__ import annotations

import importlib
import marshal
import re
import sys
from pathlib import Path
from typing import Any

try:  # CPython's engine and the parts of `re` that feed it; elsewhere the cache is simply not used
    _sre: Any = importlib.import_module("_sre")
    _compiler: Any = importlib.import_module("re._compiler")
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover
    _sre = None

CACHE_FILE = Path(__file__).with_name("patterns.cache")
_Key = tuple[str, int]
_Args = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def _stamp() -> tuple[int, int, int]:
    """What the saved form depends on: the interpreter and its regex engine."""
    return (sys.hexversion, getattr(_sre, "MAGIC", 0), getattr(_sre, "CODESIZE", 0))


def _load(path: Path) -> dict[_Key, _Args]:
    """The saved forms, or nothing when absent, unreadable or written by another interpreter."""
    if _sre is None:
        return {}
    try:
        stamp, entries = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return dict(entries) if tuple(stamp) == _stamp() else {}


_SAVED: dict[_Key, _Args] = _load(CACHE_FILE)
_COMPILED: dict[_Key, re.Pattern[str]] = {}


def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the saved form when there is one."""
    key = (pattern, int(flags))
    found = _COMPILED.get(key)
    if found is None:
        saved = _SAVED.get(key)
        found = _from_saved(pattern, saved) if saved is not None else None
        if found is None:
            found = re.compile(pattern, flags)
        _COMPILED[key] = found
    return found


def _from_saved(pattern: str, saved: _Args) -> re.Pattern[str] | None:
    try:
        compiled: re.Pattern[str] = _sre.compile(pattern, *saved)
    except (TypeError, ValueError, RuntimeError):
        return None
    return compiled


def saved_form(pattern: str, flags: int) -> _Args:
    """What `re._compiler.compile` passes to the engine for this pattern (plain ints, for marshal)."""
    parsed = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]
    state = parsed.state
    groupindex = dict(state.groupdict)
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (int(flags | state.flags), code, state.groups - 1, groupindex, tuple(indexgroup))


def snapshot() -> bytes:
    """The saved forms of every pattern compiled through `regex` so far, in the cache file's format."""
    entries = sorted((key, saved_form(*key)) for key in _COMPILED)
    return marshal.dumps((_stamp(), entries))


def compiled_count() -> int:
    """How many distinct patterns `regex` has compiled in this process."""
    return len(_COMPILED)
