"""What every room of the window uses.

The open plan's UiContext, the theme, prompts, preferences, the findings service, export kinds.
"""
