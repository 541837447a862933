"""muistio: approved meeting minutes in; invites, reminders and action-item follow-up out."""

__version__ = "0.1.0"
