"""Keep personal data out of the logs.

Exception messages can quote the data being saved (a database error names the
value that clashed), so log records keep an exception's type and where it
happened, never its message.
"""

import logging
import traceback


class NoExceptionMessages(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            frames = "".join(traceback.format_tb(exc.__traceback__))
            record.msg = f"{record.msg} [{type(exc).__name__}]\n{frames}"
            record.exc_info = None
            record.exc_text = None
        return True
