"""Entity spans -> normal forms: Russian names in the nominative (pymorphy3) and their Latin keys."""
