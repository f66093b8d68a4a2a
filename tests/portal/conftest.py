import copy
import io
import json
import logging
import logging.config

import pytest


@pytest.fixture
def restore_logging():
    """Put back every logger's level, handlers and filters after a test that reconfigures logging."""
    saved = {
        logger: (logger.level, logger.handlers[:], logger.filters[:], logger.propagate, logger.disabled)
        for logger in _loggers()
    }
    yield
    for logger, (level, handlers, filters, propagate, disabled) in saved.items():
        logger.setLevel(level)
        logger.handlers, logger.filters, logger.propagate, logger.disabled = handlers, filters, propagate, disabled


@pytest.fixture
def json_log(settings, restore_logging):
    """The production LOGGING (JSON, DEBUG off), every logger at DEBUG, captured; returns the parsed lines.

    Parsing fails on any line that is not one JSON object.
    """
    assert settings.LOGGING["handlers"]["console"]["formatter"] == "json"
    stream = io.StringIO()
    config = copy.deepcopy(settings.LOGGING)
    config["handlers"]["console"]["stream"] = stream
    config["root"]["level"] = "DEBUG"
    logging.config.dictConfig(config)
    for logger in _loggers():
        logger.setLevel(logging.DEBUG)
    return lambda: [json.loads(line) for line in stream.getvalue().splitlines()]


def _loggers():
    named = logging.root.manager.loggerDict.values()
    return [logging.root, *(logger for logger in named if isinstance(logger, logging.Logger))]
