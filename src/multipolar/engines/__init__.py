"""Where coding runs: local processes, Ray, Parquet shards."""
