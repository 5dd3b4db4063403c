"""Procurement of labour market schemes: competitions, bids, their evaluation and the award
that leads to an agreement."""
