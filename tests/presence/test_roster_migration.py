"""The roster link (issue 13): a signal's professional account was free text and becomes a link
to the team roster. The migration keeps every value: tested on the demo data."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from lont.networks.demo import load_demo
from lont.presence.models import ProfessionalAccount
from lont.signalregister.models import Signal as CurrentSignal

BEFORE = ("signalregister", "0004_notification_moved_to_notifications_app")
AFTER = ("signalregister", "0006_remove_professional_account_text")
NOTE = "Overgenomen uit eerder vastgelegde signalen"


@pytest.mark.django_db(transaction=True)
def test_free_text_accounts_on_the_demo_signals_become_roster_entries():
    # Given the demo data, taken back to the free-text field (linked accounts become their
    # handle) and with free text the roster never had on other online signals
    load_demo()
    linked_before = CurrentSignal.objects.exclude(professional_account=None).count()
    roster_before = ProfessionalAccount.objects.count()
    assert linked_before > 0
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    try:
        _migrate_and_check(executor, linked_before, roster_before)
    finally:
        # Later migrations change the tables; the next test in this process needs them back
        executor = MigrationExecutor(connection)
        executor.migrate(latest)


def _migrate_and_check(executor: MigrationExecutor, linked_before: int, roster_before: int) -> None:
    executor.migrate([BEFORE])
    old = executor.loader.project_state([BEFORE]).apps.get_model("signalregister", "Signal")
    free = list(
        old.objects.filter(professional_account="", platform__gt="")
        .order_by("pk")
        .values_list("pk", flat=True)[:6]
    )
    for i, pk in enumerate(free):
        handle = ["@mentor.hetbaken ", "@boa.noord", "@mentor.hetbaken"][i % 3]
        old.objects.filter(pk=pk).update(professional_account=handle)
    texts = dict(
        old.objects.exclude(professional_account="").values_list("pk", "professional_account")
    )
    assert len(texts) == linked_before + len(free)

    # When migrated forward
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([AFTER])
    # The models as they were at AFTER: later migrations add columns the tables don't have yet
    state = executor.loader.project_state([AFTER]).apps
    Signal = state.get_model("signalregister", "Signal")
    Account = state.get_model("presence", "ProfessionalAccount")

    # Then every signal with a text links a roster entry with that handle in its own network:
    # nothing lost, existing entries reused, new ones made once per organisation account
    signals = Signal.objects.select_related("professional_account").filter(pk__in=list(texts))
    assert signals.count() == len(texts)
    for signal in signals:
        account = signal.professional_account
        assert account is not None
        assert account.handle == " ".join(texts[signal.pk].split())
        assert account.network_id == signal.network_id
    created = Account.objects.filter(note=NOTE)
    assert Account.objects.count() == roster_before + created.count()
    existing = set(Account.objects.exclude(note=NOTE).values_list("handle", flat=True))
    expected = {" ".join(t.split()) for t in texts.values()} - existing
    assert set(created.values_list("handle", flat=True)) == expected
    assert Signal.objects.exclude(professional_account=None).count() == len(texts)
