"""OpenID Connect login: ID-porten for citizens and Entra ID for employees, both at once.

mozilla-django-oidc does the PKCE pair, the state and nonce kept in the session, the token
request and the provider's signing keys; PyJWT checks every token (signature, issuer,
audience, expiry). What is velferd's own: which providers there are (settings/oidc.py), how
a provider's claims find a user (accounts.py), the refusals (refusals.py) and logging out at
the provider and from it (logout.py). docs/architecture.md, "Login", says why."""
