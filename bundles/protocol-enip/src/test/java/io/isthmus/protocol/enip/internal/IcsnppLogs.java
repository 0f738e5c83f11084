package io.isthmus.protocol.enip.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Column names of ICSNPP's EtherNet/IP logs (cisagov/icsnpp-enip scripts/icsnpp/enip/main.zeek),
 * as in its test baselines, which have no header lines and drop {@code packet_correlation_id}.
 */
final class IcsnppLogs {
  private static final List<String> ID = List.of("ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p",
      "is_orig", "source_h", "source_p", "destination_h", "destination_p");

  static final List<String> ENIP = columns("enip_command_code", "enip_command", "length", "session_handle",
      "enip_status", "sender_context", "options");
  static final List<String> CIP = columns("cip_sequence_count", "direction", "cip_service_code", "cip_service",
      "cip_status_code", "cip_status", "cip_extended_status_code", "cip_extended_status", "class_id", "class_name",
      "instance_id", "attribute_id");
  static final List<String> CIP_IO = columns("connection_id", "sequence_number", "data_length", "io_data");
  static final List<String> CIP_IDENTITY = columns("encapsulation_version", "socket_address", "socket_port",
      "vendor_id", "vendor_name", "device_type_id", "device_type_name", "product_code", "revision", "device_status",
      "serial_number", "product_name", "device_state");

  private IcsnppLogs() {}

  private static List<String> columns(String... rest) {
    List<String> all = new ArrayList<>(ID);
    all.addAll(List.of(rest));
    return List.copyOf(all);
  }
}
