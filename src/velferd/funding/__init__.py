"""The money of labour market schemes: the counties' budgets, commitments (tilsagn), the
monthly payment claims and the payments."""
