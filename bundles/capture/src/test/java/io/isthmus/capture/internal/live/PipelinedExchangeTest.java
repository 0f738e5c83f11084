package io.isthmus.capture.internal.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.isthmus.api.pipeline.SourceStatus;
import io.isthmus.protocol.modbus.internal.ModbusConfig;
import io.isthmus.protocol.modbus.internal.ModbusDecoder;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many Modbus/TCP exchanges on one loopback connection, client and server writing as fast as they
 * can (each PDU its own segment, or several in one when the socket coalesces them): every request
 * and response is decoded once, none is malformed, nothing is dropped. Override the count with
 * -Dlive.exchanges=N to use it as a load probe; it prints what it measured.
 */
class PipelinedExchangeTest {
  private static final int EXCHANGES = Integer.getInteger("live.exchanges", 20_000);

  @Test
  void everyPipelinedRequestAndResponseIsDecodedOnce() throws Exception {
    Capture.assumeCanCapture();
    try (ServerSocket server = new ServerSocket(0)) {
      int port = server.getLocalPort();
      CollectingPipeline pipeline = new CollectingPipeline(2 * EXCHANGES + 16);
      LiveCapture live = new LiveCapture(pipeline, Annotations.of(LiveConfig.class,
          Map.of("interface$", "lo", "filter", "tcp port " + port, "promiscuous", false)));
      live.addDecoder(new ModbusDecoder(Annotations.of(ModbusConfig.class, Map.of("ports", new int[] {port}))));
      live.activate();
      long started = System.nanoTime();
      Thread responder = new Thread(() -> respond(server));
      responder.start();
      try (Socket client = new Socket("127.0.0.1", port)) {
        client.setTcpNoDelay(true);
        Thread reader = new Thread(() -> drain(client, 11));
        reader.start();
        OutputStream out = new BufferedOutputStream(client.getOutputStream());
        for (int i = 0; i < EXCHANGES; i++) {
          // Read Holding Registers, unit 1, address 10, 1 register; transaction id i
          out.write(new byte[] {(byte) (i >> 8), (byte) i, 0, 0, 0, 6, 1, 3, 0, 10, 0, 1});
          out.flush();
        }
        reader.join();
      }
      responder.join();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (live.sourceStatus().events() < 2L * EXCHANGES && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      Thread.sleep(300);
      SourceStatus s = live.sourceStatus();
      live.deactivate();
      System.out.printf("%d exchanges: %d packets, %d events in %.2f s, %d kernel drops, %d malformed%n", EXCHANGES,
          s.packets(), s.events(), seconds, s.captureDropped(), s.malformed());
      assertEquals(0, s.captureDropped(), "the kernel dropped frames; the events below would be short of them");
      assertEquals(2L * EXCHANGES, s.events());
      assertEquals(0, s.malformed());
      assertEquals(0, s.eventsDropped());
      for (String kind : new String[] {"REQUEST", "RESPONSE"}) {
        BitSet seen = new BitSet();
        pipeline.events.stream().filter(e -> kind.equals(e.fields().get("request_response")))
            .forEach(e -> seen.set(((Number) e.fields().get("tid")).intValue()));
        assertEquals(Math.min(EXCHANGES, 1 << 16), seen.cardinality(), kind + ": every transaction id (16 bits)");
      }
    }
  }

  /** Answers each request with a one-register response carrying its transaction id. */
  private static void respond(ServerSocket server) {
    try (Socket s = server.accept()) {
      s.setTcpNoDelay(true);
      DataInputStream in = new DataInputStream(s.getInputStream());
      OutputStream out = new BufferedOutputStream(s.getOutputStream());
      byte[] request = new byte[12];
      for (int i = 0; i < EXCHANGES; i++) {
        in.readFully(request);
        out.write(new byte[] {request[0], request[1], 0, 0, 0, 5, 1, 3, 2, 0, 42});
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void drain(Socket client, int responseLength) {
    try {
      DataInputStream in = new DataInputStream(client.getInputStream());
      byte[] response = new byte[responseLength];
      for (int i = 0; i < EXCHANGES; i++) {
        in.readFully(response);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
