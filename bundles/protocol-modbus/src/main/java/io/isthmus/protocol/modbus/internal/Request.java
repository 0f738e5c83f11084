package io.isthmus.protocol.modbus.internal;

/**
 * What a response needs from its request: the function and the addresses and quantities it
 * asked for (-1 where the function has none).
 */
record Request(int function, int unit, int address, int quantity, int readAddress, int readQuantity, int umasCode) {

  static Request of(int function, int unit) {
    return new Request(function, unit, -1, -1, -1, -1, -1);
  }

  Request withRange(int newAddress, int newQuantity) {
    return new Request(function, unit, newAddress, newQuantity, readAddress, readQuantity, umasCode);
  }

  Request withRead(int address, int quantity) {
    return new Request(function, unit, this.address, this.quantity, address, quantity, umasCode);
  }

  Request withUmas(int code) {
    return new Request(function, unit, address, quantity, readAddress, readQuantity, code);
  }
}
