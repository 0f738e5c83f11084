package io.isthmus.protocol.mqtt.internal;

/**
 * Decodes the variable header and payload of each control packet type into fields, for the
 * protocol level the conversation's CONNECT announced (3 = 3.1, 4 = 3.1.1, 5 = 5.0). Passwords,
 * user names, will payloads and authentication data are skipped unread: only their presence or
 * size is kept. Throws {@link Malformed} when the packet ends inside a field.
 */
final class PacketDecoder {
  private PacketDecoder() {}

  /**
   * Decodes {@code p} into {@code f}.
   *
   * @return the absolute position where a PUBLISH's application payload starts, otherwise -1
   */
  static int decode(Packet p, Reader r, int level, Fields f) {
    boolean v5 = level == 5;
    switch (p.type()) {
      case Names.CONNECT -> connect(r, f);
      case Names.CONNACK -> {
        int flags = r.u8("connect acknowledge flags");
        f.put("session_present", (flags & 1) != 0);
        if ((flags & 0xfe) != 0) {
          f.malformed("mqtt_bad_flags", "reserved CONNACK flag bits set: 0x" + Integer.toHexString(flags));
        }
        int code = r.u8("connect return code");
        f.put("return_code", code).put("connect_status", v5 ? Names.reason(code) : Names.connectStatus(code));
        optionalProperties(r, f, v5);
      }
      case Names.PUBLISH -> {
        return publish(p, r, v5, f);
      }
      case Names.PUBACK, Names.PUBREC, Names.PUBREL, Names.PUBCOMP -> {
        packetId(r, f);
        if (v5 && r.remaining() > 0) {
          reasonCode(r, f);
          optionalProperties(r, f, true);
        }
      }
      case Names.SUBSCRIBE -> subscribe(r, v5, f);
      case Names.SUBACK, Names.UNSUBACK -> {
        packetId(r, f);
        if (v5) {
          Properties.read(r, f, "properties");
        }
        String list = p.type() == Names.SUBACK ? "granted_qos" : "reason_codes";
        while (r.remaining() > 0) {
          f.add(list, r.u8(list));
        }
        if (p.type() == Names.SUBACK && f.get(list) == null) {
          f.malformed("mqtt_empty_suback", "a SUBACK without a return code");
        }
      }
      case Names.UNSUBSCRIBE -> {
        packetId(r, f);
        if (v5) {
          Properties.read(r, f, "properties");
        }
        while (r.remaining() > 0) {
          f.add("topics", r.string("topic filter"));
        }
        if (f.get("topics") == null) {
          f.malformed("mqtt_empty_unsubscribe", "an UNSUBSCRIBE without a topic filter");
        }
      }
      case Names.PINGREQ, Names.PINGRESP -> { }
      case Names.DISCONNECT, Names.AUTH -> {
        if (p.type() == Names.AUTH && !v5) {
          f.malformed("mqtt_auth_before_v5", "AUTH is an MQTT 5 packet; this conversation speaks "
              + Names.version(level));
        } else if (v5 && r.remaining() > 0) {
          reasonCode(r, f);
          optionalProperties(r, f, true);
        }
      }
      default -> f.malformed("mqtt_reserved_type", "packet type 0 is reserved");
    }
    if (r.remaining() > 0 && p.type() != Names.PUBLISH) {
      f.malformed("mqtt_trailing_bytes", r.remaining() + " bytes after the last field of " + Names.operation(p.type()));
    }
    return -1;
  }

  private static void connect(Reader r, Fields f) {
    String name = r.string("protocol name");
    int level = r.u8("protocol level");
    f.put("proto_name", name).put("protocol_level", level).put("proto_version", Names.version(level));
    if (!(name.equals("MQTT") && (level == 4 || level == 5)) && !(name.equals("MQIsdp") && level == 3)) {
      f.malformed("mqtt_unknown_protocol", "protocol " + name + " level " + level + " is not MQTT 3.1, 3.1.1 or 5.0");
    }
    int flags = r.u8("connect flags");
    boolean will = (flags & 0x04) != 0;
    int willQos = (flags >> 3) & 3;
    f.put("clean_session", (flags & 0x02) != 0).put("will_flag", will).put("will_qos", willQos)
        .put("will_retain", (flags & 0x20) != 0).put("password_present", (flags & 0x40) != 0)
        .put("username_present", (flags & 0x80) != 0);
    if ((flags & 0x01) != 0) {
      f.malformed("mqtt_bad_flags", "the reserved CONNECT flag is set");
    } else if (willQos == 3 || !will && (flags & 0x38) != 0) {
      f.malformed("mqtt_bad_flags", "will QoS " + willQos + " / will retain with will flag " + will);
    }
    f.put("keep_alive", r.u16("keep alive"));
    if (level == 5) {
      Properties.read(r, f, "properties");
    }
    f.put("client_id", r.string("client identifier"));
    if (will) {
      if (level == 5) {
        Properties.read(r, f, "will_properties");
      }
      f.put("will_topic", r.string("will topic"));
      f.put("will_payload_len", r.skipBinary("will payload"));
    }
    if ((flags & 0x80) != 0) {
      r.skipBinary("user name");
    }
    if ((flags & 0x40) != 0) {
      r.skipBinary("password");
    }
  }

  private static int publish(Packet p, Reader r, boolean v5, Fields f) {
    int qos = (p.flags() >> 1) & 3;
    f.put("dup", (p.flags() & 0x08) != 0).put("qos", qos).put("retain", (p.flags() & 0x01) != 0);
    if (qos == 3) {
      f.malformed("mqtt_bad_qos", "a PUBLISH with QoS 3");
    }
    f.put("topic", r.string("topic name"));
    if (qos != 0) {
      packetId(r, f);
    }
    if (v5) {
      Properties.read(r, f, "properties");
    }
    f.put("payload_len", (int) (p.end() - r.position()));
    return r.position();
  }

  private static void subscribe(Reader r, boolean v5, Fields f) {
    packetId(r, f);
    if (v5) {
      Properties.read(r, f, "properties");
    }
    while (r.remaining() > 0) {
      f.add("topics", r.string("topic filter"));
      int options = r.u8("subscription options");
      f.add("qos_levels", options & 3);
      if (v5) {
        f.add("subscription_options", options);
      }
      if ((options & 3) == 3 || (options & (v5 ? 0xc0 : 0xfc)) != 0) {
        f.malformed("mqtt_bad_subscription_options", "subscription options 0x" + Integer.toHexString(options));
      }
    }
    if (f.get("topics") == null) {
      f.malformed("mqtt_empty_subscribe", "a SUBSCRIBE without a topic filter");
    }
  }

  private static void packetId(Reader r, Fields f) {
    int id = r.u16("packet identifier");
    f.put("msg_id", id);
    if (id == 0) {
      f.malformed("mqtt_zero_packet_id", "packet identifier 0");
    }
  }

  private static void reasonCode(Reader r, Fields f) {
    int code = r.u8("reason code");
    f.put("reason_code", code).put("reason", Names.reason(code));
  }

  /** MQTT 5 packets whose properties may be left out when there are none. */
  private static void optionalProperties(Reader r, Fields f, boolean v5) {
    if (v5 && r.remaining() > 0) {
      Properties.read(r, f, "properties");
    }
  }
}
