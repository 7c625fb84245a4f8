"""The Readiness pane and the parts only it (or a pane reusing it) uses."""
