import sys

from xiaoneng_desktop.cli import main

sys.exit(main())
