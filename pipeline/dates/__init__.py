"""DATE spans -> ISO 8601 values: reading English and Russian expressions, resolving them against anchors."""
