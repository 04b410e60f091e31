"""Pages of the incident room, by topic: ``incidents`` (the list, opening one, the picture and
plan forms, the history, the situation report PDF), ``room`` (the live picture with its forms,
polled by htmx), ``steps`` (the forms that act on an incident or a row beside it, and the
analyser's live check of a message), ``options`` (the type-to-choose fields' suggestions); the
shared helpers are in ``base``."""
