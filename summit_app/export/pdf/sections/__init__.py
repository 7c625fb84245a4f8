"""One module per part of the report; each has ``build(report) -> list[Flowable]``."""
