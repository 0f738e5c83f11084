package io.isthmus.capture.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpStreamTest {
  private static final int ISN = 1_000;

  /** Records data as text and gaps as "[gap n]". */
  private static final class Recorder implements TcpStream.Receiver {
    final List<String> out = new ArrayList<>();

    @Override
    public void data(byte[] b, int offset, int length, long timeMicros) {
      out.add(new String(b, offset, length, StandardCharsets.ISO_8859_1));
    }

    @Override
    public void gap(long missingBytes, long timeMicros) {
      out.add("[gap " + missingBytes + "]");
    }

    String joined() {
      return String.join("", out);
    }
  }

  private final Recorder r = new Recorder();
  private final BufferBudget budget = new BufferBudget(1 << 20);

  private TcpStream stream(int maxHeld) {
    TcpStream s = new TcpStream(maxHeld, budget, r);
    s.syn(ISN);
    return s;
  }

  /** Bytes at stream offset {@code offset} (0 = first byte after the SYN). */
  private static void send(TcpStream s, int offset, String text) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    s.segment(ISN + 1 + offset, b, 0, b.length, 0, false, 0);
  }

  @Test
  void inOrderBytesPassStraightThrough() {
    TcpStream s = stream(1024);
    send(s, 0, "hello ");
    send(s, 6, "world");
    assertEquals(List.of("hello ", "world"), r.out);
    assertEquals(0, s.heldBytes());
  }

  @Test
  void outOfOrderSegmentsWaitForTheHole() {
    TcpStream s = stream(1024);
    send(s, 10, "KLMNO");
    send(s, 5, "FGHIJ");
    assertEquals(List.of(), r.out);
    assertEquals(10, s.heldBytes());
    send(s, 0, "ABCDE");
    assertEquals("ABCDEFGHIJKLMNO", r.joined());
    assertEquals(0, s.heldBytes());
    assertEquals(0, budget.used());
  }

  @Test
  void retransmissionsAreDroppedAndOverlapsTrimmed() {
    TcpStream s = stream(1024);
    send(s, 0, "ABCDE");
    send(s, 0, "ABCDE");
    send(s, 3, "DEFGH");
    send(s, 1, "BC");
    assertEquals("ABCDEFGH", r.joined());
    assertEquals(5 + 2 + 2, s.duplicateBytes());
  }

  @Test
  void overlappingHeldSegmentsAreDeliveredOnce() {
    TcpStream s = stream(1024);
    send(s, 4, "EFGH");
    send(s, 6, "GHIJ");
    send(s, 4, "EF");
    send(s, 0, "ABCD");
    assertEquals("ABCDEFGHIJ", r.joined());
  }

  @Test
  void aHoleThePeerAcknowledgedIsAGap() {
    TcpStream s = stream(1024);
    send(s, 0, "ABCD");
    send(s, 8, "IJKL");
    assertEquals("ABCD", r.joined());
    s.acked(ISN + 1 + 6, 0);
    assertEquals("ABCD", r.joined());
    s.acked(ISN + 1 + 12, 0);
    assertEquals("ABCD[gap 4]IJKL", r.joined());
  }

  @Test
  void aHoleIsGivenUpWhenTheBufferIsFull() {
    TcpStream s = stream(8);
    send(s, 0, "AB");
    send(s, 4, "EFGH");
    send(s, 10, "KLMN");
    assertEquals("AB", r.joined());
    send(s, 16, "QRST");
    assertEquals("AB[gap 2]EFGH", r.joined());
    assertTrue(s.heldBytes() <= 8);
  }

  @Test
  void aHoleIsGivenUpWhenTheSharedBudgetIsSpent() {
    BufferBudget small = new BufferBudget(4);
    TcpStream s = new TcpStream(1024, small, r);
    s.syn(ISN);
    byte[] b = "EFGHIJ".getBytes(StandardCharsets.ISO_8859_1);
    s.segment(ISN + 1 + 4, b, 0, b.length, 0, false, 0);
    assertEquals("[gap 4]EFGHIJ", r.joined());
    assertEquals(0, small.used());
  }

  @Test
  void flushDeliversWhatIsHeldWithItsHoles() {
    TcpStream s = stream(1024);
    send(s, 2, "CD");
    send(s, 6, "GH");
    s.flush(0);
    assertEquals("[gap 2]CD[gap 2]GH", r.joined());
  }

  @Test
  void sequenceNumbersWrapAround() {
    TcpStream s = new TcpStream(1024, budget, r);
    int isn = -3;
    s.syn(isn);
    byte[] a = "0123".getBytes(StandardCharsets.ISO_8859_1);
    byte[] b = "4567".getBytes(StandardCharsets.ISO_8859_1);
    s.segment(isn + 1 + 4, b, 0, 4, 0, false, 0);
    s.segment(isn + 1, a, 0, 4, 0, false, 0);
    s.segment(isn + 1 + 8, "89".getBytes(StandardCharsets.ISO_8859_1), 0, 2, 0, false, 0);
    assertEquals("0123456789", r.joined());
  }

  @Test
  void bytesTheCaptureCutOffAreAGapRightAway() {
    TcpStream s = stream(1024);
    byte[] b = "ABCD".getBytes(StandardCharsets.ISO_8859_1);
    s.segment(ISN + 1, b, 0, 4, 6, false, 0);
    send(s, 10, "KL");
    assertEquals("ABCD[gap 6]KL", r.joined());
  }

  @Test
  void finIsReachedOnlyInOrder() {
    TcpStream s = stream(1024);
    s.segment(ISN + 1 + 3, new byte[0], 0, 0, 0, true, 0);
    assertFalse(s.finished());
    send(s, 0, "ABC");
    assertTrue(s.finished());
  }

  @Test
  void aStreamPickedUpMidwayStartsAtItsFirstSegment() {
    TcpStream s = new TcpStream(1024, budget, r);
    byte[] b = "mid".getBytes(StandardCharsets.ISO_8859_1);
    s.segment(123_456, b, 0, 3, 0, false, 0);
    s.segment(123_459, b, 0, 3, 0, false, 0);
    assertEquals("midmid", r.joined());
  }

  @Test
  void aRepeatedSynIsNotANewConnectionButAnotherIsnIs() {
    TcpStream s = stream(1024);
    assertFalse(s.isNewSyn(ISN));
    assertTrue(s.isNewSyn(ISN + 99_999));
  }
}
