"""The procurement domain's records."""
