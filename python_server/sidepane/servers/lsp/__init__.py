"""The VS Code front door: `python -m sidepane lsp`, a pygls language server on stdio.

Each webview panel is one session (keyed by the extension's session id); the sessions of one
script share an App and a file watcher. Frames travel as base64 in `sidepane/frames` and
`sidepane/message` notifications (docs/protocol.md, "VS Code"). Import `stdio.serve_stdio` to
run it; nothing here imports pygls until then.
"""
