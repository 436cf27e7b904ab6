"""A problem found in the input, reported as `file:line:col: message; fix`."""

from __future__ import annotations

from dataclasses import dataclass

# One problem is one line, whatever a record put in the values a message quotes.
_ONE_LINE = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x00": "\\0"})


@dataclass(frozen=True, order=True)
class Problem:
    file: str  # path relative to the project root, with forward slashes
    line: int  # 1-based
    column: int  # 1-based
    message: str  # what is wrong, in Dutch
    fix: str  # how to fix it, in Dutch
    field: str = ""  # dotted path of the offending field, for tools

    def __post_init__(self) -> None:
        for name in ("file", "message", "fix", "field"):
            object.__setattr__(self, name, getattr(self, name).translate(_ONE_LINE))

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}; {self.fix}"


class ValidationFailed(Exception):
    """Raised with every problem found, never with the first one only."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(f"{len(self.problems)} problemen")
