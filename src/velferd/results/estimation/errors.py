"""Why the estimator refuses a question: a stable code and a message in bokmål and English."""

from __future__ import annotations


class EstimationError(ValueError):
    """Input the estimator cannot answer. The command line prints both messages."""

    def __init__(
        self, code: str, message_nb: str, message_en: str, field: str | None = None
    ) -> None:
        super().__init__(message_en)
        self.code = code
        self.message_nb = message_nb
        self.message_en = message_en
        self.field = field
