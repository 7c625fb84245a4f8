"""Running a meeting: present mode, the timebox, voting and the roll-up of several plans."""
