package io.isthmus.capture.internal.live;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Isthmus live capture",
    description = "Captures from a network interface (libpcap) into the pipeline: every conversation whose server port "
        + "a protocol decoder claims is reassembled and decoded into telemetry events, exactly as in a file replay. "
        + "Needs libpcap and the CAP_NET_RAW capability. One configuration per interface.")
public @interface LiveConfig {

  String PID = "io.isthmus.capture.live";

  @AttributeDefinition(name = "Interface", description = "Network interface to capture on, e.g. eth1 (a SPAN or TAP port).")
  String interface$();

  @AttributeDefinition(name = "BPF filter", description = "Capture filter in tcpdump syntax, e.g. \"tcp port 502\"; "
      + "empty captures everything.", required = false)
  String filter() default "";

  @AttributeDefinition(name = "Snap length", description = "Bytes kept of each frame.", min = "64", max = "262144")
  int snaplen() default 262_144;

  @AttributeDefinition(name = "Promiscuous", description = "Also see frames not addressed to this host (needed on a SPAN port).")
  boolean promiscuous() default true;

  @AttributeDefinition(name = "Kernel buffer (MiB)", description = "Ring buffer between the interface and the capture "
      + "thread; a larger one rides out longer bursts before the kernel drops frames.", min = "1", max = "2047")
  int buffer_mib() default 32;

  @AttributeDefinition(name = "Sensor", description = "Sensor name on the events; empty means the interface name.", required = false)
  String sensor() default "";

  @AttributeDefinition(name = "Tenant", description = "Tenant the events belong to.")
  String tenant() default "default";

  @AttributeDefinition(name = "Maximum conversations",
      description = "Conversations tracked at once; beyond it the least recently active is closed early.",
      min = "1", max = "10000000")
  int max_flows() default 65_536;

  @AttributeDefinition(name = "TCP idle timeout (s)", description = "Time after which a silent TCP conversation is closed.",
      min = "1", max = "86400")
  int tcp_idle_timeout_s() default 300;

  @AttributeDefinition(name = "UDP idle timeout (s)", description = "Time after which a silent UDP conversation is closed.",
      min = "1", max = "86400")
  int udp_idle_timeout_s() default 60;

  @AttributeDefinition(name = "Stream buffer (KiB)",
      description = "Out-of-order bytes one direction of a TCP connection may hold while it waits for a missing segment.",
      min = "1", max = "65536")
  int max_stream_buffer_kib() default 256;

  @AttributeDefinition(name = "Total buffer (MiB)", description = "Bytes all conversations together may hold back.",
      min = "1", max = "65536")
  int max_buffered_mib() default 64;
}
