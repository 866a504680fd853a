"""7 → 8: accountability — who signs in (account), each audit line's field changes (old → new), one
延期 table for every register (the documents' own extension rows move into it), 月结 (month_close),
and the 信访目的 of a visit as its own field beside the 问题类别.

Frozen: the SQL as it ran when this version was released. Never edit it. Until now a visit's
``category`` held what is in fact its 信访目的 (求决/投诉/建议/咨询/揭发控告/其他); it moves to ``purpose``
and the 问题类别 (the subject) becomes 其他 — nobody recorded the subject then."""

SQL = """
ALTER TABLE "audit_log" ADD COLUMN "changes" TEXT NOT NULL DEFAULT '';
CREATE TABLE "account" ("id" INTEGER NOT NULL PRIMARY KEY, "login" VARCHAR(30) NOT NULL, "person_id" INTEGER, "role" VARCHAR(10) NOT NULL, "password_hash" VARCHAR(300) NOT NULL, "active" INTEGER NOT NULL, "failed_logins" INTEGER NOT NULL, "locked_until" DATETIME, "created_at" DATETIME NOT NULL, "last_login_at" DATETIME, FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE SET NULL);
CREATE UNIQUE INDEX "account_login" ON "account" ("login");
CREATE INDEX "account_person_id" ON "account" ("person_id");
CREATE TABLE "deadline_extension" ("id" INTEGER NOT NULL PRIMARY KEY, "table" VARCHAR(40) NOT NULL, "record_id" INTEGER NOT NULL, "asked_at" DATETIME NOT NULL, "asked_by" VARCHAR(30) NOT NULL, "reason" VARCHAR(200) NOT NULL, "old_deadline" DATETIME NOT NULL, "new_deadline" DATETIME NOT NULL, "approved" INTEGER, "decided_by" VARCHAR(30) NOT NULL, "decided_at" DATETIME);
CREATE INDEX "deadline_extension_table_record_id" ON "deadline_extension" ("table", "record_id");
INSERT INTO "deadline_extension" ("table", "record_id", "asked_at", "asked_by", "reason", "old_deadline", "new_deadline", "approved", "decided_by", "decided_at")
    SELECT 'document', "document_id", "asked_at", "asked_by", "reason", "old_deadline", "new_deadline", "approved", "decided_by", "decided_at" FROM "extension" ORDER BY "id";
DROP TABLE "extension";
CREATE TABLE "month_close" ("id" INTEGER NOT NULL PRIMARY KEY, "month" VARCHAR(7) NOT NULL, "closed_at" DATETIME NOT NULL, "closed_by" VARCHAR(30) NOT NULL, "figures" TEXT NOT NULL, "xlsx" BLOB NOT NULL, "pdf" BLOB NOT NULL);
CREATE UNIQUE INDEX "month_close_month" ON "month_close" ("month");
ALTER TABLE "visit" ADD COLUMN "purpose" VARCHAR(10) NOT NULL DEFAULT '';
UPDATE "visit" SET "purpose" = "category", "category" = '其他';
"""
