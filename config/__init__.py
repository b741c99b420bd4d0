"""Settings read from the environment, and the one place that builds the index and assistant from them."""
