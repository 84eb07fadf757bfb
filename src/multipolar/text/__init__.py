"""Plain-text stages: cleaning page debris, language, sentence segmentation, near-duplicates."""
