"""6 → 7: when a visit's 满意度 was given, so that a month's 满意率 counts only the ratings given by
its cut-off and a printed month stays printed.

Frozen: the SQL as it ran when this version was released. Never edit it. A rating recorded before
this version is taken as given when the visit was answered (as the 办理 form asks for it)."""

SQL = """
ALTER TABLE "visit" ADD COLUMN "rated_at" DATETIME;
UPDATE "visit" SET "rated_at" = "closed_at" WHERE "satisfaction" != '未评价';
"""
