"""The frozen program's entry point: the command line, which starts the window without a
command (dualleader_desktop/cli.py)."""

from dualleader_desktop.cli import main

raise SystemExit(main())
