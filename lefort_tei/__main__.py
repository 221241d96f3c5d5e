"""``python -m lefort_tei`` → ``cli.main()``."""

import sys

from .cli import main

sys.exit(main())
