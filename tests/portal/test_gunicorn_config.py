"""The web process's gunicorn settings (gunicorn.conf.py), read the way gunicorn reads them."""

import json
import runpy
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

from gunicorn.config import Config
from gunicorn.glogging import Logger

CONFIG_FILE = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def _config(monkeypatch, **env):
    for name in ("PORT", "WEB_CONCURRENCY"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    config = Config()
    for name, value in runpy.run_path(str(CONFIG_FILE)).items():
        if name in config.settings:
            config.set(name, value)
    return config


def test_it_serves_two_workers_on_port_8000_unless_told_otherwise(monkeypatch):
    assert (_config(monkeypatch).workers, _config(monkeypatch).bind) == (2, ["0.0.0.0:8000"])
    configured = _config(monkeypatch, WEB_CONCURRENCY="5", PORT="9000")
    assert (configured.workers, configured.bind) == (5, ["0.0.0.0:9000"])


def test_it_writes_no_access_log_and_its_own_errors_as_redacted_json(monkeypatch, restore_logging, capsys):
    log = Logger(_config(monkeypatch))
    environ = {"REQUEST_METHOD": "GET", "RAW_URI": "/my/?zip=21044", "SERVER_PROTOCOL": "HTTP/1.1"}
    response = SimpleNamespace(status="200 OK", headers=[], sent=512)
    log.access(response, SimpleNamespace(headers=[]), environ, timedelta(milliseconds=12))
    log.error("Error handling request %s", "/requests/status/?code=CC-7K3F-9QX2&zip=21044")
    output = capsys.readouterr()
    (line,) = output.err.splitlines()
    assert json.loads(line)["message"] == "Error handling request /requests/status/?[query]"
    assert output.out == ""


def test_it_opens_no_control_socket_another_server_on_the_host_could_share(monkeypatch):
    assert _config(monkeypatch).control_socket_disable is True
