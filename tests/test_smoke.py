from playbook.cli import main


def test_mini_library_is_clean(capsys):
    assert main(["--library", "tests/data/mini", "validate"]) == 0
    assert "no problems" in capsys.readouterr().out
