"""Present mode and the facilitator's tools: the room's view, time-boxes, reveals, voting, roll-up."""
