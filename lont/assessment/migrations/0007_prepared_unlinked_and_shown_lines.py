"""A situation's stored explanation holds only the lines its page shows, plus how many signal
lines it leaves out (``left_out``); the others are rebuilt from the prepared contributions
(``recompute.contributions``, ``recompute.explained``). A prepared contribution whose signal was
unlinked is marked (``key`` empty, found through a partial index) until the next recompute.

Forward, each explanation stored in the old shape (every line, those the page does not show as
numbers only) keeps its shown lines when every line it leaves out has its prepared contribution
to be rebuilt from; otherwise it stays as it is (the readers still read that shape) until the
next recompute writes the new one. Backward, explanations are left in the new shape: the older
code reads one as its shown lines only ("Alle bijdragen" lists just those) until the next
recompute (``manage.py assessment_daily`` recomputes every situation) writes the old shape.
"""

import heapq

from django.db import migrations, models

# As in ``lont.assessment.lines`` when this was written (a migration keeps its own copy).
SIGNAL_KINDS = {"signal", "drill_signal", "acute_rule", "acute_rule_defused"}
SHOWN_CONTRIBUTIONS = 25


def keep_shown_lines(apps, schema_editor):
    Situation = apps.get_model("assessment", "Situation")
    Prepared = apps.get_model("assessment", "PreparedContribution")
    rows = Situation.objects.exclude(computed_at=None).values_list("pk", "explanation")
    for pk, explanation in rows.iterator():
        if not isinstance(explanation, dict) or "left_out" in explanation:
            continue
        lines = explanation.get("contributions") or []
        signal = [i for i, c in enumerate(lines) if c["kind"] in SIGNAL_KINDS]
        kept = set(signal)
        if len(signal) > SHOWN_CONTRIBUTIONS:
            kept = set(
                heapq.nsmallest(
                    SHOWN_CONTRIBUTIONS, signal, key=lambda i: (-float(lines[i]["amount"]), i)
                )
            )
        shown = [c for i, c in enumerate(lines) if i in kept or c["kind"] not in SIGNAL_KINDS]
        if any("reason_nl" not in c for c in shown):
            continue
        if not all(str(lines[i]["ref"]).isdigit() for i in signal):
            continue
        dropped = {int(lines[i]["ref"]) for i in signal if i not in kept}
        if dropped:
            stored = Prepared.objects.filter(situation_id=pk, signal_id__in=dropped)
            if stored.count() != len(dropped):
                continue  # a line would have nothing to be rebuilt from: left as it is
        explanation = {**explanation, "contributions": shown, "left_out": len(signal) - len(kept)}
        Situation.objects.filter(pk=pk).update(explanation=explanation)


class Migration(migrations.Migration):
    dependencies = [
        ("assessment", "0006_prepared_generation_and_text"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="preparedcontribution",
            index=models.Index(
                condition=models.Q(("key", "")),
                fields=["situation"],
                name="assessment_prepared_unlinked",
            ),
        ),
        migrations.RunPython(keep_shown_lines, migrations.RunPython.noop),
    ]
