"""The exception tree. Everything kremlinology raises on purpose derives from one class.

    KremlinologyError
    ├── InputError            unreadable, empty, binary, too large or undecodable input text
    ├── DataError             one problem in the data files: file, line, field, rule code
    │   └── DataErrors        all the problems found, one per line
    ├── NotFoundError         unknown person, office, body... (carries near matches)
    ├── AmbiguousNameError    a name that fits several entities (carries the choices)
    ├── DateParseError        a date the parser cannot read
    └── BuildError            the knowledge base could not be compiled or opened

Messages say what, where, and what to do next. Only cli.py and web/ turn these into
output and exit codes.
"""

from __future__ import annotations

from collections.abc import Sequence


class KremlinologyError(Exception):
    """Base class of every error kremlinology raises on purpose."""


class InputError(KremlinologyError):
    """The input text cannot be used: missing, empty, binary, too large or undecodable."""


class DataError(KremlinologyError):
    """One problem in the data files, located at `file:line` and tagged with a rule code."""

    def __init__(
        self, code: str, message: str, *, file: str = "", line: int = 0, field: str = ""
    ) -> None:
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.field = field
        super().__init__(self.render())

    def render(self) -> str:
        where = f"{self.file}:{self.line}" if self.file else "<data>"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.code} {self.message}"


class DataErrors(DataError):
    """All the problems validation found; `str()` gives one per line."""

    def __init__(self, errors: Sequence[DataError]) -> None:
        self.errors = list(errors)
        first = self.errors[0] if self.errors else DataError("K000", "no errors")
        super().__init__(
            first.code, first.message, file=first.file, line=first.line, field=first.field
        )

    def render(self) -> str:
        return "\n".join(e.render() for e in getattr(self, "errors", []))


class NotFoundError(KremlinologyError):
    """A name or id that matches nothing; `suggestions` holds near matches."""

    def __init__(self, message: str, *, suggestions: Sequence[str] = ()) -> None:
        self.suggestions = list(suggestions)
        hint = f" Did you mean: {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(message + hint)


class AmbiguousNameError(KremlinologyError):
    """A name that fits several entities; `choices` lists them as (id, name)."""

    def __init__(self, name: str, choices: Sequence[tuple[str, str]]) -> None:
        self.choices = list(choices)
        listed = "; ".join(f"{cid} ({cname})" for cid, cname in self.choices)
        super().__init__(f"'{name}' is ambiguous: it could be {listed}. Use one of the ids.")


class DateParseError(KremlinologyError, ValueError):
    """A date string the parser cannot read."""


class BuildError(KremlinologyError):
    """The knowledge base could not be compiled or opened."""
