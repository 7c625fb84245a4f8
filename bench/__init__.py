"""``make bench``: the performance figures each issue names, with targets and peer ratios."""
