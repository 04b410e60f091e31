"""A small, real OpenID Connect provider for the sign-in tests (django-oauth-toolkit), run as its
own server process on loopback by ``tests/oidc_support.py``: never part of Lont itself."""
