package io.isthmus.capture.internal.decode;

import io.isthmus.api.decode.Conversation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
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
  private static final int MAX_CACHED = 4096;

  private static final int MAX_POSITIONS = 256;

  private final Utf8Output out;
  /** Each column name's {@code ,"name":} bytes: decoders use a few names over and over. */
  private final Map<String, byte[]> keys = new HashMap<>();
  private final Map<String, Log> logs = new HashMap<>();
  /**
   * Each conversation's uid and {@code id.*} columns, encoded once and copied into each of its
   * rows. Consecutive rows mostly belong to one conversation, hence the last one kept aside.
   */
  private final Map<Conversation, byte[]> ids = new IdentityHashMap<>();
  private @Nullable Conversation lastConversation;
  private byte[] lastIds = new byte[0];
  private @Nullable String lastPath;
  private @Nullable Log lastLog;

  /**
   * One log's {@code {"_path":"name","ts":} bytes, and the column names of its last rows by
   * position: a decoder writes a log's columns in the same order with the same String
   * instances, so an identity check usually finds a name's bytes without hashing.
   */
  private static final class Log {
    final byte[] prefix;
    String[] names = new String[16];
    byte[][] bytes = new byte[16][];
    /** The String value last written at each position, and once it came twice in a row, its bytes. */
    @Nullable Object[] values = new Object[16];
    byte[][] valueBytes = new byte[16][];

    Log(byte[] prefix) {
      this.prefix = prefix;
    }
  }

  private final ColumnWriter columnWriter = new ColumnWriter();

  /** Writes one row's columns in turn; {@link #log} and {@link #position} are set per row. */
  private final class ColumnWriter implements BiConsumer<String, @Nullable Object> {
    Log log = new Log(new byte[0]);
    int position;

    @Override
    public void accept(String name, @Nullable Object v) {
      int at = position++;
      if (v == null || v instanceof Double d && !Double.isFinite(d) || v instanceof Float f && !Float.isFinite(f)) {
        return;
      }
      if (at < log.names.length && log.names[at] == name) {
        out.raw(log.bytes[at]);
        if (v instanceof String s) {
          string(log, at, s);
          return;
        }
      } else {
        out.raw(name(log, at, name));
      }
      value(v);
    }

    /**
     * Decoders repeat the same String instances in a column (function names, REQ/RESP): such a
     * value is encoded once it comes a second time in a row, then copied.
     */
    private void string(Log log, int at, String s) {
      if (log.values[at] != s) {
        log.values[at] = s;
        log.valueBytes[at] = null;
        out.string(s);
        return;
      }
      byte[] bytes = log.valueBytes[at];
      if (bytes == null) {
        // Encoded in place, then the encoded bytes kept: no scratch buffer per value.
        int from = out.size();
        out.string(s);
        log.valueBytes[at] = out.copy(from);
        return;
      }
      out.raw(bytes);
    }
  }

  ZeekJsonWriter(OutputStream stream) {
    this.out = new Utf8Output(stream);
  }

  @Override
  public void row(String path, long timeMicros, @Nullable Conversation c, Map<String, @Nullable Object> columns)
      throws IOException {
    Log log = lastLog;
    if (path != lastPath || log == null) {
      log = cached(logs, path, p -> new Log(pathBytes(p)));
      lastPath = path;
      lastLog = log;
    }
    out.raw(log.prefix);
    out.seconds(timeMicros);
    if (c != null) {
      if (c != lastConversation) {
        lastIds = cached(ids, c, ZeekJsonWriter::idBytes);
        lastConversation = c;
      }
      out.raw(lastIds);
    }
    columnWriter.log = log;
    columnWriter.position = 0;
    // forEach, not entrySet(): rows are walked without an iterator or entry objects.
    columns.forEach(columnWriter);
    out.raw('}');
    out.raw('\n');
    out.flushIfFull();
  }

  private byte[] name(Log log, int at, String name) {
    byte[] bytes = cached(keys, name, ZeekJsonWriter::keyBytes);
    if (at < MAX_POSITIONS) {
      if (at >= log.names.length) {
        int size = Math.min(MAX_POSITIONS, Math.max(at + 1, 2 * log.names.length));
        log.names = java.util.Arrays.copyOf(log.names, size);
        log.bytes = java.util.Arrays.copyOf(log.bytes, size);
        log.values = java.util.Arrays.copyOf(log.values, size);
        log.valueBytes = java.util.Arrays.copyOf(log.valueBytes, size);
      }
      log.names[at] = name;
      log.bytes[at] = bytes;
    }
    return bytes;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  private static <K, V> V cached(Map<K, V> cache, K key, Function<K, V> encode) {
    V value = cache.get(key);
    if (value == null) {
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      value = encode.apply(key);
      cache.put(key, value);
    }
    return value;
  }

  private static byte[] pathBytes(String path) {
    Utf8Output s = scratch(path.length());
    s.raw(PATH);
    s.string(path);
    s.raw(TS);
    return s.buffered();
  }

  private static byte[] idBytes(Conversation c) {
    Utf8Output s = scratch(c.uid().length() + c.client().ip().length() + c.server().ip().length() + 80);
    s.raw(UID);
    s.string(c.uid());
    s.raw(ORIG_H);
    s.string(c.client().ip());
    s.raw(ORIG_P);
    s.number(c.client().port());
    s.raw(RESP_H);
    s.string(c.server().ip());
    s.raw(RESP_P);
    s.number(c.server().port());
    return s.buffered();
  }

  private static byte[] keyBytes(String name) {
    Utf8Output s = scratch(name.length());
    s.raw(',');
    s.string(name);
    s.raw(':');
    return s.buffered();
  }

  private static Utf8Output scratch(int chars) {
    return new Utf8Output(OutputStream.nullOutputStream(), 32 + 6 * chars);
  }

  private void value(@Nullable Object v) {
    if (v instanceof String s) {
      out.string(s);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
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
