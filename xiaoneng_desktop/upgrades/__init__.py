"""The schema upgrades, frozen (calibre's schema_upgrades habit): ``STEPS[i]`` is the SQL that takes a
data file of schema version i+1 to version i+2, exactly as it ran when that version was released.

A step never reads today's models, today's search columns or any other code that may change later:
version 3's ``CREATE TABLE "visit"`` must not grow a column that version 7 adds with ``ALTER TABLE``.
So an old file and a new one end with the same tables, and adding a column is one new step here
(next to the field on the model, which is what a new file is built from).

Append a module and its line below; never edit or reorder a step that has been released.
"""

from __future__ import annotations

from xiaoneng_desktop.upgrades import (
    v2_call_search,
    v3_documents,
    v4_visitors,
    v5_inspection,
    v6_problem_completion,
    v7_visit_rated_at,
    v8_accountability,
    v9_record_version,
    v10_handover_index,
)

STEPS: list[str] = [
    v2_call_search.SQL,
    v3_documents.SQL,
    v4_visitors.SQL,
    v5_inspection.SQL,
    v6_problem_completion.SQL,
    v7_visit_rated_at.SQL,
    v8_accountability.SQL,
    v9_record_version.SQL,
    v10_handover_index.SQL,
]
