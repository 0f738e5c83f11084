package io.isthmus.capture.internal.live;

/**
 * How to open an interface.
 *
 * @param device interface name, as {@code ip link} shows it
 * @param filter BPF filter expression; empty captures everything
 * @param snaplen bytes kept of each frame
 * @param promiscuous whether to see frames not addressed to this host (a SPAN or TAP port needs it)
 * @param bufferBytes kernel ring buffer; a larger one rides out longer bursts before dropping
 * @param timeoutMillis longest wait for a frame before the capture thread looks at its stop flag
 */
record CaptureSettings(String device, String filter, int snaplen, boolean promiscuous, int bufferBytes,
    int timeoutMillis) {}
