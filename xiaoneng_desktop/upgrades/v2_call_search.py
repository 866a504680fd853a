"""1 → 2: free-text search of the call log through an index.

Frozen: the SQL as it ran when this version was released (commit fe92776). Never edit it;
a later change to these tables is a new step."""

SQL = """
CREATE VIRTUAL TABLE call_search USING fts5(summary, caller, caller_unit, phone, assignee_name, officer_name, instruction, feedback, content='', tokenize='unicode61 remove_diacritics 0');
INSERT INTO call_search(rowid, summary, caller, caller_unit, phone, assignee_name, officer_name, instruction, feedback) SELECT id, xn_chars(summary), xn_chars(caller), xn_chars(caller_unit), xn_chars(phone), xn_chars(assignee_name), xn_chars(officer_name), xn_chars(instruction), xn_chars(feedback) FROM call;
CREATE TRIGGER call_search_ai AFTER INSERT ON call BEGIN INSERT INTO call_search(rowid, summary, caller, caller_unit, phone, assignee_name, officer_name, instruction, feedback) VALUES (NEW.id, xn_chars(NEW.summary), xn_chars(NEW.caller), xn_chars(NEW.caller_unit), xn_chars(NEW.phone), xn_chars(NEW.assignee_name), xn_chars(NEW.officer_name), xn_chars(NEW.instruction), xn_chars(NEW.feedback)); END;
CREATE TRIGGER call_search_ad AFTER DELETE ON call BEGIN INSERT INTO call_search(call_search, rowid, summary, caller, caller_unit, phone, assignee_name, officer_name, instruction, feedback) VALUES ('delete', OLD.id, xn_chars(OLD.summary), xn_chars(OLD.caller), xn_chars(OLD.caller_unit), xn_chars(OLD.phone), xn_chars(OLD.assignee_name), xn_chars(OLD.officer_name), xn_chars(OLD.instruction), xn_chars(OLD.feedback)); END;
CREATE TRIGGER call_search_au AFTER UPDATE ON call BEGIN INSERT INTO call_search(call_search, rowid, summary, caller, caller_unit, phone, assignee_name, officer_name, instruction, feedback) VALUES ('delete', OLD.id, xn_chars(OLD.summary), xn_chars(OLD.caller), xn_chars(OLD.caller_unit), xn_chars(OLD.phone), xn_chars(OLD.assignee_name), xn_chars(OLD.officer_name), xn_chars(OLD.instruction), xn_chars(OLD.feedback)); INSERT INTO call_search(rowid, summary, caller, caller_unit, phone, assignee_name, officer_name, instruction, feedback) VALUES (NEW.id, xn_chars(NEW.summary), xn_chars(NEW.caller), xn_chars(NEW.caller_unit), xn_chars(NEW.phone), xn_chars(NEW.assignee_name), xn_chars(NEW.officer_name), xn_chars(NEW.instruction), xn_chars(NEW.feedback)); END;
"""
