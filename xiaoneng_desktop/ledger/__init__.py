"""台账: Excel templates, all-or-nothing import and export of the four registers, and export of any
list as the table shows it. No Qt here; openpyxl is imported inside the functions that need it, so the
program's start-up never pays for it."""
