"""Summit Planner: district technology plans built at summit tables."""

__version__ = "0.1.0"
