"""Pages of the states app: thin, no business logic."""
