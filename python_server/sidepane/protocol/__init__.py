"""The msgpack frame protocol between the runtime and its viewers (see docs/protocol.md)."""
