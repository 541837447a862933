"""The command line, `muistio`: an edge over the services."""
