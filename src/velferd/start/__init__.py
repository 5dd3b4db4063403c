"""The start page: where each user lands when they log in, with a section for each of their
roles (the caseworker's work today, the citizen's overview, the IW advisor's cooperations,
…). It composes what the domains' selectors give, which is why it sits above them, beside
the citizen's pages."""
