"""The summit room in the window."""
