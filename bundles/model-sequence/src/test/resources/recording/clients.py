import time
from pymodbus.client import ModbusTcpClient
from pymodbus.diag_message import RestartCommunicationsOptionRequest

# Normal: an HMI at 127.0.0.2 polls coils, inputs and holding registers in a fixed cycle.
hmi = ModbusTcpClient("127.0.0.1", port=502, source_address=("127.0.0.2", 0))
hmi.connect()
for i in range(150):
    hmi.read_coils(0, 16)
    hmi.read_discrete_inputs(0, 16)
    hmi.read_holding_registers(0, 10)
    if i % 10 == 9:
        hmi.read_input_registers(0, 10)
    time.sleep(0.05)
# Attack: a host at 127.0.0.3 polls like the HMI, then writes a burst of registers and restarts communications.
att = ModbusTcpClient("127.0.0.1", port=502, source_address=("127.0.0.3", 0))
att.connect()
for i in range(10):
    att.read_holding_registers(0, 10)
    time.sleep(0.05)
for i in range(15):
    att.write_register(i, 1000 + i)
req = RestartCommunicationsOptionRequest(); req.unit_id = 1; att.execute(req)
time.sleep(0.5)
att.close()
# The HMI keeps polling afterwards.
for i in range(30):
    hmi.read_coils(0, 16)
    hmi.read_discrete_inputs(0, 16)
    hmi.read_holding_registers(0, 10)
    time.sleep(0.05)
hmi.close()
