"""Exception types: the library raises these, only the CLI turns them into messages and exit codes."""


class PipelineError(Exception):
    """Base of every error the pipeline raises on purpose."""


class InputError(PipelineError):
    """A document cannot be read or parsed; the message names the file and the reason."""


class ConfigError(PipelineError):
    """The configuration file or a command-line option is invalid."""
