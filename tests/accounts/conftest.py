"""Fixtures for the account-security tests."""

from account_helpers import clock

__all__ = ["clock"]
