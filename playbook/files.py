"""Opening a file the program reads but does not own (a playbook, the cache): only a regular
file, and never blocking. A FIFO put in its place would hang the open (and the first screen with
it), even one that appeared after the folder was listed; a link to a device would be read without
end. So the file is opened non-blocking and checked on the open descriptor."""

from __future__ import annotations

import os
import stat
from typing import BinaryIO


class NotRegular(ValueError):
    """The path is a FIFO, a device, a folder or a socket: not read."""


def open_regular(path: os.PathLike[str] | str) -> tuple[BinaryIO, os.stat_result]:
    """The regular file at `path` opened to read, and its status when opened. OSError if it
    cannot be opened, NotRegular if it is anything but a regular file."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            raise NotRegular(f"{os.fspath(path)} is not a regular file")
        stream = os.fdopen(handle, "rb")
    except BaseException:
        os.close(handle)
        raise
    return stream, status
