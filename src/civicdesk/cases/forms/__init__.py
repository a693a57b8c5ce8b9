"""Forms for the case pages."""
