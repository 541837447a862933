"""Run the CLI as `python -m cli` (the same as the `muistio` command)."""

from cli.main import main

# Guarded: a spawned helper process imports this module again and must not run the CLI.
if __name__ == "__main__":
    main()
