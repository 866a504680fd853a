"""4 → 5: 五查自查 — its tables, the search index of problems, and the built-in five-checks template.

Frozen: the SQL as it ran when this version was released (commit 2ea1c02). Never edit it;
a later change to these tables is a new step."""

SQL = """
CREATE TABLE "template" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(60) NOT NULL, "version" INTEGER NOT NULL, "based_on_id" INTEGER, "builtin" INTEGER NOT NULL, "created_at" DATETIME NOT NULL, "retired_at" DATETIME, "retire_reason" VARCHAR(200) NOT NULL, FOREIGN KEY ("based_on_id") REFERENCES "template" ("id") ON DELETE SET NULL);
CREATE INDEX "template_based_on_id" ON "template" ("based_on_id");
CREATE TABLE "campaign" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(100) NOT NULL, "starts_on" DATE NOT NULL, "ends_on" DATE NOT NULL, "template_id" INTEGER NOT NULL, "status" VARCHAR(10) NOT NULL, "note" TEXT NOT NULL, "created_at" DATETIME NOT NULL, "voided_at" DATETIME, "void_reason" VARCHAR(200) NOT NULL, FOREIGN KEY ("template_id") REFERENCES "template" ("id") ON DELETE RESTRICT);
CREATE INDEX "campaign_starts_on" ON "campaign" ("starts_on");
CREATE INDEX "campaign_template_id" ON "campaign" ("template_id");
CREATE TABLE "participant" ("id" INTEGER NOT NULL PRIMARY KEY, "campaign_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "kind" VARCHAR(4) NOT NULL, "name" VARCHAR(60) NOT NULL, FOREIGN KEY ("campaign_id") REFERENCES "campaign" ("id") ON DELETE CASCADE);
CREATE INDEX "participant_campaign_id" ON "participant" ("campaign_id");
CREATE UNIQUE INDEX "participant_campaign_id_name" ON "participant" ("campaign_id", "name");
CREATE TABLE "check_item" ("id" INTEGER NOT NULL PRIMARY KEY, "template_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "name" VARCHAR(60) NOT NULL, FOREIGN KEY ("template_id") REFERENCES "template" ("id") ON DELETE CASCADE);
CREATE INDEX "check_item_template_id" ON "check_item" ("template_id");
CREATE TABLE "check_point" ("id" INTEGER NOT NULL PRIMARY KEY, "item_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "text" VARCHAR(200) NOT NULL, FOREIGN KEY ("item_id") REFERENCES "check_item" ("id") ON DELETE CASCADE);
CREATE INDEX "check_point_item_id" ON "check_point" ("item_id");
CREATE TABLE "answer" ("id" INTEGER NOT NULL PRIMARY KEY, "participant_id" INTEGER NOT NULL, "point_id" INTEGER NOT NULL, "has_problem" INTEGER, "description" TEXT NOT NULL, "statement" TEXT NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("participant_id") REFERENCES "participant" ("id") ON DELETE CASCADE, FOREIGN KEY ("point_id") REFERENCES "check_point" ("id") ON DELETE CASCADE);
CREATE INDEX "answer_participant_id" ON "answer" ("participant_id");
CREATE INDEX "answer_point_id" ON "answer" ("point_id");
CREATE UNIQUE INDEX "answer_participant_id_point_id" ON "answer" ("participant_id", "point_id");
CREATE TABLE "problem" ("id" INTEGER NOT NULL PRIMARY KEY, "campaign_id" INTEGER NOT NULL, "item_id" INTEGER NOT NULL, "point_id" INTEGER, "participant_id" INTEGER, "found_on" DATE NOT NULL, "description" TEXT NOT NULL, "cause" TEXT NOT NULL, "measure" TEXT NOT NULL, "responsible_name" VARCHAR(30) NOT NULL, "kind" VARCHAR(10) NOT NULL, "explanation" TEXT NOT NULL, "deadline" DATETIME, "status" VARCHAR(6) NOT NULL, "started_at" DATETIME, "completed_at" DATETIME, "verified_at" DATETIME, "verified_by" VARCHAR(30) NOT NULL, "verification" TEXT NOT NULL, "created_at" DATETIME NOT NULL, "voided_at" DATETIME, "void_reason" VARCHAR(200) NOT NULL, FOREIGN KEY ("campaign_id") REFERENCES "campaign" ("id") ON DELETE RESTRICT, FOREIGN KEY ("item_id") REFERENCES "check_item" ("id") ON DELETE RESTRICT, FOREIGN KEY ("point_id") REFERENCES "check_point" ("id") ON DELETE SET NULL, FOREIGN KEY ("participant_id") REFERENCES "participant" ("id") ON DELETE SET NULL);
CREATE INDEX "problem_campaign_id" ON "problem" ("campaign_id");
CREATE INDEX "problem_item_id" ON "problem" ("item_id");
CREATE INDEX "problem_point_id" ON "problem" ("point_id");
CREATE INDEX "problem_participant_id" ON "problem" ("participant_id");
CREATE INDEX "problem_found_on" ON "problem" ("found_on");
CREATE INDEX "problem_deadline" ON "problem" ("deadline");
CREATE INDEX "problem_status" ON "problem" ("status");
CREATE TABLE "progress_note" ("id" INTEGER NOT NULL PRIMARY KEY, "problem_id" INTEGER NOT NULL, "on" DATE NOT NULL, "text" TEXT NOT NULL, "by" VARCHAR(30) NOT NULL, "created_at" DATETIME NOT NULL, FOREIGN KEY ("problem_id") REFERENCES "problem" ("id") ON DELETE CASCADE);
CREATE INDEX "progress_note_problem_id" ON "progress_note" ("problem_id");
CREATE VIRTUAL TABLE problem_search USING fts5(description, cause, measure, responsible_name, explanation, verified_by, verification, content='', tokenize='unicode61 remove_diacritics 0');
INSERT INTO problem_search(rowid, description, cause, measure, responsible_name, explanation, verified_by, verification) SELECT id, xn_chars(description), xn_chars(cause), xn_chars(measure), xn_chars(responsible_name), xn_chars(explanation), xn_chars(verified_by), xn_chars(verification) FROM problem;
CREATE TRIGGER problem_search_ai AFTER INSERT ON problem BEGIN INSERT INTO problem_search(rowid, description, cause, measure, responsible_name, explanation, verified_by, verification) VALUES (NEW.id, xn_chars(NEW.description), xn_chars(NEW.cause), xn_chars(NEW.measure), xn_chars(NEW.responsible_name), xn_chars(NEW.explanation), xn_chars(NEW.verified_by), xn_chars(NEW.verification)); END;
CREATE TRIGGER problem_search_ad AFTER DELETE ON problem BEGIN INSERT INTO problem_search(problem_search, rowid, description, cause, measure, responsible_name, explanation, verified_by, verification) VALUES ('delete', OLD.id, xn_chars(OLD.description), xn_chars(OLD.cause), xn_chars(OLD.measure), xn_chars(OLD.responsible_name), xn_chars(OLD.explanation), xn_chars(OLD.verified_by), xn_chars(OLD.verification)); END;
CREATE TRIGGER problem_search_au AFTER UPDATE ON problem BEGIN INSERT INTO problem_search(problem_search, rowid, description, cause, measure, responsible_name, explanation, verified_by, verification) VALUES ('delete', OLD.id, xn_chars(OLD.description), xn_chars(OLD.cause), xn_chars(OLD.measure), xn_chars(OLD.responsible_name), xn_chars(OLD.explanation), xn_chars(OLD.verified_by), xn_chars(OLD.verification)); INSERT INTO problem_search(rowid, description, cause, measure, responsible_name, explanation, verified_by, verification) VALUES (NEW.id, xn_chars(NEW.description), xn_chars(NEW.cause), xn_chars(NEW.measure), xn_chars(NEW.responsible_name), xn_chars(NEW.explanation), xn_chars(NEW.verified_by), xn_chars(NEW.verification)); END;
INSERT INTO template (id, name, version, based_on_id, builtin, created_at, retired_at, retire_reason) VALUES (1, '五查（机关作风整顿自查）', 1, NULL, 1, strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime'), NULL, '');
INSERT INTO check_item (id, template_id, position, name) VALUES (1, 1, 1, '查思想认识');
INSERT INTO check_point (id, item_id, position, text) VALUES (1, 1, 1, '是否牢固树立“一盘棋”思想、大局意识');
INSERT INTO check_point (id, item_id, position, text) VALUES (2, 1, 2, '是否自觉搞好协调配合');
INSERT INTO check_point (id, item_id, position, text) VALUES (3, 1, 3, '有无各自为阵、相互扯皮拆台等现象');
INSERT INTO check_item (id, template_id, position, name) VALUES (2, 1, 2, '查工作效率');
INSERT INTO check_point (id, item_id, position, text) VALUES (4, 2, 1, '有无自由散漫、精神萎靡现象');
INSERT INTO check_point (id, item_id, position, text) VALUES (5, 2, 2, '工作是否雷厉风行');
INSERT INTO check_point (id, item_id, position, text) VALUES (6, 2, 3, '有无作风拖拉、不在状态、故意设障、拖延不办等现象');
INSERT INTO check_item (id, template_id, position, name) VALUES (3, 1, 3, '查工作纪律');
INSERT INTO check_point (id, item_id, position, text) VALUES (7, 3, 1, '是否遵守作息时间');
INSERT INTO check_point (id, item_id, position, text) VALUES (8, 3, 2, '有无迟到早退、脱岗串岗、聊天玩游戏和乱发议论等现象');
INSERT INTO check_point (id, item_id, position, text) VALUES (9, 3, 3, '有无参与打牌赌博现象');
INSERT INTO check_item (id, template_id, position, name) VALUES (4, 1, 4, '查服务质量');
INSERT INTO check_point (id, item_id, position, text) VALUES (10, 4, 1, '服务基层、服务群众、服务委员的意识是否够强');
INSERT INTO check_point (id, item_id, position, text) VALUES (11, 4, 2, '有无“门难进、人难找、脸难看、事难办”的现象');
INSERT INTO check_point (id, item_id, position, text) VALUES (12, 4, 3, '接待委员或来访对象是否热情，有无态度冷漠、敷衍推诿等现象');
INSERT INTO check_item (id, template_id, position, name) VALUES (5, 1, 5, '查廉政建设');
INSERT INTO check_point (id, item_id, position, text) VALUES (13, 5, 1, '是否按有关规定廉洁自律');
INSERT INTO check_point (id, item_id, position, text) VALUES (14, 5, 2, '有无收受现金、礼品等现象');
INSERT INTO check_point (id, item_id, position, text) VALUES (15, 5, 3, '有无参与违规经商办企业现象');
"""
