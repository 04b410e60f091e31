"""Signals other apps listen to. ``incident_entered_aftercare`` is sent once the transaction that
moved an incident into *nazorg* commits, with ``incident=`` (the aftercare app seeds its plan)."""

from django.dispatch import Signal

incident_entered_aftercare = Signal()
