"""Slow-moving structure beside the news: alliances, dyadic trade, macro totals."""
