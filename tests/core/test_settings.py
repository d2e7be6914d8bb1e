"""Settings: defaults in code, a TOML file overrides them, and a bad file says which key and what is valid."""

import pytest

from pipeline.core.errors import ConfigError
from pipeline.core.settings import Settings, load_settings


def test_without_a_file_the_defaults_hold():
    settings = load_settings(None)
    assert settings == Settings() and settings.max_file_mb == 20 and settings.gazetteer is None


@pytest.mark.parametrize("toml", ["[pipeline]\nmax_file_mb = 50\nfollow_symlinks = true\n",
                                  "max_file_mb = 50\nfollow_symlinks = true\n"])
def test_a_file_overrides_with_or_without_the_pipeline_table(tmp_path, toml):
    path = tmp_path / "run.toml"
    path.write_text(toml, encoding="utf-8")
    settings = load_settings(path)
    assert settings.max_file_mb == 50 and settings.follow_symlinks is True and settings.mixed_share == 0.3


@pytest.mark.parametrize("toml, message", [
    ("[pipeline]\nmax_file_mb = -1\n", "max_file_mb: Input should be greater than 0"),
    ("[pipeline]\nmax_fille_mb = 5\n", "valid keys: en_model, gazetteer"),
    ("[pipeline\n", "not valid TOML"),
])
def test_a_bad_file_names_itself_the_key_and_the_valid_ones(tmp_path, toml, message):
    path = tmp_path / "bad.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        load_settings(path)
    assert str(info.value).startswith(f"{path}: ")


def test_a_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(tmp_path / "nowhere.toml")


@pytest.mark.parametrize("content, message", [
    (b"\xff\xfe[pipeline]\n", "not UTF-8 text; is it a TOML settings file?"),
    (b"pipeline = 5\n", "pipeline must be a table of settings .* not an integer; valid keys: en_model"),
    (b'pipeline = "fast"\n', "pipeline must be a table of settings .* not a string"),
    (b"a = " + b"[" * 3000 + b"]" * 3000 + b"\n", "not valid TOML: nested too deeply"),
])
def test_a_file_that_is_no_settings_table_is_a_config_error(tmp_path, content, message):
    path = tmp_path / "bad.toml"
    path.write_bytes(content)
    with pytest.raises(ConfigError, match=message) as info:
        load_settings(path)
    assert str(info.value).startswith(f"{path}: ")


def test_a_folder_given_as_the_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="is a folder; --config takes a TOML file"):
        load_settings(tmp_path)
