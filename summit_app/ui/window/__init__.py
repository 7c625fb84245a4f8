"""The shell: the main window, its menus, the welcome screen, opening a plan, the faults view and help."""
