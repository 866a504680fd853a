"""五查自查: self-inspection campaigns on the five checks, and rectification to the end (整改销号)."""
