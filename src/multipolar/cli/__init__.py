"""The ``multipolar`` command line."""
