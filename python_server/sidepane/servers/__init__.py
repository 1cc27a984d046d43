"""Ways to serve an app to viewers; `web` is the browser front door behind `sidepane run`."""
