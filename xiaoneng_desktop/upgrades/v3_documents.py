"""2 → 3: 公文流转 — documents, their steps, urgings, extensions, number counters and search index.

Frozen: the SQL as it ran when this version was released (commit 41b75ba). Never edit it;
a later change to these tables is a new step."""

SQL = """
CREATE TABLE "document" ("id" INTEGER NOT NULL PRIMARY KEY, "direction" VARCHAR(4) NOT NULL, "year" INTEGER NOT NULL, "serial" INTEGER, "number" VARCHAR(40) NOT NULL, "code" VARCHAR(20) NOT NULL, "doc_number" VARCHAR(40) NOT NULL, "unit" VARCHAR(60) NOT NULL, "title" VARCHAR(200) NOT NULL, "kind" VARCHAR(10) NOT NULL, "secrecy" VARCHAR(4) NOT NULL, "secrecy_term" VARCHAR(20) NOT NULL, "urgency" VARCHAR(4) NOT NULL, "copies" INTEGER NOT NULL, "start_date" DATE NOT NULL, "registered_at" DATETIME NOT NULL, "registrar" VARCHAR(30) NOT NULL, "cosign_units" VARCHAR(200) NOT NULL, "circulate_to" VARCHAR(200) NOT NULL, "lead" VARCHAR(60) NOT NULL, "assist" VARCHAR(200) NOT NULL, "deadline" DATETIME NOT NULL, "deadline_typed" INTEGER NOT NULL, "step" VARCHAR(8) NOT NULL, "holder" VARCHAR(60) NOT NULL, "step_since" DATETIME, "step_due" DATETIME, "due" DATETIME, "urge_count" INTEGER NOT NULL, "closed_at" DATETIME, "archived_at" DATETIME, "voided_at" DATETIME, "void_reason" VARCHAR(200) NOT NULL);
CREATE INDEX "document_direction" ON "document" ("direction");
CREATE INDEX "document_number" ON "document" ("number");
CREATE INDEX "document_urgency" ON "document" ("urgency");
CREATE INDEX "document_start_date" ON "document" ("start_date");
CREATE INDEX "document_deadline" ON "document" ("deadline");
CREATE INDEX "document_step" ON "document" ("step");
CREATE INDEX "document_holder" ON "document" ("holder");
CREATE INDEX "document_due" ON "document" ("due");
CREATE INDEX "document_closed_at" ON "document" ("closed_at");
CREATE TABLE "document_step_log" ("id" INTEGER NOT NULL PRIMARY KEY, "document_id" INTEGER NOT NULL, "step" VARCHAR(8) NOT NULL, "who" VARCHAR(60) NOT NULL, "done_at" DATETIME NOT NULL, "opinion" TEXT NOT NULL, "deadline" DATETIME, "handed_to" VARCHAR(60) NOT NULL, FOREIGN KEY ("document_id") REFERENCES "document" ("id") ON DELETE CASCADE);
CREATE INDEX "document_step_log_document_id" ON "document_step_log" ("document_id");
CREATE TABLE "extension" ("id" INTEGER NOT NULL PRIMARY KEY, "document_id" INTEGER NOT NULL, "asked_at" DATETIME NOT NULL, "asked_by" VARCHAR(30) NOT NULL, "reason" VARCHAR(200) NOT NULL, "old_deadline" DATETIME NOT NULL, "new_deadline" DATETIME NOT NULL, "approved" INTEGER, "decided_by" VARCHAR(30) NOT NULL, "decided_at" DATETIME, FOREIGN KEY ("document_id") REFERENCES "document" ("id") ON DELETE CASCADE);
CREATE INDEX "extension_document_id" ON "extension" ("document_id");
CREATE TABLE "number_counter" ("code" VARCHAR(20) NOT NULL, "year" INTEGER NOT NULL, "last" INTEGER NOT NULL, PRIMARY KEY ("code", "year"));
CREATE TABLE "urging" ("id" INTEGER NOT NULL PRIMARY KEY, "document_id" INTEGER NOT NULL, "urged_at" DATETIME NOT NULL, "urged_by" VARCHAR(30) NOT NULL, "way" VARCHAR(4) NOT NULL, "step" VARCHAR(8) NOT NULL, "holder" VARCHAR(60) NOT NULL, "answer" TEXT NOT NULL, FOREIGN KEY ("document_id") REFERENCES "document" ("id") ON DELETE CASCADE);
CREATE INDEX "urging_document_id" ON "urging" ("document_id");
CREATE VIRTUAL TABLE document_search USING fts5(number, doc_number, unit, title, holder, lead, assist, registrar, cosign_units, circulate_to, content='', tokenize='unicode61 remove_diacritics 0');
INSERT INTO document_search(rowid, number, doc_number, unit, title, holder, lead, assist, registrar, cosign_units, circulate_to) SELECT id, xn_chars(number), xn_chars(doc_number), xn_chars(unit), xn_chars(title), xn_chars(holder), xn_chars(lead), xn_chars(assist), xn_chars(registrar), xn_chars(cosign_units), xn_chars(circulate_to) FROM document;
CREATE TRIGGER document_search_ai AFTER INSERT ON document BEGIN INSERT INTO document_search(rowid, number, doc_number, unit, title, holder, lead, assist, registrar, cosign_units, circulate_to) VALUES (NEW.id, xn_chars(NEW.number), xn_chars(NEW.doc_number), xn_chars(NEW.unit), xn_chars(NEW.title), xn_chars(NEW.holder), xn_chars(NEW.lead), xn_chars(NEW.assist), xn_chars(NEW.registrar), xn_chars(NEW.cosign_units), xn_chars(NEW.circulate_to)); END;
CREATE TRIGGER document_search_ad AFTER DELETE ON document BEGIN INSERT INTO document_search(document_search, rowid, number, doc_number, unit, title, holder, lead, assist, registrar, cosign_units, circulate_to) VALUES ('delete', OLD.id, xn_chars(OLD.number), xn_chars(OLD.doc_number), xn_chars(OLD.unit), xn_chars(OLD.title), xn_chars(OLD.holder), xn_chars(OLD.lead), xn_chars(OLD.assist), xn_chars(OLD.registrar), xn_chars(OLD.cosign_units), xn_chars(OLD.circulate_to)); END;
CREATE TRIGGER document_search_au AFTER UPDATE ON document BEGIN INSERT INTO document_search(document_search, rowid, number, doc_number, unit, title, holder, lead, assist, registrar, cosign_units, circulate_to) VALUES ('delete', OLD.id, xn_chars(OLD.number), xn_chars(OLD.doc_number), xn_chars(OLD.unit), xn_chars(OLD.title), xn_chars(OLD.holder), xn_chars(OLD.lead), xn_chars(OLD.assist), xn_chars(OLD.registrar), xn_chars(OLD.cosign_units), xn_chars(OLD.circulate_to)); INSERT INTO document_search(rowid, number, doc_number, unit, title, holder, lead, assist, registrar, cosign_units, circulate_to) VALUES (NEW.id, xn_chars(NEW.number), xn_chars(NEW.doc_number), xn_chars(NEW.unit), xn_chars(NEW.title), xn_chars(NEW.holder), xn_chars(NEW.lead), xn_chars(NEW.assist), xn_chars(NEW.registrar), xn_chars(NEW.cosign_units), xn_chars(NEW.circulate_to)); END;
"""
