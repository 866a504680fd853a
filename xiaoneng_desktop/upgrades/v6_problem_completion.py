"""5 → 6: who completed a rectification, and who was its 责任人 then (neither may 销号 it).

Frozen: the SQL as it ran when this version was released. Never edit it; a later change to these
columns is a new step. Problems completed before this version keep their 责任人 of the time as the
best knowledge of who was responsible at completion; who marked them complete was not recorded."""

SQL = """
ALTER TABLE "problem" ADD COLUMN "completed_by" VARCHAR(30) NOT NULL DEFAULT '';
ALTER TABLE "problem" ADD COLUMN "responsible_at_completion" VARCHAR(30) NOT NULL DEFAULT '';
UPDATE "problem" SET "responsible_at_completion" = "responsible_name" WHERE "completed_at" IS NOT NULL;
"""
