"""Errors raised for files that cannot be ingested; each names the file and the reason in one line."""


class IngestError(Exception):
    """A file that cannot be ingested; `str(error)` is the one-line reason shown to the user."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self):  # pickled whole, so a worker process can hand it back
        return type(self), (self.source, self.reason)
