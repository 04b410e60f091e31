from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.db.models import QuerySet
from django.http import HttpRequest

from lont.core.prepared import PreparedQuery

from .models import User


def _user_by_pk(user_id: int) -> QuerySet[User]:
    return User._default_manager.filter(pk=user_id)


# The signed-in user is read on every request: compiled once (lont.core.prepared).
_USER_BY_PK = PreparedQuery(_user_by_pk, user_id=int)


class EmailBackend(ModelBackend):
    """Login by e-mail (case-insensitive); only active users."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        email: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        address = (email or username or "").strip().lower()
        if not address or password is None:
            return None
        try:
            user = User.objects.get(email=address)
        except User.DoesNotExist:
            User().set_password(password)  # same work as a real check: no timing oracle
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def get_user(self, user_id: Any) -> User | None:
        """Django's ``ModelBackend.get_user`` (an active user by id), through the prepared query."""
        try:
            pk = int(user_id)
        except (TypeError, ValueError):
            return None
        found = _USER_BY_PK(user_id=pk)
        user = found[0] if found else None
        return user if user is not None and self.user_can_authenticate(user) else None
