"""The Textual app for the playbook library. Imports `playbook`; `playbook` never imports this."""
