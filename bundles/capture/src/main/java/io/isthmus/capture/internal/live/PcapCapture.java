package io.isthmus.capture.internal.live;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.isthmus.capture.internal.FrameReplay.FrameOut;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** A libpcap handle on one interface. {@link #next} runs on the capture thread only. */
final class PcapCapture implements InterfaceCapture {
  private static final long STATS_INTERVAL_NANOS = 1_000_000_000L;
  /** libpcap's MAXIMUM_SNAPLEN: no frame it delivers is longer. */
  private static final int MAX_FRAME = 262_144;
  private static final int LONG = Native.LONG_SIZE;

  private final Pointer handle;
  private final String device;
  private final int linkType;
  private final @Nullable String warning;
  /** Two pointer slots that pcap_next_ex fills with the header's and the data's addresses. */
  private final Memory slots = new Memory(2L * Native.POINTER_SIZE);
  private final Pointer dataSlot = slots.share(Native.POINTER_SIZE);
  /** struct pcap_stat: ps_recv, ps_drop, ps_ifdrop (u_int each; Windows adds one more). */
  private final Memory stat = new Memory(16);
  private byte[] buffer;
  private volatile boolean stopping;
  private volatile long packets;
  private volatile long kernelDrops;
  private volatile long interfaceDrops;
  private int lastDrop;
  private int lastInterfaceDrop;
  private long nextStats = System.nanoTime() + STATS_INTERVAL_NANOS;

  private PcapCapture(Pointer handle, CaptureSettings s, int linkType, @Nullable String warning) {
    this.handle = handle;
    this.device = s.device();
    this.linkType = linkType;
    this.warning = warning;
    this.buffer = new byte[Math.min(Math.max(s.snaplen(), 2048), MAX_FRAME)];
  }

  /** Opens and activates {@code s.device()} and applies the filter; every failure is one line. */
  static InterfaceCapture open(CaptureSettings s) throws LiveCaptureException {
    LibPcap.load(LibPcap.NAMES);
    Memory errbuf = new Memory(LibPcap.ERRBUF_SIZE);
    errbuf.setByte(0, (byte) 0);
    Pointer h = LibPcap.pcap_create(s.device(), errbuf);
    if (h == null) {
      throw new LiveCaptureException("cannot capture on " + s.device() + ": " + oneLine(errbuf.getString(0)));
    }
    try {
      LibPcap.pcap_set_snaplen(h, s.snaplen());
      LibPcap.pcap_set_promisc(h, s.promiscuous() ? 1 : 0);
      LibPcap.pcap_set_timeout(h, s.timeoutMillis());
      LibPcap.pcap_set_buffer_size(h, s.bufferBytes());
      int status = LibPcap.pcap_activate(h);
      if (status < 0) {
        throw new LiveCaptureException(activationFailure(s.device(), status, LibPcap.pcap_statustostr(status),
            LibPcap.pcap_geterr(h)));
      }
      String warning = status > 0 ? s.device() + ": " + oneLine(LibPcap.pcap_geterr(h)) : null;
      if (!s.filter().isBlank()) {
        applyFilter(h, s);
      }
      return new PcapCapture(h, s, LibPcap.pcap_datalink(h), warning);
    } catch (LiveCaptureException | RuntimeException e) {
      LibPcap.pcap_close(h);
      throw e;
    }
  }

  static String activationFailure(String device, int status, String statusText, String detail) {
    String why = detail.isBlank() ? "" : " (" + oneLine(detail) + ")";
    return switch (status) {
      case LibPcap.ERROR_PERM_DENIED, LibPcap.ERROR_PROMISC_PERM_DENIED -> "no permission to capture on " + device
          + ": the process needs CAP_NET_RAW (run as root, or grant it with setcap cap_net_raw,cap_net_admin+eip "
          + "to the java binary)" + why;
      case LibPcap.ERROR_NO_SUCH_DEVICE -> "no network interface named " + device + why;
      case LibPcap.ERROR_IFACE_NOT_UP -> "network interface " + device + " is down" + why;
      default -> "cannot capture on " + device + ": " + statusText + why;
    };
  }

  private static void applyFilter(Pointer h, CaptureSettings s) throws LiveCaptureException {
    Memory program = new Memory(2L * Native.POINTER_SIZE); // struct bpf_program: u_int length, instructions
    program.clear();
    if (LibPcap.pcap_compile(h, program, s.filter(), 1, LibPcap.NETMASK_UNKNOWN) != 0) {
      throw new LiveCaptureException("the BPF filter \"" + oneLine(s.filter()) + "\" for " + s.device()
          + " does not compile: " + oneLine(LibPcap.pcap_geterr(h)));
    }
    try {
      if (LibPcap.pcap_setfilter(h, program) != 0) {
        throw new LiveCaptureException("the BPF filter \"" + oneLine(s.filter()) + "\" cannot be set on "
            + s.device() + ": " + oneLine(LibPcap.pcap_geterr(h)));
      }
    } finally {
      LibPcap.pcap_freecode(program);
    }
  }

  @Override
  public boolean next(FrameOut out) throws IOException {
    while (!stopping) {
      int rc = LibPcap.pcap_next_ex(handle, slots, dataSlot);
      if (rc == 1) {
        deliver(out);
        return true;
      }
      if (rc == LibPcap.ERROR_BREAK) {
        break;
      }
      if (rc != 0) {
        throw new IOException("reading from " + device + " failed: " + oneLine(LibPcap.pcap_geterr(handle)));
      }
      maybeRefreshStats(); // 0: the read timeout passed without a frame
    }
    refreshStats();
    return false;
  }

  private void deliver(FrameOut out) {
    Pointer header = slots.getPointer(0);
    Pointer data = slots.getPointer(Native.POINTER_SIZE);
    // struct pcap_pkthdr: struct timeval (two C longs), u_int caplen, u_int len
    long seconds = LONG == 8 ? header.getLong(0) : header.getInt(0);
    long micros = LONG == 8 ? header.getLong(LONG) : header.getInt(LONG);
    long captured = Integer.toUnsignedLong(header.getInt(2L * LONG));
    long original = Integer.toUnsignedLong(header.getInt(2L * LONG + 4));
    int n = (int) Math.min(captured, MAX_FRAME);
    if (n > buffer.length) {
      buffer = new byte[n];
    }
    data.read(0, buffer, 0, n);
    out.set(seconds * 1_000_000 + micros, linkType, buffer, 0, n, (int) Math.min(Math.max(original, n), Integer.MAX_VALUE));
    packets++;
    if ((packets & 0xff) == 0) {
      maybeRefreshStats();
    }
  }

  private void maybeRefreshStats() {
    long now = System.nanoTime();
    if (now - nextStats >= 0) {
      nextStats = now + STATS_INTERVAL_NANOS;
      refreshStats();
    }
  }

  /** libpcap's counters are 32-bit and wrap; the differences are added up in 64 bits. */
  private void refreshStats() {
    if (LibPcap.pcap_stats(handle, stat) != 0) {
      return;
    }
    int drop = stat.getInt(4);
    int interfaceDrop = stat.getInt(8);
    kernelDrops += Integer.toUnsignedLong(drop - lastDrop);
    interfaceDrops += Integer.toUnsignedLong(interfaceDrop - lastInterfaceDrop);
    lastDrop = drop;
    lastInterfaceDrop = interfaceDrop;
  }

  @Override
  public int linkType() {
    return linkType;
  }

  @Override
  public @Nullable String warning() {
    return warning;
  }

  @Override
  public long packets() {
    return packets;
  }

  @Override
  public long kernelDrops() {
    return kernelDrops;
  }

  @Override
  public long interfaceDrops() {
    return interfaceDrops;
  }

  @Override
  public void breakLoop() {
    stopping = true;
    LibPcap.pcap_breakloop(handle);
  }

  @Override
  public void close() {
    LibPcap.pcap_close(handle);
  }

  static String oneLine(@Nullable String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
