"""The participants pages, a module per capability: the caseworker's, the person's own and
the supplier's."""

__all__: list[str] = []
