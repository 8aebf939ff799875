"""Internal TCP connect sweep, as a script dropped on a compromised host would run it.

Usage: sweep.py PORTS ADDRESS...   (PORTS comma-separated, e.g. 22,445)
Tries a full TCP connect to every address and port, eight at a time, one second each,
and prints the open ones as a JSON list of "address:port".
"""
import json
import socket
import sys
from concurrent.futures import ThreadPoolExecutor

ports = [int(p) for p in sys.argv[1].split(",")]
targets = [(a, p) for a in sys.argv[2:] for p in ports]


def probe(target):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(1.0)
    try:
        s.connect(target)
        return "%s:%d" % target
    except OSError:
        return None
    finally:
        s.close()


with ThreadPoolExecutor(max_workers=8) as pool:
    found = [r for r in pool.map(probe, targets) if r]
print(json.dumps(found))
