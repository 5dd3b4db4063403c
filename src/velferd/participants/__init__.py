"""Participants in labour market schemes: a person's place in a delivery from the draft the
caseworker shares with them to the end, the waiting lists, and the supplier's side (its
participants, change proposals and progress reports)."""
