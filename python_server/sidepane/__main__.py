"""`python -m sidepane …` is the same as the `sidepane` command."""

from sidepane.cli import main

raise SystemExit(main())
