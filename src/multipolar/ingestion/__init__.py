"""Reading inputs (txt, html, jsonl) and ingesting them into the store."""
