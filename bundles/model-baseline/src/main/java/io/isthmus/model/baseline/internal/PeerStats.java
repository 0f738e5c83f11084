package io.isthmus.model.baseline.internal;

/**
 * What the baseline knows of one (peer, device, protocol) pair: whether the peer writes, its
 * polling interval (count, mean and variance by Welford, a fast EWMA of the recent interval, all
 * of the logarithm of the interval so that one long pause does not look like a new cycle),
 * its message rate per window and its payload sizes. Primitive fields only: about 100 bytes.
 */
final class PeerStats {
  final int peer;
  final short protocol;
  boolean writes;

  long lastRequestMicros = Long.MIN_VALUE;
  int intervals;
  float intervalMean;
  float intervalM2;
  float intervalEwma;

  long windowStartMicros = Long.MIN_VALUE;
  int windowCount;
  boolean windowFlagged;
  int rateWindows;
  float rateMean;
  int rateMax;

  int payloads;
  float payloadMean;
  float payloadM2;
  int payloadMin = Integer.MAX_VALUE;
  int payloadMax;

  PeerStats(int peer, short protocol) {
    this.peer = peer;
    this.protocol = protocol;
  }

  float intervalSd() {
    return intervals > 1 ? (float) Math.sqrt(intervalM2 / (intervals - 1)) : 0f;
  }

  float payloadSd() {
    return payloads > 1 ? (float) Math.sqrt(payloadM2 / (payloads - 1)) : 0f;
  }

  void learnInterval(float logSeconds) {
    intervals++;
    float delta = logSeconds - intervalMean;
    intervalMean += delta / intervals;
    intervalM2 += delta * (logSeconds - intervalMean);
    intervalEwma = intervalMean;
  }

  void learnPayload(int size) {
    payloads++;
    float delta = size - payloadMean;
    payloadMean += delta / payloads;
    payloadM2 += delta * (size - payloadMean);
    payloadMin = Math.min(payloadMin, size);
    payloadMax = Math.max(payloadMax, size);
  }

  void learnWindow(int count) {
    rateWindows++;
    rateMean += (count - rateMean) / rateWindows;
    rateMax = Math.max(rateMax, count);
  }
}
