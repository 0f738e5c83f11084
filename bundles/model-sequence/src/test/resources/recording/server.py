import logging
from pymodbus.server import StartTcpServer
from pymodbus.datastore import ModbusSequentialDataBlock, ModbusSlaveContext, ModbusServerContext
store = ModbusSlaveContext(di=ModbusSequentialDataBlock(0, [0]*200), co=ModbusSequentialDataBlock(0, [0]*200),
                           hr=ModbusSequentialDataBlock(0, [0]*200), ir=ModbusSequentialDataBlock(0, [0]*200))
StartTcpServer(context=ModbusServerContext(slaves=store, single=True), address=("127.0.0.1", 502))
