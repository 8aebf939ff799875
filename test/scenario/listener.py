"""Open ports for an internal host of the multi-stage scenario.

Usage: listener.py ADDRESS PORT...
Accepts connections on each port; on 22 it sends an OpenSSH banner, then closes.
Prints "ready" once every port is listening.
"""
import socket
import sys
import threading

BANNERS = {22: b"SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.6\r\n"}


def serve(sock, port):
    while True:
        conn, _ = sock.accept()
        try:
            conn.sendall(BANNERS.get(port, b""))
        except OSError:
            pass
        conn.close()


address = sys.argv[1]
for port in map(int, sys.argv[2:]):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((address, port))
    s.listen(16)
    threading.Thread(target=serve, args=(s, port), daemon=True).start()
print("ready", flush=True)
threading.Event().wait()
