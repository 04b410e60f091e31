"""The analyser in the product: gazetteer and lexicon per network, the "Analyseer tekst" and
"Bericht opstellen" pages and their API. The pure analyser core (``lont.analyser``) stays
Django-free; everything that needs Django lives in this subpackage."""
