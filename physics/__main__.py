"""`python -m physics ...`: see physics.cli."""
import sys

from .cli import main

sys.exit(main())
