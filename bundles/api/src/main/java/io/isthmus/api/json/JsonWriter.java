package io.isthmus.api.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Writes one JSON value (RFC 8259) as it is built, with no whitespace: objects, arrays, member
 * names, strings, numbers, booleans and null. Commas and colons are placed here; a call out of
 * place (a value in an object without its name, a name in an array, a closing bracket that does
 * not match, a second top-level value) is an {@link IllegalStateException}.
 *
 * <p>Strings are escaped as {@link JsonStrings#append} says. Numbers: integers in decimal; a
 * {@code double} or {@code float} as {@link Double#toString}/{@link Float#toString} write it
 * ({@code 0.5}, {@code 1.0E-7}), and as {@code null} when it is NaN or infinite; a {@link
 * BigDecimal} as its {@link BigDecimal#toString}, so its scale is kept ({@code 0.90}).
 *
 * <p>{@link #write(Object)} writes a tree of maps (objects, in their iteration order, keys by
 * {@link String#valueOf}), collections (arrays), strings, numbers, booleans and nulls; any other
 * object is written as the string of its {@code toString()} (an enum constant's name, an {@code
 * Instant} in ISO-8601).
 *
 * <p>Not thread-safe. An {@link IOException} of the {@link Appendable} is rethrown as an {@link
 * UncheckedIOException}.
 */
public final class JsonWriter {

  private static final byte OBJECT = 1;
  private static final byte OBJECT_WITH_MEMBERS = 2;
  private static final byte ARRAY = 3;
  private static final byte ARRAY_WITH_ITEMS = 4;

  private final Appendable out;
  private byte[] open = new byte[8];
  private int depth;
  private boolean afterName;
  private boolean complete;

  /** A writer into its own buffer; {@link #toString()} returns the text. */
  public JsonWriter() {
    this(new StringBuilder(256));
  }

  /** A writer that appends to {@code out}; {@link #toString()} returns {@code out.toString()}. */
  public JsonWriter(Appendable out) {
    this.out = out;
  }

  /** {@code tree} as JSON text (see {@link #write(Object)}). */
  public static String toJson(@Nullable Object tree) {
    return new JsonWriter().write(tree).toString();
  }

  public JsonWriter beginObject() {
    beforeValue();
    put('{');
    push(OBJECT);
    return this;
  }

  public JsonWriter endObject() {
    close(OBJECT, OBJECT_WITH_MEMBERS, '}');
    return this;
  }

  public JsonWriter beginArray() {
    beforeValue();
    put('[');
    push(ARRAY);
    return this;
  }

  public JsonWriter endArray() {
    close(ARRAY, ARRAY_WITH_ITEMS, ']');
    return this;
  }

  /** The name of the next member of the current object; its value comes next. */
  public JsonWriter name(String name) {
    byte top = depth == 0 ? 0 : open[depth - 1];
    if (top != OBJECT && top != OBJECT_WITH_MEMBERS || afterName) {
      throw new IllegalStateException("a member name belongs in an object, before its value: " + name);
    }
    if (top == OBJECT_WITH_MEMBERS) {
      put(',');
    } else {
      open[depth - 1] = OBJECT_WITH_MEMBERS;
    }
    string(name);
    put(':');
    afterName = true;
    return this;
  }

  public JsonWriter value(@Nullable String value) {
    if (value == null) {
      return nullValue();
    }
    beforeValue();
    string(value);
    return afterValue();
  }

  public JsonWriter value(long value) {
    return literal(Long.toString(value));
  }

  /** A finite {@code value} as {@link Double#toString} writes it; NaN and the infinities as {@code null}. */
  public JsonWriter value(double value) {
    return Double.isFinite(value) ? literal(Double.toString(value)) : nullValue();
  }

  public JsonWriter value(boolean value) {
    return literal(value ? "true" : "false");
  }

  /** A number by its type, as the class comment says; any other {@link Number} by its {@code doubleValue()}. */
  public JsonWriter value(@Nullable Number value) {
    if (value == null) {
      return nullValue();
    }
    if (value instanceof Double || value instanceof Float) {
      return Double.isFinite(value.doubleValue()) ? literal(value.toString()) : nullValue();
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger || value instanceof BigDecimal || value instanceof AtomicInteger
        || value instanceof AtomicLong) {
      return literal(value.toString());
    }
    return value(value.doubleValue());
  }

  public JsonWriter nullValue() {
    return literal("null");
  }

  /** Writes {@code tree} (maps, collections, strings, numbers, booleans, nulls; see the class comment) as one value. */
  public JsonWriter write(@Nullable Object tree) {
    if (tree == null) {
      return nullValue();
    } else if (tree instanceof String s) {
      return value(s);
    } else if (tree instanceof Number n) {
      return value(n);
    } else if (tree instanceof Boolean b) {
      return value(b.booleanValue());
    } else if (tree instanceof Map<?, ?> map) {
      beginObject();
      for (Map.Entry<?, ?> member : map.entrySet()) {
        name(String.valueOf(member.getKey())).write(member.getValue());
      }
      return endObject();
    } else if (tree instanceof Collection<?> items) {
      beginArray();
      for (Object item : items) {
        write(item);
      }
      return endArray();
    }
    return value(tree.toString());
  }

  /** The text written so far when this writer has its own buffer, else {@code toString()} of the {@link Appendable}. */
  @Override
  public String toString() {
    return out.toString();
  }

  private JsonWriter literal(String text) {
    beforeValue();
    put(text);
    return afterValue();
  }

  private void beforeValue() {
    if (depth == 0) {
      if (complete) {
        throw new IllegalStateException("a JSON text holds one value, and this writer has written it");
      }
      return;
    }
    byte top = open[depth - 1];
    if (top == OBJECT || top == OBJECT_WITH_MEMBERS) {
      if (!afterName) {
        throw new IllegalStateException("a value in an object needs its member name first");
      }
      afterName = false;
    } else if (top == ARRAY_WITH_ITEMS) {
      put(',');
    } else {
      open[depth - 1] = ARRAY_WITH_ITEMS;
    }
  }

  private JsonWriter afterValue() {
    if (depth == 0) {
      complete = true;
    }
    return this;
  }

  private void push(byte kind) {
    if (depth == open.length) {
      open = Arrays.copyOf(open, depth * 2);
    }
    open[depth++] = kind;
  }

  private void close(byte empty, byte nonEmpty, char bracket) {
    byte top = depth == 0 ? 0 : open[depth - 1];
    if (top != empty && top != nonEmpty || afterName) {
      throw new IllegalStateException(afterName ? "a member name without its value before '" + bracket + "'"
          : "'" + bracket + "' does not close what is open");
    }
    depth--;
    put(bracket);
    afterValue();
  }

  private void string(String text) {
    try {
      JsonStrings.escape(out, text, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void put(char c) {
    try {
      out.append(c);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void put(String text) {
    try {
      out.append(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
