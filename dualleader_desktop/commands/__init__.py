"""Handlers of the command-line subcommands; each takes the parsed arguments, returns an exit code."""
