"""What may stand in a one-line field that ends up in mail headers, calendars and pages."""

from __future__ import annotations

import unicodedata

# Bidirectional overrides and isolates reorder what a reader sees (a name that reads as another name).
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def unsafe_character(value: str) -> str | None:
    """A description of the first character a one-line field must not hold (None: the value is clean)."""
    for char in value:
        if char in "\r\n\u2028\u2029\x85":
            return "a line break"
        if char in _BIDI_CONTROLS:
            return f"a text-direction control character (U+{ord(char):04X})"
        if unicodedata.category(char) == "Cc":
            return f"a control character (U+{ord(char):04X})"
    return None
