"""Pages of the analyser app: the analysis and message-check pages (``analyse``) and the
management of the network's gazetteer and lexicon (``manage``)."""
