"""Reads for participants, a module per capability: each takes the actor and returns only
what the actor may see (access.policies.participants' list filters)."""

__all__: list[str] = []
