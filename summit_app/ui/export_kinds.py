"""The three exports the Review pane's buttons and File → Export offer (a module the menus load at start-up)."""

#: (button and menu text, file filter, suffix, name ending, export) for each export.
EXPORTS = (
    ("Excel workbook…", "Excel workbooks (*.xlsx)", ".xlsx", "", "xlsx"),
    ("Draft PDF…", "PDF documents (*.pdf)", ".pdf", " (draft)", "draft"),
    ("PDF for signature…", "PDF documents (*.pdf)", ".pdf", "", "signature"),
)
