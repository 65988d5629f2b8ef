"""Everything the FAQ site does; ``app.py`` only routes requests here."""
