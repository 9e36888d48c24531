"""Record matching: the same child registered twice, and tracing requests to children."""
