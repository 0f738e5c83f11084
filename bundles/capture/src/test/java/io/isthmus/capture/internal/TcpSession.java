package io.isthmus.capture.internal;

import static io.isthmus.capture.internal.Frames.CLIENT_MAC;
import static io.isthmus.capture.internal.Frames.SERVER_MAC;

/**
 * Ethernet frames of one TCP connection. {@code fromClient}/{@code fromServer} send the next
 * bytes in order; {@code clientAt}/{@code serverAt} send bytes at an offset of the stream (for
 * retransmissions, overlaps and reordering) without moving the position.
 */
final class TcpSession {
  private final String client;
  private final String server;
  private final int clientPort;
  private final int serverPort;
  private final int clientIsn;
  private final int serverIsn;
  private int clientSent;
  private int serverSent;

  TcpSession(String client, int clientPort, String server, int serverPort, int clientIsn, int serverIsn) {
    this.client = client;
    this.server = server;
    this.clientPort = clientPort;
    this.serverPort = serverPort;
    this.clientIsn = clientIsn;
    this.serverIsn = serverIsn;
  }

  static TcpSession modbus() {
    return new TcpSession("10.0.0.1", 40000, "10.0.0.2", 502, 1000, 5000);
  }

  byte[] syn() {
    return client(clientIsn, 0, Packet.SYN, new byte[0]);
  }

  byte[] synAck() {
    return server(serverIsn, clientIsn + 1, Packet.SYN | Packet.ACK, new byte[0]);
  }

  byte[] ack() {
    return client(clientIsn + 1 + clientSent, serverIsn + 1 + serverSent, Packet.ACK, new byte[0]);
  }

  byte[] fromClient(byte[] data) {
    byte[] f = clientAt(clientSent, data);
    clientSent += data.length;
    return f;
  }

  byte[] fromServer(byte[] data) {
    byte[] f = serverAt(serverSent, data);
    serverSent += data.length;
    return f;
  }

  /** Client bytes at stream offset {@code offset}, acknowledging everything the server sent. */
  byte[] clientAt(int offset, byte[] data) {
    return client(clientIsn + 1 + offset, serverIsn + 1 + serverSent, Packet.ACK | 0x08, data);
  }

  byte[] serverAt(int offset, byte[] data) {
    return server(serverIsn + 1 + offset, clientIsn + 1 + clientSent, Packet.ACK | 0x08, data);
  }

  /** A server ACK acknowledging client bytes up to {@code offset}. */
  byte[] serverAcks(int offset) {
    return server(serverIsn + 1 + serverSent, clientIsn + 1 + offset, Packet.ACK, new byte[0]);
  }

  byte[] clientFin() {
    byte[] f = client(clientIsn + 1 + clientSent, serverIsn + 1 + serverSent, Packet.FIN | Packet.ACK, new byte[0]);
    clientSent++;
    return f;
  }

  byte[] serverFin() {
    byte[] f = server(serverIsn + 1 + serverSent, clientIsn + 1 + clientSent, Packet.FIN | Packet.ACK, new byte[0]);
    serverSent++;
    return f;
  }

  byte[] clientRst() {
    return client(clientIsn + 1 + clientSent, 0, Packet.RST, new byte[0]);
  }

  byte[] client(int seq, int ack, int flags, byte[] data) {
    return Frames.ethernet(CLIENT_MAC, SERVER_MAC, 0x0800,
        Frames.ipv4(client, server, Packet.TCP, Frames.tcp(clientPort, serverPort, seq, ack, flags, data)));
  }

  byte[] server(int seq, int ack, int flags, byte[] data) {
    return Frames.ethernet(SERVER_MAC, CLIENT_MAC, 0x0800,
        Frames.ipv4(server, client, Packet.TCP, Frames.tcp(serverPort, clientPort, seq, ack, flags, data)));
  }
}
