package io.isthmus.capture.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Hands one direction's ordered bytes to the conversation's decoder, keeping what it leaves
 * unconsumed (the start of an incomplete PDU) to offer again with the next bytes. A decoder that
 * consumes nothing while more than {@code maxPending} bytes wait is stalled: the bytes are
 * dropped with a weird, and the decoder is told of a gap so it starts afresh.
 */
final class DecoderFeed implements TcpStream.Receiver {
  private final Flow flow;
  private final boolean fromClient;
  private final int maxPending;
  private final BufferBudget budget;
  private byte[] pending = new byte[0];
  private int pendingLength;
  /** A read-only view of the array last offered from, sliced for each offer (one object, not three). */
  private byte[] viewed = pending;
  private ByteBuffer view = ByteBuffer.wrap(pending).asReadOnlyBuffer();

  DecoderFeed(Flow flow, boolean fromClient, int maxPending, BufferBudget budget) {
    this.flow = flow;
    this.fromClient = fromClient;
    this.maxPending = maxPending;
    this.budget = budget;
  }

  @Override
  public void data(byte[] b, int offset, int length, long time) {
    if (!flow.decoding()) {
      return;
    }
    if (pendingLength == 0) {
      int consumed = offer(b, offset, length, time);
      keep(b, offset + consumed, length - consumed, time);
      return;
    }
    budget.release(pendingLength);
    append(b, offset, length);
    int consumed = offer(pending, 0, pendingLength, time);
    int left = pendingLength - consumed;
    System.arraycopy(pending, consumed, pending, 0, left);
    pendingLength = 0;
    keep(pending, 0, left, time);
  }

  @Override
  public void gap(long missing, long time) {
    flow.stats().gaps++;
    flow.stats().missedBytes += missing;
    clear();
    flow.gap(fromClient, missing, time);
  }

  /** A UDP datagram: offered once, whole. */
  void datagram(byte[] b, int offset, int length, long time) {
    if (flow.decoding()) {
      flow.offer(fromClient, time, readOnly(b, offset, length));
    }
  }

  /** Drops what is pending (the conversation is closing or was discarded). */
  void clear() {
    budget.release(pendingLength);
    pendingLength = 0;
  }

  /** Offers the bytes until the decoder stops consuming; returns how many it consumed. */
  private int offer(byte[] b, int offset, int length, long time) {
    int consumed = 0;
    while (consumed < length && flow.decoding()) {
      int took = flow.offer(fromClient, time, readOnly(b, offset + consumed, length - consumed));
      if (took <= 0) {
        break;
      }
      consumed += took;
    }
    return flow.decoding() ? consumed : length;
  }

  /** {@code length} bytes of {@code b} from {@code offset}, as a read-only buffer whose position 0 is {@code offset}. */
  private ByteBuffer readOnly(byte[] b, int offset, int length) {
    if (b != viewed) {
      viewed = b;
      view = ByteBuffer.wrap(b).asReadOnlyBuffer();
    }
    return view.slice(offset, length);
  }

  /** Keeps {@code length} unconsumed bytes (which may already sit at the start of {@link #pending}). */
  private void keep(byte[] b, int offset, int length, long time) {
    pendingLength = length;
    if (length > maxPending) {
      stalled(time);
    } else if (!budget.reserve(length)) {
      overBudget(time);
    } else if (b != pending) {
      pendingLength = 0;
      append(b, offset, length);
    } else if (length == 0 && pending.length > 4096) {
      pending = new byte[0];
    }
  }

  private void append(byte[] b, int offset, int length) {
    if (pending.length < pendingLength + length) {
      pending = Arrays.copyOf(pending, Math.max(pendingLength + length, Math.max(256, pending.length * 2)));
    }
    System.arraycopy(b, offset, pending, pendingLength, length);
    pendingLength += length;
  }

  private void stalled(long time) {
    int dropped = pendingLength;
    flow.weird(time, "decoder_stalled", flow.protocolName() + " consumed nothing of " + dropped
        + " waiting bytes; they are dropped");
    drop(dropped, time);
  }

  private void overBudget(long time) {
    int dropped = pendingLength;
    flow.weird(time, "buffer_budget_exhausted", "no room to keep " + dropped
        + " unconsumed bytes within the shared buffer budget; they are dropped");
    drop(dropped, time);
  }

  private void drop(int dropped, long time) {
    pendingLength = 0;
    pending = new byte[0];
    flow.gap(fromClient, dropped, time);
  }
}
