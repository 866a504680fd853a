"""Reports: the monthly report (xlsx, pdf) and single-record forms, from the registers' stats and services.

reportlab and openpyxl are imported inside the functions that use them, so start-up never pays for them.
"""
