"""Errors that services raise and interfaces turn into messages or status codes."""


class ServiceError(Exception):
    """A request that cannot be carried out; the message is safe to show the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
