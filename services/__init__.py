"""The application: what the CLI, the web desk and the flows all call; no Prefect here."""
