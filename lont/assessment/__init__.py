"""Assessment of situations: levels, trend breaks, drill, request patterns, observation guard.

This package is deliberately free of Django at import time: the pure domain logic lives in
:mod:`lont.assessment.engine` and is tested without a database. The Django app (models, services,
views) is added on top of it later; keep this module free of Django imports so the engine stays
importable on its own.
"""
