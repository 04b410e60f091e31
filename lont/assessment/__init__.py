"""Assessment of situations: the Django app around the level engine (situations, their recompute,
the dashboard, case meetings and the fairness view). The pure engine is :mod:`lont.engine`."""
