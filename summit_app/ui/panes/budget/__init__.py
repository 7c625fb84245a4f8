"""The Budget pane and the parts only it (or a pane reusing it) uses."""
