"""Text -> spaCy Doc with final entities -> Document record: the one builder of both pipelines, its components."""
