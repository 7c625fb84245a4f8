"""What the command line and the window both do, stated once and free of Qt.

A workflow strings the core's parts together in the one safe order: vet the
outputs, read, write to temporary files, record what must be recorded, move
the files into place. The command line calls a workflow directly; the window
runs the same call in a worker thread and turns its progress into a bar.

``exports``: a plan's outputs, and export for signature; ``rollup``: the
regional roll-up; ``documents``: a plan read from an interchange document.
"""
