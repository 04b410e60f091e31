from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from lont.networks.choices import PartnerType, Role

# Older than any retention the covenant allows (at most 3650 days).
LONG_AGO = dt.timedelta(days=4000)


@pytest.fixture
def police(make_member: Any) -> Any:
    return make_member(PartnerType.POLICE)


@pytest.fixture
def officer(make_member: Any) -> Any:
    return make_member(PartnerType.MUNICIPALITY, role=Role.PRIVACY_OFFICER)


@pytest.fixture
def director(make_member: Any) -> Any:
    return make_member(PartnerType.MUNICIPALITY, role=Role.DIRECTOR)


@pytest.fixture
def long_ago() -> Any:
    """Build rows as if it were 4000 days ago (auto timestamps included)."""

    def travel() -> Any:
        return time_machine.travel(timezone.now() - LONG_AGO, tick=False)

    return travel


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
