"""Document records -> entities: name keys, aliases a document states, joins across documents and languages.

No models: linking works on records only.
"""
