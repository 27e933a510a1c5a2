"""Why the program cannot start on a database, in words and as an exit code: what the lock,
the password and the opening of the database (app.py) raise, and app.py shows."""

from __future__ import annotations

EXIT_LOCKED, EXIT_DB = 1, 2


class StartupRefused(Exception):
    """The program cannot start on this database; ``text`` says why and what to do."""

    def __init__(self, title: str, text: str, code: int) -> None:
        super().__init__(text)
        self.title, self.text, self.code = title, text, code
