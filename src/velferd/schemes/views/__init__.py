"""The schemes pages, a module per capability."""

__all__: list[str] = []
