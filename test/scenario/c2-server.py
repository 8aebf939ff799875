"""Command-and-control stand-in for the multi-stage scenario: answers beacons, takes uploads.

Usage: c2-server.py ADDRESS PORT
GET any path  -> 200 with a small JSON tasking ("sleep" and the next interval).
POST /upload  -> reads the whole body and answers {"received": <bytes>}.
Prints "ready" once listening, then one JSON line per request it served.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    server_version = "nginx/1.22.1"
    sys_version = ""

    def _reply(self, body):
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self._reply({"task": "sleep", "interval": 2})
        print(json.dumps({"method": "GET", "path": self.path, "from": self.client_address[0]}), flush=True)

    def do_POST(self):
        left = int(self.headers.get("Content-Length", "0"))
        received = 0
        while left > 0:
            chunk = self.rfile.read(min(left, 65536))
            if not chunk:
                break
            received += len(chunk)
            left -= len(chunk)
        self._reply({"received": received})
        print(json.dumps({"method": "POST", "path": self.path, "from": self.client_address[0], "bytes": received}), flush=True)

    def log_message(self, format, *args):
        pass


server = ThreadingHTTPServer((sys.argv[1], int(sys.argv[2])), Handler)
print("ready", flush=True)
server.serve_forever()
