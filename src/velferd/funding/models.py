"""The funding domain's records."""
