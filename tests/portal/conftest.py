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
    read = _capture(settings.LOGGING)
    for logger in _loggers():
        logger.setLevel(logging.DEBUG)
    return read


@pytest.fixture
def production_log(settings, restore_logging):
    """The production LOGGING with its own levels (LOG_LEVEL's default), captured; returns the parsed lines."""
    return _capture(settings.LOGGING)


def _capture(logging_settings):
    assert logging_settings["handlers"]["console"]["formatter"] == "json"
    stream = io.StringIO()
    config = copy.deepcopy(logging_settings)
    config["handlers"]["console"]["stream"] = stream
    logging.config.dictConfig(config)
    return lambda: [json.loads(line) for line in stream.getvalue().splitlines()]


def _loggers():
    named = logging.root.manager.loggerDict.values()
    return [logging.root, *(logger for logger in named if isinstance(logger, logging.Logger))]
