"""Summit Planner: district technology plans built at summit tables."""

__version__ = "0.1.0"
#: The command's name, as its one-line errors begin (``summit-app: error: …``).
PROG = "summit-app"
