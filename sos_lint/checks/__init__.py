"""Rules that need code: plain functions over the shared spaCy ``Doc``s, one module per family."""
