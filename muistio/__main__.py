"""Run the CLI as `python -m muistio`."""

from muistio.cli import main

main()
