"""Widget methods: each returns its current value and reruns the script when it changes."""
