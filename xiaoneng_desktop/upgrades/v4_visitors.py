"""3 → 4: 来访接待 — the visit register and the 领导接待日 schedule, with the visit search index.

Frozen: the SQL as it ran when this version was released (commit 9160d26). Never edit it;
a later change to these tables is a new step."""

SQL = """
CREATE TABLE "reception_day" ("id" INTEGER NOT NULL PRIMARY KEY, "day" DATE NOT NULL, "leader_name" VARCHAR(30) NOT NULL, "leader_id" INTEGER, "place" VARCHAR(60) NOT NULL, "note" VARCHAR(200) NOT NULL, FOREIGN KEY ("leader_id") REFERENCES "person" ("id") ON DELETE SET NULL);
CREATE UNIQUE INDEX "reception_day_day" ON "reception_day" ("day");
CREATE INDEX "reception_day_leader_id" ON "reception_day" ("leader_id");
CREATE TABLE "visit" ("id" INTEGER NOT NULL PRIMARY KEY, "visited_at" DATETIME NOT NULL, "name" VARCHAR(30) NOT NULL, "id_number" VARCHAR(18) NOT NULL, "id_key" VARCHAR(18) NOT NULL, "phone" VARCHAR(40) NOT NULL, "phone_key" VARCHAR(20) NOT NULL, "persons" INTEGER NOT NULL, "address" VARCHAR(100) NOT NULL, "category" VARCHAR(10) NOT NULL, "matter" TEXT NOT NULL, "first_responder" VARCHAR(30) NOT NULL, "reception_day_id" INTEGER, "leader_name" VARCHAR(30) NOT NULL, "acceptance_due" DATETIME NOT NULL, "decision" VARCHAR(10) NOT NULL, "decided_at" DATETIME, "decision_reason" TEXT NOT NULL, "referred_to" VARCHAR(60) NOT NULL, "referred_at" DATETIME, "referral_due" DATE, "deadline" DATETIME NOT NULL, "deadline_typed" INTEGER NOT NULL, "extended_days" INTEGER NOT NULL, "extension_reason" VARCHAR(200) NOT NULL, "reply" TEXT NOT NULL, "result" TEXT NOT NULL, "closed_at" DATETIME, "closed_by" VARCHAR(30) NOT NULL, "satisfaction" VARCHAR(10) NOT NULL, "followed_up_at" DATETIME, "follow_up_note" TEXT NOT NULL, "voided_at" DATETIME, "void_reason" VARCHAR(200) NOT NULL, FOREIGN KEY ("reception_day_id") REFERENCES "reception_day" ("id") ON DELETE SET NULL);
CREATE INDEX "visit_visited_at" ON "visit" ("visited_at");
CREATE INDEX "visit_name" ON "visit" ("name");
CREATE INDEX "visit_id_key" ON "visit" ("id_key");
CREATE INDEX "visit_phone_key" ON "visit" ("phone_key");
CREATE INDEX "visit_category" ON "visit" ("category");
CREATE INDEX "visit_reception_day_id" ON "visit" ("reception_day_id");
CREATE INDEX "visit_deadline" ON "visit" ("deadline");
CREATE INDEX "visit_closed_at" ON "visit" ("closed_at");
CREATE VIRTUAL TABLE visit_search USING fts5(name, id_number, phone, address, category, matter, first_responder, leader_name, referred_to, reply, result, content='', tokenize='unicode61 remove_diacritics 0');
INSERT INTO visit_search(rowid, name, id_number, phone, address, category, matter, first_responder, leader_name, referred_to, reply, result) SELECT id, xn_chars(name), xn_chars(id_number), xn_chars(phone), xn_chars(address), xn_chars(category), xn_chars(matter), xn_chars(first_responder), xn_chars(leader_name), xn_chars(referred_to), xn_chars(reply), xn_chars(result) FROM visit;
CREATE TRIGGER visit_search_ai AFTER INSERT ON visit BEGIN INSERT INTO visit_search(rowid, name, id_number, phone, address, category, matter, first_responder, leader_name, referred_to, reply, result) VALUES (NEW.id, xn_chars(NEW.name), xn_chars(NEW.id_number), xn_chars(NEW.phone), xn_chars(NEW.address), xn_chars(NEW.category), xn_chars(NEW.matter), xn_chars(NEW.first_responder), xn_chars(NEW.leader_name), xn_chars(NEW.referred_to), xn_chars(NEW.reply), xn_chars(NEW.result)); END;
CREATE TRIGGER visit_search_ad AFTER DELETE ON visit BEGIN INSERT INTO visit_search(visit_search, rowid, name, id_number, phone, address, category, matter, first_responder, leader_name, referred_to, reply, result) VALUES ('delete', OLD.id, xn_chars(OLD.name), xn_chars(OLD.id_number), xn_chars(OLD.phone), xn_chars(OLD.address), xn_chars(OLD.category), xn_chars(OLD.matter), xn_chars(OLD.first_responder), xn_chars(OLD.leader_name), xn_chars(OLD.referred_to), xn_chars(OLD.reply), xn_chars(OLD.result)); END;
CREATE TRIGGER visit_search_au AFTER UPDATE ON visit BEGIN INSERT INTO visit_search(visit_search, rowid, name, id_number, phone, address, category, matter, first_responder, leader_name, referred_to, reply, result) VALUES ('delete', OLD.id, xn_chars(OLD.name), xn_chars(OLD.id_number), xn_chars(OLD.phone), xn_chars(OLD.address), xn_chars(OLD.category), xn_chars(OLD.matter), xn_chars(OLD.first_responder), xn_chars(OLD.leader_name), xn_chars(OLD.referred_to), xn_chars(OLD.reply), xn_chars(OLD.result)); INSERT INTO visit_search(rowid, name, id_number, phone, address, category, matter, first_responder, leader_name, referred_to, reply, result) VALUES (NEW.id, xn_chars(NEW.name), xn_chars(NEW.id_number), xn_chars(NEW.phone), xn_chars(NEW.address), xn_chars(NEW.category), xn_chars(NEW.matter), xn_chars(NEW.first_responder), xn_chars(NEW.leader_name), xn_chars(NEW.referred_to), xn_chars(NEW.reply), xn_chars(NEW.result)); END;
"""
