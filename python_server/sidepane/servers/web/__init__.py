"""`sidepane run`: one asyncio web server that serves the front end and a WebSocket per tab."""
