"""Run from an old checkout (cwd): write a small data file with that version's schema and demo.fill.

python3 make_file.py OUT DAYS  — clock fixed at 2026-09-07 17:30, demo range cut to DAYS days.
"""
import datetime as dt
import os
import sqlite3
import sys

sys.path.insert(0, os.getcwd())
import xiaoneng_desktop  # noqa: E402

assert xiaoneng_desktop.__file__.startswith(os.getcwd()), xiaoneng_desktop.__file__
from xiaoneng_desktop import demo, schema  # noqa: E402
from xiaoneng_desktop.core import clock  # noqa: E402

out, days = sys.argv[1], int(sys.argv[2])
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(out + suffix):
        os.remove(out + suffix)
clock.set_source(lambda: dt.datetime(2026, 9, 7, 17, 30))
# fill(1) ends today; its first day is _months_before(today, 1) + 1 day: cut the month to DAYS days.
demo._months_before = lambda day, months: day - dt.timedelta(days=days)
database = schema.open_database(out)
print(demo.fill(1))
if hasattr(schema, "INSPECTION_MODELS"):
    # the short demo range finds no problem yet: register two through the service, one of them moved on
    from xiaoneng_desktop.inspection import service
    campaign = service.list_campaigns()[0]
    item, points = service.template_items(campaign.template_id)[1]
    first = service.create_problem(service.ProblemInput(
        campaign.id, item.id, "值班室电话无人接听，群众反映拖延不办", "王建国", deadline=dt.date(2026, 9, 30),
        found_on=dt.date(2026, 9, 6), cause="值班人员脱岗", measure="落实值班带班制度", point_id=points[2].id))
    # positional: the parameter was ``by`` before version 6, ``actor`` since
    service.add_progress(first.id, "已召开科室会议整改", dt.date(2026, 9, 7), "王建国")
    item, points = service.template_items(campaign.template_id)[2]
    late = service.create_problem(service.ProblemInput(
        campaign.id, item.id, "个别人员迟到早退", "李秀英", kind="立即整改", deadline=dt.date(2026, 9, 8),
        found_on=dt.date(2026, 9, 7), point_id=points[1].id))
    if schema.SCHEMA_VERSION >= 6:  # who completed a rectification is kept from version 6 on
        service.update_problem(late.id, service.ProblemInput(
            campaign.id, item.id, "个别人员迟到早退", "李秀英", kind="立即整改", deadline=dt.date(2026, 9, 8),
            found_on=dt.date(2026, 9, 7), point_id=points[1].id, measure="当面提醒并约谈"))
        service.complete_problem(late.id, "已约谈", actor="李秀英")
database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
database.close()
# Smaller pages for a small test file: VACUUM rewrites the pages, not the schema or the rows.
raw = sqlite3.connect(out)
raw.execute("PRAGMA journal_mode = DELETE")
raw.execute(f"PRAGMA page_size = {int(os.environ.get('PAGE', '512'))}")
raw.execute("VACUUM")
raw.close()
print(out, os.path.getsize(out))
