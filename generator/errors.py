"""Errors a user can act on: each names the file and the reason in one line."""
from __future__ import annotations


class TownfactsError(Exception):
    """Base class of errors shown to the user as one line (`Error: …`)."""


class ReportError(TownfactsError):
    """A report that cannot be read or understood."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason

    def __reduce__(self):  # picklable, so worker processes can return it
        return (type(self), (self.path, self.reason))


class DataFileError(TownfactsError):
    """A malformed data file (glossary, units, translation memory), with file and line."""

    def __init__(self, path: str, reason: str, line: int | None = None):
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {reason}")
        self.path = str(path)
        self.line = line
        self.reason = reason

    def __reduce__(self):
        return (type(self), (self.path, self.reason, self.line))
