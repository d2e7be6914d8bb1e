"""Records <-> files: JSONL reading, atomic writing of outputs (no models)."""
