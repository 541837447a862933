"""The secretary's desk: a FastAPI app over services/ (pages, JSON API, signed mail links)."""
