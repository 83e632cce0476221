"""Run one command and report its wall time and peak RSS: ``python -S child_meter.py CMD...``.

Why a separate small process: on Linux a child's ``ru_maxrss`` starts from the RSS of the
process that forked it (the memory is shared until ``exec``), so a benchmark runner holding a
million-row history would report its own size for every child. This meter is a bare Python
(``-S``: stdlib only, a few MiB) that forks the command, waits, and prints one JSON line:
``{"seconds": wall time around the child, "peak_rss": bytes, "returncode": n}``; the child's
stderr passes through.
"""

import json
import resource
import subprocess
import sys
import time


def main() -> int:
    start = time.perf_counter()
    proc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=False)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # KiB on Linux
    print(json.dumps({"seconds": seconds, "peak_rss": peak, "returncode": proc.returncode}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
