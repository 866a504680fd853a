"""9 → 10: an index on when a shift was handed over, so that the duty tab finds the last handover
(what the next officer reads first) without reading every shift of ten years at each refresh.

Frozen: the SQL as it ran when this version was released. Never edit it. The same text runs on
SQLite and on a PostgreSQL server."""

SQL = """
CREATE INDEX "duty_shift_handed_over_at" ON "duty_shift" ("handed_over_at");
"""
