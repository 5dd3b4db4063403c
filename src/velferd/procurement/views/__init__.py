"""The procurement pages: a module per page group."""
