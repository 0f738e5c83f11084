package io.isthmus.api.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One application PDU seen on the wire: a Modbus request, a BACnet APDU, a DNP3 fragment, an
 * MQTT PUBLISH. Immutable and cheap to allocate: sources create one per PDU on the hot path.
 *
 * <p>Decoded field names follow the ICSNPP Zeek log of the protocol (for example {@code
 * unit_id}, {@code func}, {@code address}), so an event can be compared with Zeek's row for the
 * same packet.
 *
 * @param timeMicros capture time in microseconds since the epoch
 * @param tenant the tenant (customer) the sensor belongs to; {@code "default"} on single-tenant sites
 * @param sensor the sensor, capture file or broker that saw the PDU
 * @param source the sender of the PDU
 * @param destination the receiver of the PDU
 * @param protocol lower-case protocol name ({@code modbus}, {@code bacnet}, {@code dnp3}, {@code enip}, {@code mqtt})
 * @param operation the protocol operation ({@code READ_HOLDING_REGISTERS}, {@code PUBLISH}, ...)
 * @param direction which way the PDU travels relative to the device it concerns
 * @param fields decoded fields; an immutable map (copied if it is not one already)
 * @param payloadSize application payload size in bytes
 * @param malformedReason why the PDU is malformed, or {@code null} if it decoded cleanly
 */
public record TelemetryEvent(
    long timeMicros,
    String tenant,
    String sensor,
    Endpoint source,
    Endpoint destination,
    String protocol,
    String operation,
    Direction direction,
    Map<String, Object> fields,
    int payloadSize,
    @Nullable String malformedReason) {

  public TelemetryEvent {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(sensor, "sensor");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(direction, "direction");
    // Map.copyOf returns an already-immutable map as is, so decoders that build Map.of(...) pay nothing.
    fields = Map.copyOf(fields);
    if (payloadSize < 0) {
      throw new IllegalArgumentException("payloadSize must not be negative: " + payloadSize);
    }
  }

  public boolean isMalformed() {
    return malformedReason != null;
  }

  public Instant time() {
    return Instant.ofEpochSecond(Math.floorDiv(timeMicros, 1_000_000L), Math.floorMod(timeMicros, 1_000_000L) * 1_000L);
  }

  /**
   * The OT device this PDU concerns: the sender of responses and unsolicited reports, otherwise
   * the receiver. The pipeline keeps the events of one device in order on one thread.
   */
  public Endpoint device() {
    return direction == Direction.RESPONSE || direction == Direction.UNSOLICITED ? source : destination;
  }

  /** The other end of the conversation from {@link #device()}. */
  public Endpoint peer() {
    return device() == source ? destination : source;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds events field by field; the record constructor validates. */
  public static final class Builder {
    private long timeMicros;
    private String tenant = "default";
    private String sensor = "unknown";
    private @Nullable Endpoint source;
    private @Nullable Endpoint destination;
    private String protocol = "unknown";
    private String operation = "unknown";
    private Direction direction = Direction.UNKNOWN;
    private Map<String, Object> fields = Map.of();
    private int payloadSize;
    private @Nullable String malformedReason;

    private Builder() {}

    public Builder timeMicros(long value) { timeMicros = value; return this; }
    public Builder tenant(String value) { tenant = value; return this; }
    public Builder sensor(String value) { sensor = value; return this; }
    public Builder source(Endpoint value) { source = value; return this; }
    public Builder destination(Endpoint value) { destination = value; return this; }
    public Builder protocol(String value) { protocol = value; return this; }
    public Builder operation(String value) { operation = value; return this; }
    public Builder direction(Direction value) { direction = value; return this; }
    public Builder fields(Map<String, Object> value) { fields = value; return this; }
    public Builder payloadSize(int value) { payloadSize = value; return this; }
    public Builder malformed(@Nullable String reason) { malformedReason = reason; return this; }

    public TelemetryEvent build() {
      return new TelemetryEvent(
          timeMicros, tenant, sensor,
          Objects.requireNonNull(source, "source"), Objects.requireNonNull(destination, "destination"),
          protocol, operation, direction, fields, payloadSize, malformedReason);
    }
  }
}
