package io.isthmus.capture.internal.live;

import io.isthmus.capture.internal.FrameReplay;
import org.jspecify.annotations.Nullable;

/**
 * An open interface as the live component sees it. It names no JNA type, so the component's class
 * loads and reports a missing JNA in one line instead of failing to link.
 */
interface InterfaceCapture extends FrameReplay.FrameSource {

  /** The link type of the frames (1 Ethernet, 113 Linux cooked, ...). */
  int linkType();

  /** What libpcap warned about when it opened the interface, or {@code null}. */
  @Nullable String warning();

  /** Frames delivered so far. */
  long packets();

  /** Frames the kernel dropped because the buffer was full, from libpcap's statistics. */
  long kernelDrops();

  /** Frames the interface or its driver dropped, from libpcap's statistics. */
  long interfaceDrops();

  /** Makes a blocked {@link #next} return false soon; callable from any thread. */
  void breakLoop();

  /** Releases the handle; only once the capture thread has left {@link #next}. */
  void close();
}
