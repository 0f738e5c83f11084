"""A real Modbus/TCP exchange on 127.0.0.1 for the live capture test: a pymodbus server and a
pymodbus client in one process. Usage: modbus_peer.py PORT. Prints one JSON line per request the
client made, with what pymodbus says it sent and received, then "done"."""
import asyncio
import json
import logging
import sys
import threading
import time

from pymodbus.client import ModbusTcpClient
from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server import StartAsyncTcpServer

port = int(sys.argv[1])
# The server's handler logs its cancellation when the client closes; it is not part of the exchange.
logging.getLogger("pymodbus").setLevel(logging.CRITICAL)
store = ModbusSlaveContext(hr=ModbusSequentialDataBlock(0, list(range(100, 200))),
                           co=ModbusSequentialDataBlock(0, [True, False] * 50))
context = ModbusServerContext(slaves=store, single=True)
loop = asyncio.new_event_loop()


def serve():
    asyncio.set_event_loop(loop)
    loop.run_until_complete(StartAsyncTcpServer(context=context, address=("127.0.0.1", port)))


threading.Thread(target=serve, daemon=True).start()
client = ModbusTcpClient("127.0.0.1", port=port, timeout=5)
for _ in range(100):
    if client.connect():
        break
    time.sleep(0.05)
else:
    sys.exit("no Modbus server on port %d" % port)


def report(request, response):
    line = json.dumps({"func_code": request, "tid": response.transaction_id, "unit": response.unit_id,
                       "is_error": response.isError()})
    sys.stdout.write(line + "\n")  # one write per line: another thread's output cannot split it
    sys.stdout.flush()


report(3, client.read_holding_registers(10, 4, slave=1))
report(6, client.write_register(20, 4242, slave=1))
report(1, client.read_coils(0, 8, slave=1))
report(16, client.write_registers(30, [7, 8, 9], slave=1))
report(3, client.read_holding_registers(20, 1, slave=1))
client.close()
sys.stdout.write("done\n")
sys.stdout.flush()
