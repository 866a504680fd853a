"""Classes compiled by pyside6-uic from the .ui files in the top-level forms/ folder (do not edit)."""
