"""8 → 9: a version number on every record a person edits in a form, so that a record changed on
two PCs at once is never silently overwritten (the second save compares the version it loaded).

Frozen: the SQL as it ran when this version was released. Never edit it. The same text runs on
SQLite and on a PostgreSQL server."""

SQL = """
ALTER TABLE "call" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "document" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "visit" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "problem" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "campaign" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "duty_shift" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
"""
