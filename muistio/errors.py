"""The one root of every error muistio explains to a person in one line."""


class MuistioError(Exception):
    """A problem with a one-line message for the person at the edge (CLI, web desk, flow run)."""
