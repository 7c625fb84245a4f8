"""One open plan on screen: the workspace with its step navigator, badges, find bar and signed banner."""
