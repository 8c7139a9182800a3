"""Reusable widgets for the playbook app."""
