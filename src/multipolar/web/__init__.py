"""The HTML report and the local dashboard."""
