"""The Excel ledger (台账) import wizard."""
