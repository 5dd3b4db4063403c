"""Matching cases to municipalities: pure computation, no Django, no domain."""
