"""DualLeader Desktop (双带头人支部工作台): a Party branch's records, kept offline."""

__version__ = "0.1.0"
APP_NAME = "双带头人支部工作台"
APP_ID = "DualLeaderDesktop"
