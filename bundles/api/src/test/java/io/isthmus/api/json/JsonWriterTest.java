package io.isthmus.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  private enum Zone { OT_CONTROL }

  @Test
  void nestedObjectsAndArraysGetTheirCommasAndColons() {
    String json = new JsonWriter().beginObject()
        .name("a").beginArray().value(1).beginObject().name("b").beginArray().endArray().endObject()
        .beginObject().endObject().beginArray().beginArray().endArray().value("x").endArray().endArray()
        .name("c").beginObject().name("d").nullValue().name("e").value(true).name("f").value(false).endObject()
        .name("g").value("h")
        .endObject().toString();

    assertEquals("{\"a\":[1,{\"b\":[]},{},[[],\"x\"]],\"c\":{\"d\":null,\"e\":true,\"f\":false},\"g\":\"h\"}", json);
    JsonObject parsed = Json.createReader(new StringReader(json)).readObject();
    assertEquals("x", parsed.getJsonArray("a").getJsonArray(3).getString(1));
  }

  @Test
  void namesAreEscapedLikeStrings() {
    assertEquals("{\"a\\\"b\\n\":\"\\u2028\"}", new JsonWriter().beginObject().name("a\"b\n").value("\u2028").endObject()
        .toString());
  }

  @Test
  void aTopLevelValueMayBeAnything() {
    assertEquals("[]", new JsonWriter().beginArray().endArray().toString());
    assertEquals("{}", new JsonWriter().beginObject().endObject().toString());
    assertEquals("\"s\"", new JsonWriter().value("s").toString());
    assertEquals("null", new JsonWriter().value((String) null).toString());
    assertEquals("-7", new JsonWriter().value(-7).toString());
  }

  @Test
  void numbersAreWrittenByTheirType() {
    assertEquals("[-9223372036854775808,9223372036854775807,0.5,1.0,-0.0,1.0E-7,1.0E21,null,null,null]",
        new JsonWriter().beginArray().value(Long.MIN_VALUE).value(Long.MAX_VALUE).value(0.5).value(1.0).value(-0.0)
            .value(1e-7).value(1e21).value(Double.NaN).value(Double.POSITIVE_INFINITY).value(Double.NEGATIVE_INFINITY)
            .endArray().toString());
    assertEquals("[3,3,3,3,1.1,0.90,123456789012345678901234567890,7,null,null,2.5,null]", JsonWriter.toJson(List.of(
        3, 3L, (short) 3, (byte) 3, 1.1f, new BigDecimal("0.90"), new BigInteger("123456789012345678901234567890"),
        new AtomicLong(7), Float.NaN, Double.NEGATIVE_INFINITY, adder(2.5), adder(Double.NaN))));
  }

  private static DoubleAdder adder(double value) {
    DoubleAdder adder = new DoubleAdder();
    adder.add(value);
    return adder;
  }

  @Test
  void treesOfMapsCollectionsAndValues() {
    Map<Object, Object> tree = new LinkedHashMap<>();
    tree.put("z", "last key first: insertion order is kept");
    tree.put(7, List.of(1, "two", true));
    tree.put("nothing", null);
    tree.put("nested", Map.of("list", new ArrayList<>(Arrays.asList(null, List.of(), Map.of()))));
    tree.put("zone", Zone.OT_CONTROL);
    tree.put("at", Instant.parse("2026-05-01T08:00:00.250Z"));

    assertEquals("{\"z\":\"last key first: insertion order is kept\",\"7\":[1,\"two\",true],\"nothing\":null,"
        + "\"nested\":{\"list\":[null,[],{}]},\"zone\":\"OT_CONTROL\",\"at\":\"2026-05-01T08:00:00.250Z\"}",
        JsonWriter.toJson(tree));
  }

  @Test
  void aTreeIsOneValueInsideStreamedOutput() {
    String json = new JsonWriter().beginArray().write(Map.of("a", 1)).write(null).value("b").endArray().toString();
    assertEquals("[{\"a\":1},null,\"b\"]", json);
  }

  @Test
  void callsOutOfPlaceAreRefused() {
    assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().value("no name"));
    assertThrows(IllegalStateException.class, () -> new JsonWriter().beginArray().name("in an array"));
    assertThrows(IllegalStateException.class, () -> new JsonWriter().name("at the top"));
    assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().name("a").name("b"));
    assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().name("a").endObject());
    assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().endArray());
    assertThrows(IllegalStateException.class, () -> new JsonWriter().beginArray().endObject());
    assertThrows(IllegalStateException.class, () -> new JsonWriter().endArray());
    assertThrows(IllegalStateException.class, () -> new JsonWriter().value(1).value(2));
    assertThrows(IllegalStateException.class, () -> new JsonWriter().beginArray().endArray().beginArray());
  }

  @Test
  void deepNestingGrowsTheStack() {
    JsonWriter writer = new JsonWriter();
    for (int i = 0; i < 100; i++) {
      writer.beginArray();
    }
    for (int i = 0; i < 100; i++) {
      writer.endArray();
    }
    assertEquals("[".repeat(100) + "]".repeat(100), writer.toString());
  }

  @Test
  void writesToAnyAppendable() {
    StringWriter out = new StringWriter();
    new JsonWriter(out).beginObject().name("a").value("b").endObject();
    assertEquals("{\"a\":\"b\"}", out.toString());
  }

  @Test
  void anAppendablesIoExceptionIsRethrownUnchecked() {
    Writer broken = new Writer() {
      @Override
      public void write(char[] buffer, int offset, int length) throws IOException {
        throw new IOException("disk full");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new JsonWriter(broken).value("x"));
    assertEquals("disk full", e.getCause().getMessage());
  }
}
