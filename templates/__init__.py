"""Jinja2 mail templates, shipped in the wheel as package data (muistio.mail finds them beside muistio/)."""
