"""DualLeader Desktop (双带头人支部工作台): a Party branch's records, kept offline."""

import time

# the earliest moment the program can see; `dualleader --smoke` reports start-up from here
STARTED = time.perf_counter()

__version__ = "0.1.0"
APP_NAME = "双带头人支部工作台"
APP_ID = "DualLeaderDesktop"
# the name of the .desktop entry the Linux package installs (packaging/deb.py): the desktop
# matches the running window to it, for its name and icon in the task bar
DESKTOP_FILE = "dualleader"
