#!/usr/bin/python3
"""Generates modbus_attacks.pcapng, the Modbus/TCP attack traffic the model's capture test replays.

Run as root (port 502) while recording loopback:
  dumpcap -i lo -f "tcp port 502" -w modbus_attacks.pcapng &  ./modbus_attacks.py ; kill %1
A minimal server on 127.0.0.2:502 answers every request (echo for functions 5, 6, 8, 15, 16; a
UMAS OK status for function 90; an 'illegal function' exception otherwise). The clients are:
  127.0.0.10  a normal master: polls unit 1 with functions 3 and 16 (learned as normal)
  127.0.0.66  an attacker: device identification (43/14), report slave id (17), diagnostics
              restart communications and force listen-only (8/1, 8/4), a unit id sweep (1-20),
              a function code sweep, UMAS stop/start PLC and a strategy upload (90/0x41, 0x40,
              0x30/0x31/0x32), and writes (6) - a new writer.
"""
import socket
import struct
import threading
import time

SERVER = ("127.0.0.2", 502)


def serve(listener):
    while True:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        threading.Thread(target=answer, args=(conn,), daemon=True).start()


def answer(conn):
    buf = b""
    with conn:
        while True:
            data = conn.recv(4096)
            if not data:
                return
            buf += data
            while len(buf) >= 7:
                tid, pid, length, unit = struct.unpack(">HHHB", buf[:7])
                if len(buf) < 6 + length:
                    break
                pdu, buf = buf[7:6 + length], buf[6 + length:]
                fc = pdu[0]
                if fc in (5, 6, 8):
                    reply = pdu
                elif fc in (15, 16):
                    reply = pdu[:5]
                elif fc == 3:
                    count = struct.unpack(">H", pdu[3:5])[0]
                    reply = bytes([3, 2 * count]) + b"\x00\x01" * count
                elif fc == 90:
                    reply = bytes([90, pdu[1], 0xFE])
                else:
                    reply = bytes([fc | 0x80, 1])
                conn.sendall(struct.pack(">HHHB", tid, 0, len(reply) + 1, unit) + reply)


class Client:
    def __init__(self, source):
        self.sock = socket.create_connection(SERVER, source_address=(source, 0))
        self.tid = 0

    def send(self, unit, pdu):
        self.tid += 1
        self.sock.sendall(struct.pack(">HHHB", self.tid, 0, len(pdu) + 1, unit) + pdu)
        self.sock.recv(4096)
        time.sleep(0.01)

    def close(self):
        self.sock.close()


def main():
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(SERVER)
    listener.listen()
    threading.Thread(target=serve, args=(listener,), daemon=True).start()

    master = Client("127.0.0.10")
    for i in range(40):
        master.send(1, struct.pack(">BHH", 3, 0, 4))
        if i % 10 == 0:
            master.send(1, struct.pack(">BHHB", 16, 10, 1, 2) + b"\x00\x2a")
    master.close()

    attacker = Client("127.0.0.66")
    attacker.send(1, bytes([43, 14, 1, 0]))                 # read device identification
    attacker.send(1, bytes([17]))                            # report slave id
    attacker.send(1, struct.pack(">BHH", 8, 0x0001, 0))      # restart communications
    attacker.send(1, struct.pack(">BHH", 8, 0x0004, 0))      # force listen only
    for unit in range(1, 21):                                # unit id sweep
        attacker.send(unit, struct.pack(">BHH", 3, 0, 1))
    for fc in (1, 2, 4, 7, 11, 12, 20, 24, 65, 100):         # function code sweep
        attacker.send(1, bytes([fc]) + b"\x00\x00\x00\x01")
    attacker.send(1, bytes([90, 0, 0x41]))                   # UMAS stop PLC
    attacker.send(1, bytes([90, 0, 0x30, 0, 1]))             # UMAS initialize (strategy) upload
    for block in range(3):
        attacker.send(1, bytes([90, 0, 0x31, 1, 0, block, 0]) + b"\x00" * 16)
    attacker.send(1, bytes([90, 0, 0x32, 0, 3]))             # UMAS end strategy upload
    attacker.send(1, bytes([90, 0, 0x40]))                   # UMAS start PLC
    for value in range(5):
        attacker.send(1, struct.pack(">BHH", 6, 10, value))  # writes from a host never seen writing
    attacker.close()
    listener.close()


if __name__ == "__main__":
    main()
