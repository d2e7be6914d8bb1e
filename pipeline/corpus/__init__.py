"""Paths -> the four output files: the one stage sequence, the executors that run it, the result cache."""
