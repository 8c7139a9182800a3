"""One module per screen. Screens receive model objects and open others through the app."""
