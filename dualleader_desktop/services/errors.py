"""Errors the services raise, each carrying a Chinese message for the user."""

from __future__ import annotations


class ServiceError(Exception):
    """A request the services refuse; ``str(exc)`` is the Chinese message to show."""


class RecordValidationError(ServiceError):
    """A record with invalid fields; ``errors`` maps field name to its Chinese message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("；".join(errors.values()))
        self.errors = errors


class StaleRecordError(ServiceError):
    """The record changed since it was read (another window or program saved it first)."""

    def __init__(self) -> None:
        super().__init__("该记录已被其他窗口或程序修改。请关闭本窗口，重新打开记录后再修改。")


class NotFoundError(ServiceError):
    pass
