"""Qt widgets. They render the core's state and forward the user's actions; no SQL, no YAML."""
