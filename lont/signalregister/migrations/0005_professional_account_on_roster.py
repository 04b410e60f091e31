"""A signal's professional account becomes a link to the team roster (P3).

Every free-text value is kept: per network, organisation, platform and text one roster entry is
created (or found) and the signal points at it; the note on the roster says where it came from.
Backwards, the link is written back as the account's text. The free-text column goes in the
next migration (PostgreSQL refuses to alter a table with pending deferred-constraint events in
the same transaction as the data migration).
"""

from django.db import migrations, models
from django.db.models.deletion import PROTECT

NOTE = "Overgenomen uit eerder vastgelegde signalen"


def to_roster(apps, schema_editor):
    Signal = apps.get_model("signalregister", "Signal")
    Account = apps.get_model("presence", "ProfessionalAccount")
    found: dict[tuple[int, str, str], int] = {}
    rows = Signal.objects.exclude(professional_account_text="").order_by("pk")
    for signal in rows.iterator():
        handle = " ".join(signal.professional_account_text.split())[:160]
        platform = (signal.platform or "onbekend").strip()[:60] or "onbekend"
        key = (signal.network_id, platform.lower(), handle.lower())
        if key not in found:
            account = Account.objects.filter(
                network_id=signal.network_id,
                platform__iexact=platform,
                handle__iexact=handle,
            ).first()
            if account is None:
                account = Account.objects.create(
                    network_id=signal.network_id,
                    organisation_id=signal.organisation_id,
                    member_id=signal.reported_by_id,
                    platform=platform,
                    handle=handle,
                    house_style=False,
                    active=True,
                    note=NOTE,
                )
            found[key] = account.pk
        Signal.objects.filter(pk=signal.pk).update(professional_account_id=found[key])


def to_text(apps, schema_editor):
    Signal = apps.get_model("signalregister", "Signal")
    for signal in Signal.objects.exclude(professional_account=None).select_related(
        "professional_account"
    ):
        Signal.objects.filter(pk=signal.pk).update(
            professional_account_text=signal.professional_account.handle
        )


class Migration(migrations.Migration):
    dependencies = [
        ("presence", "0001_initial"),
        ("signalregister", "0004_notification_moved_to_notifications_app"),
    ]

    operations = [
        migrations.RenameField("signal", "professional_account", "professional_account_text"),
        migrations.AddField(
            model_name="signal",
            name="professional_account",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=PROTECT,
                related_name="+",
                to="presence.professionalaccount",
                verbose_name="professioneel account waarmee gezien",
            ),
        ),
        migrations.RunPython(to_roster, to_text),
    ]
