"""Reading and extracting minutes in a child process with a time and a memory limit.

A hostile or broken file (a DOCX holding 48 MB of XML, a 19 MB text, a pathological PDF) must not take
the service down: the child gets an address-space limit, the parent waits at most the time limit, and
either overrun kills the child and ends in one line. The child is reused across files, so a batch pays
its start (and the extraction modules' import) once.
"""

from __future__ import annotations

import atexit
import pickle
import select
import struct
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from muistio.contract import Extraction
from muistio.document import Document
from muistio.errors import MuistioError
from muistio.settings import Settings


class ParseError(MuistioError):
    """A file that could not be read or extracted; the message is one line naming the file."""


@dataclass(frozen=True)
class ParseLimits:
    """How much one file may cost."""

    seconds: float = 60.0
    memory_mb: int = 1024
    max_chars: int = 2_000_000

    @classmethod
    def of(cls, settings: Settings) -> ParseLimits:
        """The limits configured in settings."""
        return cls(settings.parse_seconds, settings.parse_memory_mb, settings.parse_max_chars)


def _limit_memory(memory_mb: int) -> None:
    """Cap the child's address space, so a runaway parse gets MemoryError instead of the machine's memory."""
    import resource

    cap = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _work(path: str, settings: Settings, limits: ParseLimits, min_confidence: float | None) -> Any:
    """Read and extract one file (in the child); a tuple ("ok", doc, extraction) or ("error", line)."""
    from muistio.document import ReadError
    from muistio.extraction import extract
    from muistio.morphology import morphology_for
    from muistio.reading import read_document

    try:
        doc = read_document(Path(path))
        if len(doc.text) > limits.max_chars:
            length = len(doc.text)
            return ("error", f"{path}: the text is {length} characters; the limit is {limits.max_chars}")
        threshold = settings.min_confidence if min_confidence is None else min_confidence
        found = extract(
            doc,
            timezone=settings.timezone,
            min_confidence=threshold,
            morphology=morphology_for(settings.morphology),
        )
    except ReadError as exc:
        return ("error", str(exc))
    except MemoryError:
        raise
    except Exception as exc:  # a bug must still end in one line naming the file
        return ("error", f"{path}: extraction failed ({type(exc).__name__}: {exc}); please report this file")
    return ("ok", doc, found)


def _send(stream: IO[bytes], obj: object) -> None:
    """One length-prefixed pickle on a pipe."""
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack(">Q", len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    """One length-prefixed pickle from a pipe (our own child's, so trusted); EOFError when it is closed."""
    head = stream.read(8)
    if len(head) < 8:
        raise EOFError
    (size,) = struct.unpack(">Q", head)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


def _child_main() -> None:
    """The child's loop: one request in on stdin, one answer out on stdout, until stdin closes."""
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write into the answer pipe
    limits: ParseLimits = _receive(inp)
    _limit_memory(limits.memory_mb)
    while True:
        try:
            request = _receive(inp)
        except EOFError:
            return
        try:
            answer = _work(*request)
        except MemoryError:
            _send(out, ("memory",))
            return  # the heap may be fragmented past use; the parent starts a fresh child
        _send(out, answer)


class BoundedParser:
    """One reusable child process that reads and extracts files under limits."""

    def __init__(self, limits: ParseLimits) -> None:
        self.limits = limits
        self._lock = threading.Lock()
        self._child: subprocess.Popen[bytes] | None = None

    def _start(self) -> subprocess.Popen[bytes]:
        if self._child is not None and self._child.poll() is None:
            return self._child
        self._stop()
        # A fresh interpreter, not a fork: callers may run threads (Prefect, uvicorn) whose locks fork copies.
        child = subprocess.Popen(
            [sys.executable, "-m", "services.parsing"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            close_fds=True,
        )
        assert child.stdin is not None
        _send(child.stdin, self.limits)
        self._child = child
        return child

    def _stop(self) -> None:
        child, self._child = self._child, None
        if child is None:
            return
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                stream.close()
        if child.poll() is None:
            child.kill()
        child.wait(5)

    def _submit(self, path: str, settings: Settings, min_confidence: float | None) -> None:
        """Send one request to the child (started if need be); the answer is read by _answer."""
        child = self._start()
        assert child.stdin is not None
        try:
            _send(child.stdin, (path, settings, self.limits, min_confidence))
        except BrokenPipeError:
            self._stop()
            raise ParseError(f"{path}: the reader process could not be started") from None

    def _answer(self, path: str) -> tuple[Document, Extraction]:
        """The answer to the oldest request; past a limit the child is stopped and ParseError raised."""
        child = self._child
        if child is None or child.stdout is None:
            raise ParseError(f"{path}: the reader process stopped unexpectedly")
        ready, _, _ = select.select([child.stdout], [], [], self.limits.seconds)
        if not ready:
            self._stop()
            raise ParseError(
                f"{path}: reading took longer than {self.limits.seconds:g} s and was stopped "
                "(MUISTIO_PARSE_SECONDS sets the limit)"
            )
        try:
            answer = _receive(child.stdout)
        except EOFError:
            code = child.wait(5)
            self._child = None
            raise ParseError(f"{path}: the reader process stopped unexpectedly (exit code {code})") from None
        if answer[0] == "memory":
            self._stop()
            raise ParseError(
                f"{path}: reading needed more than {self.limits.memory_mb} MB of memory and was stopped "
                "(MUISTIO_PARSE_MEMORY_MB sets the limit)"
            )
        if answer[0] == "error":
            raise ParseError(answer[1])
        return answer[1], answer[2]

    def parse(
        self, path: str, *, settings: Settings, min_confidence: float | None = None
    ) -> tuple[Document, Extraction]:
        """The document and its extraction; ParseError (one line) when the file fails or overruns a limit."""
        with self._lock:
            self._submit(path, settings, min_confidence)
            return self._answer(path)

    def parse_many(
        self, paths: Iterable[str], *, settings: Settings, ahead: int = 2
    ) -> Iterator[tuple[str, tuple[Document, Extraction] | ParseError]]:
        """Each path with its result or its ParseError, in order.

        Up to `ahead` requests wait in the child's pipe, so the child reads the next files while the
        caller stores the previous one: a batch costs about the larger of the two, not their sum. A
        child stopped at a limit takes the requests in flight with it; they are sent to its successor.
        """
        with self._lock:
            todo = iter(paths)
            in_flight: deque[str] = deque()

            def top_up() -> None:
                while len(in_flight) < ahead:
                    path = next(todo, None)
                    if path is None:
                        return
                    self._submit(path, settings, None)
                    in_flight.append(path)

            top_up()
            while in_flight:
                path = in_flight.popleft()
                try:
                    outcome: tuple[Document, Extraction] | ParseError = self._answer(path)
                except ParseError as exc:
                    outcome = exc
                    if self._child is None:  # stopped: what was in flight went with it
                        lost = list(in_flight)
                        in_flight.clear()
                        for again in lost:
                            self._submit(again, settings, None)
                            in_flight.append(again)
                top_up()
                yield path, outcome

    def close(self) -> None:
        """Stop the child."""
        with self._lock:
            self._stop()


_parsers: dict[ParseLimits, BoundedParser] = {}
_parsers_lock = threading.Lock()


def parser_for(limits: ParseLimits) -> BoundedParser:
    """The process's parser for these limits, started on first use and stopped at exit."""
    with _parsers_lock:
        if limits not in _parsers:
            _parsers[limits] = BoundedParser(limits)
        return _parsers[limits]


@atexit.register
def _close_all() -> None:
    for parser in list(_parsers.values()):
        parser.close()


class _Overrun(BaseException):
    """The time limit passed (raised by the alarm; a BaseException so no handler of a stage swallows it)."""


def parse_here(
    path: str | Path, *, settings: Settings, min_confidence: float | None = None
) -> tuple[Document, Extraction]:
    """Read and extract in this process under the limits: for a one-shot command, which then exits.

    It caps this whole process's memory while it reads (`muistio extract`), and puts the limit back
    after; it saves the second interpreter's start that the child process costs.
    """
    import resource
    import signal

    limits = ParseLimits.of(settings)
    cap = limits.memory_mb * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY or soft > cap:
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))

    def overrun(_signum: int, _frame: object) -> None:
        raise _Overrun

    previous = signal.signal(signal.SIGALRM, overrun)
    signal.setitimer(signal.ITIMER_REAL, limits.seconds)
    try:
        answer = _work(str(path), settings, limits, min_confidence)
    except _Overrun:
        raise ParseError(
            f"{path}: reading took longer than {limits.seconds:g} s and was stopped "
            "(MUISTIO_PARSE_SECONDS sets the limit)"
        ) from None
    except MemoryError:
        raise ParseError(
            f"{path}: reading needed more than {limits.memory_mb} MB of memory and was stopped "
            "(MUISTIO_PARSE_MEMORY_MB sets the limit)"
        ) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        # Only the soft limit was lowered, so it can go back: a process that goes on (a test runner,
        # anything it starts later) must not keep the cap.
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    if answer[0] == "error":
        raise ParseError(answer[1])
    return answer[1], answer[2]


def parse_many(
    paths: Iterable[str], *, settings: Settings
) -> Iterator[tuple[str, tuple[Document, Extraction] | ParseError]]:
    """Read and extract files in order under the configured limits, the child working ahead."""
    return parser_for(ParseLimits.of(settings)).parse_many(paths, settings=settings)


def parse_minutes(
    path: str | Path, *, settings: Settings, min_confidence: float | None = None
) -> tuple[Document, Extraction]:
    """Read and extract a minutes file under the configured limits."""
    parser = parser_for(ParseLimits.of(settings))
    return parser.parse(str(path), settings=settings, min_confidence=min_confidence)


if __name__ == "__main__":
    _child_main()
