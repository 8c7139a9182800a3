"""playbook: a critical-incident mentoring playbook library.

The core never imports textual; the terminal UI lives in the `tui` package.
"""

__version__ = "0.1.0"
