"""The runtime: runs a script in a session's thread, reruns it on request, streams its frames.

Start reading at `runner.py` (where a rerun starts), then `session.py` (a viewer's session) and
`app.py` (what sessions of one script share).
"""
