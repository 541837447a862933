"""Run the CLI as `python -m cli` (the same as the `muistio` command)."""

from cli.main import main

main()
