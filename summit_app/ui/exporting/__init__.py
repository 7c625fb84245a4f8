"""The open plan's exports (File ▸ Export, the Review pane's buttons) and the worker thread that writes them."""
