from dualleader_desktop.cli import main

raise SystemExit(main())
