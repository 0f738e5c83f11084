package io.isthmus.capture.internal.live;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.List;

/**
 * The libpcap calls live capture makes, bound by JNA direct mapping (no proxy, no reflection per
 * call). {@link #load} binds them once; until then calling any of them fails.
 */
final class LibPcap {
  /** libpcap's names: the development symlink, then the runtime sonames (Debian still ships 0.8). */
  static final List<String> NAMES = List.of("pcap", "libpcap.so.1", "libpcap.so.0.8", "libpcap.so");

  static final int ERRBUF_SIZE = 256;
  static final int NETMASK_UNKNOWN = 0xffffffff;
  static final int ERROR = -1;
  static final int ERROR_BREAK = -2;
  static final int ERROR_NO_SUCH_DEVICE = -5;
  static final int ERROR_PERM_DENIED = -8;
  static final int ERROR_IFACE_NOT_UP = -9;
  static final int ERROR_PROMISC_PERM_DENIED = -11;

  private static volatile boolean loaded;

  private LibPcap() {}

  /** Binds the functions below to the first of {@code names} that loads; again only after a failure. */
  static synchronized void load(List<String> names) throws LiveCaptureException {
    if (loaded) {
      return;
    }
    NativeLibrary library = find(names);
    try {
      Native.register(LibPcap.class, library);
    } catch (UnsatisfiedLinkError e) {
      throw new LiveCaptureException(library.getFile() + " lacks a function live capture needs (libpcap 1.0 or "
          + "newer is): " + PcapCapture.oneLine(e.getMessage()));
    }
    loaded = true;
  }

  /** The first of {@code names} that loads, or why none did in one line. */
  static NativeLibrary find(List<String> names) throws LiveCaptureException {
    for (String name : names) {
      try {
        return NativeLibrary.getInstance(name);
      } catch (UnsatisfiedLinkError e) {
        // try the next name
      }
    }
    throw new LiveCaptureException("libpcap is not installed (none of " + String.join(", ", names)
        + " loads); install it, e.g. apt-get install libpcap0.8");
  }

  static native Pointer pcap_create(String device, Pointer errbuf);

  static native int pcap_set_snaplen(Pointer p, int snaplen);

  static native int pcap_set_promisc(Pointer p, int promisc);

  static native int pcap_set_timeout(Pointer p, int millis);

  static native int pcap_set_buffer_size(Pointer p, int bytes);

  static native int pcap_activate(Pointer p);

  static native int pcap_datalink(Pointer p);

  static native int pcap_compile(Pointer p, Pointer program, String filter, int optimize, int netmask);

  static native int pcap_setfilter(Pointer p, Pointer program);

  static native void pcap_freecode(Pointer program);

  /** {@code header} and {@code data} point at pointer-sized slots that receive the frame's addresses. */
  static native int pcap_next_ex(Pointer p, Pointer header, Pointer data);

  static native int pcap_stats(Pointer p, Pointer stat);

  static native void pcap_breakloop(Pointer p);

  static native void pcap_close(Pointer p);

  static native String pcap_geterr(Pointer p);

  static native String pcap_statustostr(int status);

  static native String pcap_lib_version();
}
