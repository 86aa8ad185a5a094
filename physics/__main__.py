"""`python -m physics ...`: see physics.cli."""
import sys

from physics.cli import main

sys.exit(main())
