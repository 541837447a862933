"""Write the saved regular expressions of the extraction rules (`make` runs this after installing)."""

from __future__ import annotations

from muistio import patterns


def main() -> int:
    """Import every module that compiles patterns at import, then write the cache file beside them."""
    import muistio.extraction
    import muistio.invite
    import muistio.mail
    import muistio.normalise
    import muistio.reading  # noqa: F401

    data = patterns.snapshot()
    tmp = patterns.CACHE_FILE.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(patterns.CACHE_FILE)
    print(f"{patterns.CACHE_FILE.name}: {patterns.compiled_count()} patterns, {len(data) // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
