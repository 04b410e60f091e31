from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from lont.core import workers


class Command(BaseCommand):
    help = (
        "Start de achtergrondwerker van de ingestelde taakbackend (LONT_TASK_BACKEND: database of "
        "rq). Taken die een gecrashte werker halverwege liet liggen, worden eerst opnieuw "
        "ingepland."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--slot",
            default="1",
            help="vaste naam van deze werkerplek (blijft gelijk bij herstart)",
        )
        parser.add_argument("--batch", action="store_true", help="stop als de wachtrij leeg is")

    def handle(self, *args: Any, **options: Any) -> None:
        backend = settings.TASKS["default"]["BACKEND"]
        queues = list(settings.TASKS["default"].get("QUEUES", ["default"]))
        if backend == "django_tasks_rq.RQBackend":
            workers.requeue_abandoned_rq_jobs(queues)
            rq_args = ["--job-class", "django_tasks_rq.Job", *queues]
            if options["batch"]:
                rq_args.insert(0, "--burst")
            call_command("rqworker", *rq_args)
            return
        worker_id = workers.default_worker_id(options["slot"])
        workers.requeue_own_running_tasks(worker_id)
        db_args = ["--worker-id", worker_id, "--queue-name", ",".join(queues)]
        if options["batch"]:
            db_args.append("--batch")
        call_command("db_worker", *db_args)
