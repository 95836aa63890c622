"""Rule loading (strict), the registry and the runner."""
