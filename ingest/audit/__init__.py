"""The source audit: where a disclosure contradicts itself (sums, one figure in two places, the arithmetic it
states, its wording), each finding with its rule, severity, message and the quotes of every side."""
