package io.isthmus.capture.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
    name = "Isthmus capture replay",
    description = "Replays a pcap or pcapng file into the pipeline: every conversation whose server port a protocol "
        + "decoder claims is reassembled and decoded into telemetry events. One configuration per file.")
public @interface ReplayConfig {

  String PID = "io.isthmus.capture.replay";

  @AttributeDefinition(name = "Capture file", description = "Path of the pcap or pcapng file (optionally gzip-compressed).")
  String path();

  @AttributeDefinition(name = "Tenant", description = "Tenant the events belong to.")
  String tenant() default "default";

  @AttributeDefinition(name = "Sensor", description = "Sensor name on the events; empty means the file name.", required = false)
  String sensor() default "";

  @AttributeDefinition(name = "Loop", description = "Replay the file again each time it ends, with capture times moved forward.")
  boolean loop() default false;

  @AttributeDefinition(name = "Maximum conversations",
      description = "Conversations tracked at once; beyond it the least recently active is closed early.",
      min = "1", max = "10000000")
  int max_flows() default 65_536;

  @AttributeDefinition(name = "TCP idle timeout (s)", description = "Capture time after which a silent TCP conversation is closed.",
      min = "1", max = "86400")
  int tcp_idle_timeout_s() default 300;

  @AttributeDefinition(name = "UDP idle timeout (s)", description = "Capture time after which a silent UDP conversation is closed.",
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
