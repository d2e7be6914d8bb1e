"""Files -> InputDocuments: walk the folders once, decode, split front matter, HTML to text, tell the language."""
