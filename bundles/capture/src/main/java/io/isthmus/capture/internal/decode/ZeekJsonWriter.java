package io.isthmus.capture.internal.decode;

import io.isthmus.api.decode.Conversation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One JSON object a line, as Zeek's JSON log writer spells them, plus {@code _path} first since
 * every log shares one stream: {@code ts} as epoch seconds (a number with six decimals), flat
 * dotted {@code id.*} keys, unset columns left out, vectors as arrays, booleans as true/false.
 * Written byte by byte without reflection or an intermediate tree.
 */
final class ZeekJsonWriter implements RowWriter {
  private static final byte[] PATH = ascii("{\"_path\":");
  private static final byte[] TS = ascii(",\"ts\":");
  private static final byte[] UID = ascii(",\"uid\":");
  private static final byte[] ORIG_H = ascii(",\"id.orig_h\":");
  private static final byte[] ORIG_P = ascii(",\"id.orig_p\":");
  private static final byte[] RESP_H = ascii(",\"id.resp_h\":");
  private static final byte[] RESP_P = ascii(",\"id.resp_p\":");
  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");
  private static final byte[] NULL = ascii("null");
  private static final int MAX_KEYS = 4096;

  private final Utf8Output out;
  /** Each column name's {@code ,"name":} bytes: decoders use a few names over and over. */
  private final Map<String, byte[]> keys = new HashMap<>();

  ZeekJsonWriter(OutputStream stream) {
    this.out = new Utf8Output(stream);
  }

  @Override
  public void row(String path, long timeMicros, @Nullable Conversation c, Map<String, @Nullable Object> columns)
      throws IOException {
    out.raw(PATH);
    out.string(path);
    out.raw(TS);
    out.seconds(timeMicros);
    if (c != null) {
      out.raw(UID);
      out.string(c.uid());
      out.raw(ORIG_H);
      out.string(c.client().ip());
      out.raw(ORIG_P);
      out.number(c.client().port());
      out.raw(RESP_H);
      out.string(c.server().ip());
      out.raw(RESP_P);
      out.number(c.server().port());
    }
    for (Map.Entry<String, @Nullable Object> e : columns.entrySet()) {
      Object v = e.getValue();
      if (v == null || v instanceof Double d && !Double.isFinite(d) || v instanceof Float f && !Float.isFinite(f)) {
        continue;
      }
      out.raw(key(e.getKey()));
      value(v);
    }
    out.raw('}');
    out.raw('\n');
    out.flushIfFull();
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  private byte[] key(String name) {
    byte[] k = keys.get(name);
    if (k == null) {
      Utf8Output s = new Utf8Output(OutputStream.nullOutputStream(), 8 + 6 * name.length());
      s.raw(',');
      s.string(name);
      s.raw(':');
      k = s.buffered();
      if (keys.size() >= MAX_KEYS) {
        keys.clear();
      }
      keys.put(name, k);
    }
    return k;
  }

  private void value(@Nullable Object v) {
    if (v instanceof String s) {
      out.string(s);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      out.number(((Number) v).longValue());
    } else if (v instanceof Boolean b) {
      out.raw(b ? TRUE : FALSE);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isFinite(d)) {
        out.raw(ascii(Double.toString(d)));
      } else {
        out.raw(NULL);
      }
    } else if (v instanceof List<?> list) {
      out.raw('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.raw(',');
        }
        value(list.get(i));
      }
      out.raw(']');
    } else if (v instanceof java.util.Collection<?> set) {
      value(new java.util.ArrayList<>(set));
    } else if (v == null) {
      out.raw(NULL);
    } else {
      out.string(v.toString());
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
