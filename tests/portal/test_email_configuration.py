"""In production an email goes to SMTP or to a folder, and is never printed into the logs."""

from tests.portal.test_configuration import PRODUCTION, _manage


def test_production_without_an_email_server_sends_nothing_prints_nothing_and_warns():
    result = _manage("sendtestemail", "zebulon.quixotic@example.org", **PRODUCTION, EMAIL_HOST="", EMAIL_FILE_PATH="")
    assert result.returncode == 0, result.stderr
    assert "zebulon.quixotic" not in result.stdout + result.stderr
    assert '"message": "Email is off: no email is sent' in result.stderr


def test_email_file_path_writes_each_email_to_a_file_and_nothing_to_the_logs(tmp_path):
    result = _manage("sendtestemail", "zebulon.quixotic@example.org", **PRODUCTION, EMAIL_FILE_PATH=str(tmp_path))
    assert result.returncode == 0, result.stderr
    (sent,) = tmp_path.iterdir()
    assert "To: zebulon.quixotic@example.org" in sent.read_text()
    assert "zebulon.quixotic" not in result.stdout + result.stderr and "Email is off" not in result.stderr
