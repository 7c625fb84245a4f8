"""The summit room in the window: a seat at a table (join, live edits, notices, presence)."""
