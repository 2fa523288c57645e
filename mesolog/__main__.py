from mesolog.cli import main

raise SystemExit(main())
