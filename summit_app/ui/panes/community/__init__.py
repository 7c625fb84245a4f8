"""Peers & communication: peer districts, lighthouse schools and the communication plan."""
