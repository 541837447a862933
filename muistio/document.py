"""A read document: its normalised text and the map back to the source text."""

from __future__ import annotations

from dataclasses import dataclass, field


class ReadError(Exception):
    """A document that cannot be read as minutes; the message is one line naming the problem."""


@dataclass(frozen=True)
class Document:
    """Normalised minutes text plus where it came from.

    `offsets[i]` is the index in `source_text` of normalised character `i`, so a quote found in
    `text` can be shown where it stands in the source.
    """

    path: str
    format: str
    sha256: str
    source_text: str
    text: str
    offsets: tuple[int, ...] = field(default=(), repr=False)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text back to the source text."""
        if not self.offsets:
            return start, end
        last = len(self.offsets) - 1
        s = self.offsets[min(start, last)]
        e = self.offsets[min(max(end - 1, 0), last)] + 1
        return s, e
