"""Effect estimation: pure computation on columns of numbers, no Django, no personal data."""
