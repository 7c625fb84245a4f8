"""The editing parts every pane is built from.

Editors, delegates, form and table sections, collection models and edits, formats.
"""
